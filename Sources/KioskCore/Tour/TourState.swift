/// What fills the screen.
public enum ScreenKind: Hashable, Sendable {
    case welcome
    case chooseLanguage
    case tourAdvisory
    case hall(Int)
    case hallMore(Int)
    case exhibit(Int, Int)
    case exhibitMore(Int, Int)
    case end
    /// Shown over a place and closed to return to it.
    case map, help, languageMenu
    /// Typing a group's join code.
    case joinGroup
    /// The last screen of a session that closed itself.
    case sessionClosed(SessionClose)

    public var isOverlay: Bool {
        switch self {
        case .map, .help, .languageMenu, .joinGroup, .sessionClosed: return true
        default: return false
        }
    }

    /// The stop on the guided route this screen belongs to, if any.
    public var stop: Stop? {
        switch self {
        case .hall(let hall), .hallMore(let hall): return .hall(hall)
        case .exhibit(let hall, let exhibit), .exhibitMore(let hall, let exhibit): return .exhibit(hall, exhibit)
        default: return nil
        }
    }
}

/// A screen and where the visitor is on it.
public struct Screen: Hashable, Sendable {
    public var kind: ScreenKind
    /// The first line of the page shown.
    public var scroll: Int
    /// The chosen item on the page (on the map: the hall under the cursor).
    public var selection: Int

    public init(_ kind: ScreenKind, scroll: Int = 0, selection: Int = 0) {
        self.kind = kind
        self.scroll = scroll
        self.selection = selection
    }
}

/// A short message in the footer, gone at the next key.
public enum Notice: Hashable, Sendable {
    case noSuchStop(String)
    case firstStop
}

/// Everything about one visit.
public struct TourState: Hashable, Sendable {
    /// Where the visitor is.
    public var place: Screen
    /// The map, help or language menu, over the place.
    public var overlay: Screen?
    public var language: String
    /// Whether a language has been chosen (or given with --lang), so the tour does not ask.
    public var languageChosen: Bool
    /// A stop number being typed.
    public var digits: String
    public var notice: Notice?
    public var size: TerminalSize
    /// The visitor asked to leave.
    public var hasEnded: Bool
    /// The time of the last tick, if there has been one.
    public var now: Instant? = nil
    /// `--idle-exit` and `--max-session`.
    public var limits = SessionLimits()
    /// A group tour this visitor leads or follows.
    public var group = GroupVisit()

    /// The screen on top.
    public var screen: Screen {
        get { overlay ?? place }
        set { if overlay != nil { overlay = newValue } else { place = newValue } }
    }
}
