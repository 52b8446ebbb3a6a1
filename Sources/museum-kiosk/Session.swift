import KioskCore
import KioskTerminal
import KioskView

/// One visit on one terminal: input to events, events to state, state to frames.
struct Session {
    let tour: Tour
    let screen: TerminalScreen

    /// The longest wait: it bounds how late a signal caught just before polling is noticed.
    static let wakeInterval: Int64 = 500

    /// Runs until the visitor quits (nil) or the session ends for another reason.
    func run(language: String?) -> TerminalEnd? {
        let view = TourView(tour: tour)
        var state = tour.start(language: language, size: screen.size)
        tour.reduce(&state, .tick(MonotonicClock.now))
        while true {
            screen.draw(view.render(state))
            if state.hasEnded { return nil }
            let wait = tour.nextDeadline(state).map { MonotonicClock.now.milliseconds(until: $0) } ?? Self.wakeInterval
            let inputs = screen.read(waitingUpTo: Int32(max(0, min(wait, Self.wakeInterval))))
            tour.reduce(&state, .tick(MonotonicClock.now))
            for input in inputs {
                switch input {
                case .key(let key): tour.reduce(&state, .key(key))
                case .resize(let size): tour.reduce(&state, .resize(size))
                case .ended(let end): return end
                }
            }
        }
    }
}
