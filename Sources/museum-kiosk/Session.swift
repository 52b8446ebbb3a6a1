import KioskCore
import KioskTerminal
import KioskView

/// One visit on one terminal: input to events, events to state, state to frames.
struct Session {
    let tour: Tour
    let screen: TerminalScreen

    /// The poll timeout bounds how late a signal caught just before polling is noticed.
    static let wakeInterval: Int32 = 500

    /// Runs until the visitor quits (nil) or the session ends for another reason.
    func run(language: String?) -> TerminalEnd? {
        let view = TourView(tour: tour)
        var state = tour.start(language: language, size: screen.size)
        while true {
            screen.draw(view.render(state))
            if state.hasEnded { return nil }
            for input in screen.read(waitingUpTo: Self.wakeInterval) {
                switch input {
                case .key(let key): tour.reduce(&state, .key(key))
                case .resize(let size): tour.reduce(&state, .resize(size))
                case .ended(let end): return end
                }
            }
        }
    }
}
