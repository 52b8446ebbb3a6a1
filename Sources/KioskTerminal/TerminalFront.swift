import KioskCore
import KioskRuntime
import KioskView

/// The ncurses front: a session's states drawn as frames on the terminal, and the terminal's
/// keys and resizes as events.
public final class TerminalFront: Front {
    public let screen: TerminalScreen

    public init(screen: TerminalScreen) {
        self.screen = screen
    }

    public var size: TerminalSize { screen.size }

    public var medium: Medium { .screen }

    public func present(_ state: TourState, _ tour: Tour) {
        screen.draw(TourView(tour: tour).render(state))
    }

    public func presentOutOfOrder(_ lines: [String]) {
        screen.draw(OutOfOrderView.render(lines, size: screen.size))
    }

    public func ringBell() {
        screen.ringBell()
    }

    public func read(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> [FrontInput] {
        screen.read(waitingUpTo: milliseconds, alsoWakingOn: descriptors)
    }
}
