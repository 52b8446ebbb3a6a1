import KioskCore
import KioskRuntime
import KioskView

/// The ncurses front: a session's states drawn as frames on the terminal, and the terminal's
/// keys and resizes as events.
public final class TerminalFront: Front {
    public let screen: TerminalScreen
    private let view: TourView

    public init(screen: TerminalScreen, tour: Tour) {
        self.screen = screen
        view = TourView(tour: tour)
    }

    public var size: TerminalSize { screen.size }

    public var medium: Medium { .screen }

    public func present(_ state: TourState) {
        screen.draw(view.render(state))
    }

    public func read(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> [FrontInput] {
        screen.read(waitingUpTo: milliseconds, alsoWakingOn: descriptors)
    }
}
