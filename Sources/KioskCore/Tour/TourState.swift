/// What fills the screen.
public enum ScreenKind: Hashable, Sendable {
    case welcome
    case chooseLanguage
    /// The walks the pack offers, after the language, when it offers more than one.
    case chooseTour
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
    /// Shown over a place and closed to return to it. `staffExit` asks for the staff PIN;
    /// `search` finds a hall or exhibit by a word (`VisitState.search`).
    case map, help, languageMenu, staffExit, search
    /// Typing a group's join code.
    case joinGroup
    /// A guide's roster: who is in the group, where, and since when.
    case groupRoster
    /// A guide ending the group: confirming, with closing words if they like.
    case endGroup
    /// A guide handing the group to a colleague: confirming.
    case handOver
    /// A participant whose guide ended the group: thanks, the guide's words, the way on.
    case groupEnded
    /// The book of remembrance: writing in it, or reading it.
    case book(BookScreen)
    /// The last screen of a session that closed itself.
    case sessionClosed(SessionClose)

    public var isOverlay: Bool {
        switch self {
        case .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .sessionClosed, .book: return true
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
    /// Save was chosen on a form with no words.
    case bookNoWords
    /// Esc on a form with words: once more leaves without saving them.
    case bookLeaveConfirm
}

/// Everything about one session of the kiosk, in two parts by how long they last: what the
/// session keeps, and what belongs to the visitor and is forgotten when a new visit starts.
public struct TourState: Hashable, Sendable {
    public var session: SessionState
    public var visit: VisitState

    public init(session: SessionState, visit: VisitState) {
        self.session = session
        self.visit = visit
    }

    /// The screen on top: a closing session's last screen over everything.
    public var screen: Screen {
        if let reason = session.limits.closing?.reason { return Screen(.sessionClosed(reason)) }
        return visit.screen
    }

    /// The language the visitor reads in.
    public var language: String { visit.language }
}

/// What a session keeps from its start to its end, across the visits a kiosk's idle reset
/// starts: the terminal and the time, the session's limits, the staff exit's lock (a reset
/// must not lift it), and whether group tours can be joined.
public struct SessionState: Hashable, Sendable {
    /// The time of the last tick.
    public var now: Instant
    public var size: TerminalSize
    /// The language each visit starts in (`--lang`); nil to ask the visitor.
    public var startLanguage: String?
    public var limits: SessionLimits
    public var staffLock = StaffLock()
    /// Whether this kiosk can join groups: the runtime directory is there.
    public var groupsAvailable: Bool
    /// Where the session is shown: a screen, or lines for a reader.
    public var medium: Medium
    /// Whether the book of remembrance is kept here: a database is set up.
    public var bookAvailable = false
    /// The time of day and the staff's notice (MuseumDay.swift).
    public var day = MuseumDayState()

    public init(now: Instant, size: TerminalSize, startLanguage: String?, limits: SessionLimits, groupsAvailable: Bool,
                medium: Medium = .screen) {
        self.medium = medium
        self.now = now
        self.size = size
        self.startLanguage = startLanguage
        self.limits = limits
        self.groupsAvailable = groupsAvailable
    }
}

/// Everything about one visit: where the visitor is and what they chose, what they were shown
/// with care, who has the screen, and their part in a group tour.
public struct VisitState: Hashable, Sendable {
    /// Where the visitor is.
    public var place: Screen
    /// The map, help or language menu, over the place.
    public var overlay: Screen?
    public var language: String
    /// Whether a language has been chosen (or given with --lang), so the tour does not ask.
    public var languageChosen: Bool
    /// A stop number being typed.
    public var digits = ""
    public var notice: Notice?
    /// Care for the visitor (Care.swift).
    public var care = CareState()
    /// Who has the screen and when the visitor last took part (KioskMode.swift).
    public var attention: Attention
    /// The staff exit's prompt, while it is open (KioskMode.swift).
    public var staffPrompt = StaffPrompt()
    /// A group tour this visitor leads or follows.
    public var group = GroupVisit()
    /// The book of remembrance: the visitor's draft and the page of entries shown.
    public var book = BookVisit()
    /// The visitor has begun the tour from the welcome page: choosing a language then goes on
    /// to the tour's advisory rather than back to the welcome.
    public var welcomed = false
    /// The walk the visitor chose, and how far along it they are (TourChoice.swift).
    public var tour = ChosenTour()
    /// What is typed in the search line, and what it found (Search.swift).
    public var search = SearchLine()

    public init(place: Screen, language: String, languageChosen: Bool, attention: Attention) {
        self.place = place
        self.language = language
        self.languageChosen = languageChosen
        self.attention = attention
    }

    /// The screen on top of the visit.
    public var screen: Screen {
        get { overlay ?? place }
        set { if overlay != nil { overlay = newValue } else { place = newValue } }
    }
}
