import KioskCore

/// One thing that happened in a visit, as the statistics keep it (a row of `visit_events`): no
/// identity, no key, no text, and the time only to the hour of the stand's day. The visit is a
/// random number drawn when the visit begins and forgotten when it ends, so the rows of one
/// visit belong together and to nothing else.
public struct VisitEvent: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// `detail`: the front (stand, ssh, plain, laptop); `language`: the one it began in.
        case began
        /// A place was on the screen for `amount` milliseconds, idle time not counted.
        case shown
        /// A stop's longer text was opened.
        case readMore = "more"
        /// At a hall's door: `detail` entered or turned-back.
        case door
        /// Out to the quiet page from `hall` (empty: from outside the halls), and back.
        case steppedOut = "stepped-out"
        case steppedBack = "stepped-back"
        /// A graphic exhibit shown in full.
        case graphic
        /// The visitor changed language, to `language`.
        case language
        /// `detail`: joined or led.
        case group
        /// `detail`: how (VisitEnd); the place: the last one shown.
        case ended
        /// `amount` events could not be kept (the database was full or unavailable): written
        /// with no visit, once the database is back.
        case dropped
    }

    /// The visit's random number; 0 for a row that belongs to no visit.
    public var visit: Int64
    public var stand: String
    /// The stand's calendar day, as 2026-12-04, and the hour of it.
    public var day: String
    public var hour: Int
    public var kind: Kind
    /// For `shown`, `more`, `graphic` and `ended`: what kind of place (`Place`), and the hall's
    /// and exhibit's ids in the pack where it is one.
    public var place: String
    public var hall: String
    public var exhibit: String
    /// The language the visitor was reading in.
    public var language: String
    public var detail: String
    public var amount: Int64

    public init(visit: Int64, stand: String, day: String, hour: Int, kind: Kind, place: VisitPlace? = nil, hall: String = "",
                language: String = "", detail: String = "", amount: Int64 = 0) {
        self.visit = visit
        self.stand = stand
        self.day = day
        self.hour = hour
        self.kind = kind
        let columns = place.map(Place.columns) ?? (place: "", hall: hall, exhibit: "")
        self.place = columns.place
        self.hall = columns.hall
        self.exhibit = columns.exhibit
        self.language = language
        self.detail = detail
        self.amount = amount
    }

    /// The names of places in the `place` column.
    public enum Place {
        public static let welcome = "welcome", advisory = "advisory", door = "door", stop = "stop", end = "end", quiet = "quiet"

        static func columns(_ place: VisitPlace) -> (place: String, hall: String, exhibit: String) {
            switch place {
            case .welcome: return (welcome, "", "")
            case .tourAdvisory: return (advisory, "", "")
            case .door(let hall): return (door, hall, "")
            case .stop(let hall, let exhibit): return (stop, hall, exhibit ?? "")
            case .end: return (end, "", "")
            case .quietRoom: return (quiet, "", "")
            }
        }
    }

    /// The words kept in `detail` for how a visit ended, at a door, and in a group.
    public static func detail(_ end: VisitEnd) -> String {
        switch end {
        case .idleReset: return "idle-reset"
        case .museumClosed: return "museum-closed"
        case .left: return "left"
        case .sessionClosed: return "session-closed"
        case .staffExit: return "staff-exit"
        case .hangUp: return "hang-up"
        }
    }

    public static let entered = "entered", turnedBack = "turned-back", joined = "joined", led = "led"
}
