import KioskCore
import KioskStatistics

/// The museum's statistics of one session: what the tour records (`TourEffect.record`) made
/// into rows for the statistics' queue, stamped with what the tour does not know: the stand,
/// the front, the hour on the stand's clock, a random number for the visit, and how long each
/// place stayed on the screen.
///
/// A place's time is the time it was on the screen, except that a stretch with no key counts
/// for at most the idle timeout (`--idle-timeout`, 2 minutes by default): from the place's
/// first showing, each key while it shows and its leaving the screen, every gap between two of
/// these counts up to that long. So the idle warning, the time after it, and a visitor who
/// walked away mid-page count nothing beyond it, on a stand or anywhere else.
public final class VisitRecorder: SessionWatcher {
    private let statistics: StatisticsService
    private let stand: String
    private let front: String
    private let clock: Clock
    private var idleTimeout: Int64 = 120_000
    private var visit: Visit?

    /// A visit under way: its number, the language it reads in, the place on the screen and the
    /// last place shown (where it ends).
    private struct Visit {
        var number: Int64
        var language: String
        var shown: Shown?
        var lastPlace: VisitPlace?
    }

    /// A place on the screen: since when its time is counted, and what was counted before.
    private struct Shown {
        var place: VisitPlace
        var language: String
        var day: String
        var hour: Int
        var counted: Int64
        var since: Instant
    }

    /// `front`: how the visitor came (stand, ssh, plain, laptop), kept with each visit's start.
    public init(statistics: StatisticsService, stand: String, front: String, clock: Clock) {
        self.statistics = statistics
        self.stand = stand
        self.front = front
        self.clock = clock
    }

    public func shows(_ tour: Tour) {
        idleTimeout = Int64(tour.kiosk.idleTimeout * 1000)
    }

    public func visitorActed() {
        guard var shown = visit?.shown else { return }
        count(&shown)
        visit?.shown = shown
    }

    public func recorded(_ record: VisitRecord) {
        if case .began(let language) = record {
            visit = Visit(number: Int64.random(in: 1...Int64.max), language: language)
            keep(.began, detail: front)
            return
        }
        guard visit != nil else { return }
        switch record {
        case .began: break
        case .showing(let place):
            leave()
            if let place, let language = visit?.language {
                let time = clock.wall.local
                visit?.shown = Shown(place: place, language: language, day: time.date, hour: time.hour, counted: 0, since: clock.now)
                visit?.lastPlace = place
            }
        case .readMore(let place): keep(.readMore, place: place)
        case .door(let hall, let entered): keep(.door, hall: hall, detail: entered ? VisitEvent.entered : VisitEvent.turnedBack)
        case .steppedOut(let hall): keep(.steppedOut, hall: hall ?? "")
        case .steppedBack(let hall): keep(.steppedBack, hall: hall ?? "")
        case .graphicRevealed(let place): keep(.graphic, place: place)
        case .languageChanged(let language):
            visit?.language = language
            keep(.language)
        case .joinedGroup: keep(.group, detail: VisitEvent.joined)
        case .ledGroup: keep(.group, detail: VisitEvent.led)
        case .ended(let end): close(as: end)
        }
    }

    public func wake() {}

    public var nextDeadline: Instant? { nil }

    /// The session is over: a visit still under way ended with the terminal or the connection,
    /// and what is waiting is written.
    public func ended() {
        if visit != nil { close(as: .hangUp) }
        statistics.close()
    }

    // MARK: - Rows

    private func close(as end: VisitEnd) {
        leave()
        keep(.ended, place: visit?.lastPlace, detail: VisitEvent.detail(end))
        visit = nil
    }

    /// The place on the screen leaves it: its time is kept.
    private func leave() {
        guard var shown = visit?.shown, let number = visit?.number else { return }
        count(&shown)
        statistics.record(VisitEvent(visit: number, stand: stand, day: shown.day, hour: shown.hour, kind: .shown, place: shown.place,
                                     language: shown.language, amount: shown.counted))
        visit?.shown = nil
    }

    /// The time since the last count, up to the idle timeout.
    private func count(_ shown: inout Shown) {
        let now = clock.now
        shown.counted += min(max(0, shown.since.milliseconds(until: now)), idleTimeout)
        shown.since = now
    }

    private func keep(_ kind: VisitEvent.Kind, place: VisitPlace? = nil, hall: String = "", detail: String = "") {
        guard let visit else { return }
        let time = clock.wall.local
        statistics.record(VisitEvent(visit: visit.number, stand: stand, day: time.date, hour: time.hour, kind: kind, place: place,
                                     hall: hall, language: visit.language, detail: detail))
    }
}
