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
