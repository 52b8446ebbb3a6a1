/// A key as the visitor pressed it, decoded by the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// Ctrl with a letter, as `control("c")`.
    case control(Character)
    /// A function key or an escape sequence nobody asked for: ignored, never shown.
    case unknown
}

/// A terminal's size in columns and rows.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest terminal the tour is laid out for.
    public static let minimum = TerminalSize(columns: 40, rows: 12)

    public var isBelowMinimum: Bool { columns < Self.minimum.columns || rows < Self.minimum.rows }

    /// The largest terminal the kiosk draws. A terminal's size is the visitor's to choose (over
    /// SSH an ordinary window-change message), and every cell costs memory in the frames and in
    /// ncurses' screens, about 145 bytes: 65535 × 65535 would be hundreds of gigabytes. Beyond
    /// this the kiosk draws at this size and asks for a smaller window; 512 × 256 is wider and
    /// taller than a 4K screen in an 8-pixel font, and costs about 20 MB.
    public static let maximum = TerminalSize(columns: 512, rows: 256)

    public var isAboveMaximum: Bool { columns > Self.maximum.columns || rows > Self.maximum.rows }

    /// The size drawn: this one, at most the maximum (and never negative).
    public var clamped: TerminalSize {
        TerminalSize(columns: min(max(0, columns), Self.maximum.columns), rows: min(max(0, rows), Self.maximum.rows))
    }

    public var description: String { "\(columns) × \(rows)" }
}

/// A moment on a monotonic clock, in milliseconds. Time reaches the tour only as `.tick`
/// events carrying one, so tests drive idle timeouts with a fake clock.
public struct Instant: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public func adding(seconds: Double) -> Instant {
        Instant(milliseconds: milliseconds + Int64(seconds * 1000))
    }

    /// Milliseconds from `self` until `later` (negative when it is past).
    public func milliseconds(until later: Instant) -> Int64 { later.milliseconds - milliseconds }

    public var description: String { "\(milliseconds) ms" }
}

/// Everything that can happen to the tour. The fronts turn input into these, the runtime adds
/// the time and the answers to effects; nothing else changes the state.
public enum TourEvent: Hashable, Sendable {
    case key(Key)
    /// A command given by name rather than by a key (the line-by-line mode's `n`, `map`, `b`).
    case command(Command)
    /// A stop number given whole (the line-by-line mode's `g 450`), as typed.
    case goToStop(String)
    case resize(TerminalSize)
    /// The time now. The runtime sends one before each batch of input, and when the tour's
    /// next deadline comes.
    case tick(Instant)
    /// News from the other kiosks of a group tour.
    case group(GroupEvent)
    /// The visitor chose the page's item with this index directly (the line-by-line mode's
    /// numbered choices), rather than with arrows and Enter.
    case choose(Int)
    /// The answer to `TourEffect.checkStaffPIN`.
    case staffPINChecked(matches: Bool)
    /// The stand's wall clock, in its time zone: the runtime sends it when the minute changes.
    case localTime(LocalTime)
    /// The staff's notice as the notice file now says it; nil when there is none.
    case staffNotice(StaffNotice?)
    /// A line of text for the part of a form being filled in (the line-by-line mode, where a
    /// line is typed whole).
    case text(String)
    /// The book's answer to `TourEffect.book`.
    case book(BookNews)
}

/// Work the tour asks the runtime to do: `reduce` returns these as values and never touches
/// the world itself. Each is answered, if at all, by a `TourEvent`.
public enum TourEffect: Hashable, Sendable {
    /// Check a PIN typed at the staff exit against the configured hash (a slow hash, on
    /// purpose); answered by `.staffPINChecked`.
    case checkStaffPIN(String)
    /// Something for the group tour's sockets to do.
    case group(GroupRequest)
    /// The session is over: the runtime stops after this.
    case endSession(SessionEnd)
    /// A new visit begins by itself (the kiosk's idle reset, the demonstration starting
    /// over): nobody is reading, so it is the moment to change what is shown, such as a pack
    /// installed since.
    case newVisit
    /// Count what happened in a visit (the stand's health, the museum's statistics).
    case record(VisitRecord)
    /// Keep the staff exit's wrong PINs and its lock where the next process finds them: a
    /// kiosk restarted by its service manager must not forget a lock (issue 11).
    case saveStaffLock(StaffLock)
    /// Keep a visitor's words in the book of remembrance, or read a page of it; answered by
    /// `.book` when done, never while a key waits.
    case book(BookRequest)
    /// Ring the terminal's bell once: a guide is asked for a pause. Never on a public stand.
    case ringBell
}

/// What happened in a visit, as it is counted: never who, never a key, never a text. The
/// stand's health counts visits; the museum's statistics keep each record, stamped with the
/// time by the runtime (the tour has no clock), under an id that lives as long as the visit.
public enum VisitRecord: Hashable, Sendable {
    /// A visitor took the screen: woke the attract loop, took over the demonstration, or
    /// opened a session that has neither.
    case began(language: String)
    /// The place on the screen changed: the visitor sees this one now; nil while nothing of
    /// the tour is in view (the map, help, a menu, the book, the minute of silence). The
    /// runtime times each place from its record to the next.
    case showing(VisitPlace?)
    /// A stop's longer text ("read more") was opened.
    case readMore(VisitPlace)
    /// At a hall's door, the visitor went in after its advisories, or went elsewhere.
    case door(hall: String, entered: Bool)
    /// Out to the quiet page, from a place in this hall (nil: from outside the halls), and
    /// back to exactly where the visitor stepped out from.
    case steppedOut(hall: String?)
    case steppedBack(hall: String?)
    /// A graphic exhibit shown in full at the visitor's asking.
    case graphicRevealed(VisitPlace)
    /// The visitor changed the language they had chosen.
    case languageChanged(to: String)
    /// The visit became part of a group tour: as a participant, or as its guide.
    case joinedGroup
    case ledGroup
    case ended(VisitEnd)
}

/// A place a visitor is shown, as the statistics name it: halls and exhibits by their ids in
/// the pack, which outlive a new version of it.
public enum VisitPlace: Hashable, Sendable {
    /// The welcome and the choice of language.
    case welcome
    case tourAdvisory
    /// A hall's door, with its advisories.
    case door(hall: String)
    /// A hall (exhibit nil) or an exhibit, either layer of its text.
    case stop(hall: String, exhibit: String?)
    /// The end of the tour.
    case end
    /// The quiet page `x` steps out to.
    case quietRoom
}

/// Why a visit ended.
public enum VisitEnd: Hashable, Sendable {
    /// Nobody pressed a key through the idle warning.
    case idleReset
    /// The museum's closing time came.
    case museumClosed
    /// The visitor pressed `q` (never on a public kiosk).
    case left
    /// The session closed itself (`--idle-exit`, `--max-session`).
    case sessionClosed
    /// Staff gave the PIN at the staff exit.
    case staffExit
    /// The terminal or the connection went: a hang-up, the end of input, a signal. The runtime
    /// sees it, not the tour.
    case hangUp
}

/// Why the tour ended its session.
public enum SessionEnd: Hashable, Sendable {
    /// The visitor pressed `q` (never on a public kiosk).
    case visitorLeft
    /// Staff gave the PIN at the staff exit: the service manager leaves the kiosk stopped.
    case staffExit
    /// The session closed itself (`--idle-exit`, `--max-session`) after its last screen.
    case closed(SessionClose)
}
