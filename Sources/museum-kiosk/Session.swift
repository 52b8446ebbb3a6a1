import KioskCore
import KioskGroupLink
import KioskTerminal
import KioskView

/// One visit on one terminal: input to events, events to state, state to frames.
struct Session {
    let tour: Tour
    let screen: TerminalScreen
    /// The visit's group tour sockets, when group tours are set up on this host.
    let group: GroupLink?
    /// Sets up the new visit (limits, group role) before its first frame.
    let prepare: (inout TourState) -> Void

    /// The longest wait: it bounds how late a signal caught just before polling is noticed.
    static let wakeInterval: Int64 = 500

    /// Runs until the visitor quits or the session closes itself (end nil) or ends for
    /// another reason; returns the last state too.
    func run(language: String?) -> (end: TerminalEnd?, state: TourState) {
        let view = TourView(tour: tour)
        var state = tour.start(language: language, size: screen.size)
        prepare(&state)
        tour.reduce(&state, .tick(MonotonicClock.now))
        while true {
            group?.exchange(&state, now: MonotonicClock.now)
            screen.draw(view.render(state))
            if state.hasEnded { return (nil, state) }
            let wait = tour.nextDeadline(state).map { MonotonicClock.now.milliseconds(until: $0) } ?? Self.wakeInterval
            let inputs = screen.read(waitingUpTo: Int32(max(0, min(wait, Self.wakeInterval))),
                                     alsoWakingOn: group?.descriptors ?? [])
            tour.reduce(&state, .tick(MonotonicClock.now))
            for input in inputs {
                switch input {
                case .key(let key): tour.reduce(&state, .key(key))
                case .resize(let size): tour.reduce(&state, .resize(size))
                case .ended(let end): return (end, state)
                }
            }
        }
    }
}
