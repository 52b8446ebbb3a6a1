import KioskCore

/// The one loop every front runs a session with: it ticks, reads input, reduces, performs the
/// effects `reduce` returns (feeding their answers back), presents, and sleeps until the
/// tour's next deadline. It knows neither ncurses nor the command line.
///
/// `run` is the loop; `send` and `wake` are its steps, for tests that drive several sessions
/// side by side (a guide and participants in one process).
public final class SessionRuntime {
    public private(set) var tour: Tour
    private let front: Front
    private let packs: PackSource?
    private let start: Tour.SessionStart
    private let clock: Clock
    private let effects: EffectRunner
    private let watchers: [SessionWatcher]
    public private(set) var state: TourState
    /// Set once the session has ended.
    public private(set) var ending: SessionOutcome.Ending?

    /// How many rounds of answers one event may set off (a join answered, then the first
    /// status sent): more means two effects answer each other for ever, a bug.
    static let answerRounds = 8

    /// Starts a session: its first state, and what it asks first (joining or opening a group)
    /// done.
    /// `packs`, when given, is asked for a newer pack whenever a visit begins by itself;
    /// `watchers` are told what happens (the stand's health, the visit statistics).
    public init(tour: Tour, front: Front, clock: Clock, effects: EffectRunner, start: Tour.SessionStart, packs: PackSource? = nil,
                watchers: [SessionWatcher] = []) {
        self.tour = tour
        self.front = front
        self.clock = clock
        self.effects = effects
        self.packs = packs
        self.watchers = watchers
        var start = start
        start.medium = front.medium
        self.start = start
        let started = tour.start(now: clock.now, size: front.size, config: start)
        state = started.state
        for watcher in watchers { watcher.shows(tour) }
        perform(started.effects)
        readWallClock()
    }

    /// How a session ended, and its state at the end.
    public struct SessionOutcome: Sendable {
        public enum Ending: Equatable, Sendable {
            /// The tour ended it: the visitor left, staff gave the PIN, a limit closed it.
            case tour(SessionEnd)
            /// The visitor went away: a hangup, the end of input, a signal.
            case input(InputEnd)
        }

        public var ending: Ending
        public var state: TourState
    }

    /// Runs the session until it ends.
    public func run() -> SessionOutcome {
        while ending == nil {
            front.present(state, tour)
            let now = clock.now
            let deadline = ([tour.nextDeadline(state), effects.nextDeadline] + watchers.map(\.nextDeadline)).compactMap { $0 }.min()
            let inputs = front.read(waitingUpTo: deadline.map { max(0, now.milliseconds(until: $0)) },
                                    wakingOn: effects.descriptors)
            wake()
            for input in inputs where ending == nil {
                switch input {
                case .event(let event): send(event)
                case .ended(let end): ending = .input(end)
                }
            }
        }
        effects.close()
        for watcher in watchers { watcher.ended() }
        guard let ending else { preconditionFailure("the loop ends with an ending") }
        return SessionOutcome(ending: ending, state: state)
    }

    /// A wake-up: the time now, the time of day, and what the world said (the other kiosks,
    /// the staff's notice).
    public func wake() {
        let now = clock.now
        send(.tick(now))
        readWallClock()
        for event in effects.news(now: now) where ending == nil { send(event) }
        for watcher in watchers { watcher.wake() }
    }

    /// The time of day, sent when its minute has changed, or when the tour waited for the
    /// next minute and the wall clock, slower than the monotonic one, is not there yet (sent
    /// again, it moves the tour's deadline on rather than leaving it in the past).
    private func readWallClock() {
        let local = clock.wall.local
        let known = state.session.day.time
        let due = tour.dayDeadline(state).map { clock.now >= $0 } ?? false
        if known.map({ !$0.isSameMinute(as: local) }) ?? true || due { send(.localTime(local)) }
    }

    /// Reduces an event and performs what it asks.
    public func send(_ event: TourEvent) {
        guard ending == nil else { return }
        switch event {
        case .key, .command, .goToStop, .choose: for watcher in watchers { watcher.visitorActed() }
        default: break
        }
        perform(tour.reduce(&state, event))
    }

    /// A newer pack between two visits: the next visit starts in it, as the session started.
    private func changePack(to newer: Tour) {
        tour = newer
        // The session's day goes on in the new pack: the time, the staff's notice.
        let day = state.session.day
        state = tour.start(now: clock.now, size: front.size, config: start).state
        state.session.day = day
        for watcher in watchers { watcher.shows(tour) }
    }

    /// Performs effects in order, reducing their answers, round after round until none come.
    private func perform(_ asked: [TourEffect]) {
        var pending = asked
        for _ in 0..<Self.answerRounds where !pending.isEmpty {
            var answers: [TourEvent] = []
            for effect in pending {
                if case .endSession(let end) = effect, ending == nil { ending = .tour(end) }
                if case .newVisit = effect {
                    if let newer = packs?.newerTour() { changePack(to: newer) } else { for watcher in watchers { watcher.shows(tour) } }
                }
                if case .record(let record) = effect { for watcher in watchers { watcher.recorded(record) } }
                if case .ringBell = effect { front.ringBell() }
                answers += effects.perform(effect, now: clock.now)
            }
            pending = answers.flatMap { tour.reduce(&state, $0) }
        }
    }
}
