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
    /// A hall's advisories, at its door, before the visitor enters it at `Stop`; going back
    /// returns to `from`.
    indirect case hallAdvisory(Stop, from: Screen)
    /// The quiet page `x` steps out to, from anywhere; see `TourState.stepOut`.
    case remembrance
    /// Shown over a place and closed to return to it. `staffExit` asks for the staff PIN.
    case map, help, languageMenu, staffExit
    /// Typing a group's join code.
    case joinGroup
    /// The last screen of a session that closed itself.
    case sessionClosed(SessionClose)

    public var isOverlay: Bool {
        switch self {
        case .map, .help, .languageMenu, .staffExit, .joinGroup, .sessionClosed: return true
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
    /// A numbered choice that is not on the page (the line-by-line mode).
    case noSuchChoice(Int)
    case wrongPIN
    /// Too many wrong PINs: the staff exit waits a while.
    case staffExitLocked
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

    // The public kiosk and care for the visitor (KioskState.swift). All but `staffExit` and
    // `startLanguage` are the visitor's, and forgotten when the visit is reset.
    /// Who has the screen: a visitor, the attract loop or the demonstration.
    public var control: Control = .visitor
    /// When the visitor last took part (a key, or being carried along by the guide; the first
    /// tick to begin with); the idle timeouts count from here.
    public var lastActivity: Instant? = nil
    /// Halls whose advisories the visitor has read at the door (or entered without one).
    public var acknowledgedHalls: Set<Int> = []
    /// Graphic exhibits the visitor asked to see in full.
    public var revealedExhibits: Set<Stop> = []
    /// Where `x` stepped out from: the quiet page returns exactly there.
    public var stepOut: StepOut? = nil
    public var staffExit = StaffExitState()
    /// The language the visit was started in (`--lang`), for the next visit after a reset.
    public var startLanguage: String? = nil

    /// The screen on top.
    public var screen: Screen {
        get { overlay ?? place }
        set { if overlay != nil { overlay = newValue } else { place = newValue } }
    }
}
