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

/// Everything that can happen to the tour. The terminal turns input into these, the session
/// adds the time; nothing else changes the state.
public enum TourEvent: Hashable, Sendable {
    case key(Key)
    case resize(TerminalSize)
    /// The time now. The session sends one before each batch of input, and when the tour's
    /// next deadline comes.
    case tick(Instant)
    /// News from the other kiosks of a group tour.
    case group(GroupEvent)
    /// The visitor chose the page's item with this index directly (the line-by-line mode's
    /// numbered choices), rather than with arrows and Enter.
    case choose(Int)
}
