import KioskCore

/// Where a session meets its visitor: the ncurses screen (KioskTerminal), the line-by-line
/// mode (`PlainFront`), or a test's recording (`TestFront`). The runtime's loop is the same for
/// every front.
public protocol Front: AnyObject {
    /// The size the tour is laid out at.
    var size: TerminalSize { get }
    /// A screen, or lines for a reader: the tour words a few things for each.
    var medium: Medium { get }
    /// Shows the session as it is now, in the words and pages of `tour` (which changes when
    /// a newer pack is picked up between visits).
    func present(_ state: TourState, _ tour: Tour)
    /// Shows that the kiosk is out of order (no pack could be shown): a line per language.
    func presentOutOfOrder(_ lines: [String])
    /// Waits up to `milliseconds` (nil: as long as it takes) for input, or until one of
    /// `descriptors` (a group tour's sockets) is readable, and returns what came: possibly
    /// nothing. A front may wake sooner than asked; it never spins.
    func read(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> [FrontInput]
    /// Rings the terminal's bell once (a guide asked for a pause).
    func ringBell()
}

/// Where a running kiosk looks for a newer pack than the one it shows.
public protocol PackSource: AnyObject {
    /// A pack installed since the one being shown, as a tour, if there is one and it loads.
    func newerTour() -> Tour?
}

/// What a front gives the runtime.
public enum FrontInput: Equatable, Sendable {
    case event(TourEvent)
    /// The visitor is gone: the session ends.
    case ended(InputEnd)
}

/// Why the input ended.
public enum InputEnd: Equatable, Sendable {
    case signal(Int32)
    /// Standard input closed, or the terminal hung up (EIO).
    case endOfInput
}
