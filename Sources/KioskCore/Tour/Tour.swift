/// The tour of one pack: how each event changes a session, and what the runtime must do for it.
/// Pure: the same state and event give the same next state and effects, with no terminal,
/// clock, socket or file involved.
///
/// `reduce` composes the features, each of which owns its part of the state: the walk through
/// the halls (Walk.swift), the tour chosen (TourChoice.swift), the search line (Search.swift)
/// and care for the visitor (Care.swift) own the visit's place and what was shown; the public
/// kiosk (KioskMode.swift) owns who has the screen and the staff exit; the session's limits
/// (SessionLimits.swift) own the session's clocks; the group (GroupTour.swift) owns the
/// visitor's part in a group tour.
public struct Tour: Sendable {
    public let pack: Pack
    public let kiosk: KioskSettings
    /// The pack's languages the kiosk has its own words in: those it greets a visitor in.
    public let spokenLanguages: [String]
    let layouts = LayoutCache()

    public init(pack: Pack, kiosk: KioskSettings = KioskSettings()) {
        self.pack = pack
        self.kiosk = kiosk
        spokenLanguages = pack.languages.filter { pack.messages.has(.chooseLanguage, in: $0) }
    }

    /// How a session starts, beyond the pack and the kiosk's settings: from the command line.
    public struct SessionStart: Sendable {
        /// Start in this language, without asking.
        public var language: String?
        /// `--idle-exit` and `--max-session`, in seconds.
        public var idleExit: Int?
        public var maxSession: Int?
        /// Where the session is shown (`Front.medium`).
        public var medium = Medium.screen
        /// Whether group tours can be joined here.
        public var groupsAvailable: Bool
        public var group: GroupStart?
        /// The staff exit's lock as an earlier process of this kiosk left it.
        public var staffLock = StaffLock()
        /// Whether the book of remembrance is kept here.
        public var bookAvailable = false

        public init(language: String? = nil, idleExit: Int? = nil, maxSession: Int? = nil, groupsAvailable: Bool = false,
                    group: GroupStart? = nil) {
            self.language = language
            self.idleExit = idleExit
            self.maxSession = maxSession
            self.groupsAvailable = groupsAvailable
            self.group = group
        }
    }

    /// A session at `now`, at its first visit's welcome screen, with what the runtime must do
    /// first (join or open a group). A kiosk starts behind its attract loop, a booth with its
    /// demonstration.
    public func start(now: Instant, size: TerminalSize, config: SessionStart = SessionStart()) -> (state: TourState, effects: [TourEffect]) {
        let language = config.language.flatMap { pack.languages.contains($0) ? $0 : nil }
        // A screen's last page goes with the session: it stays to be read. Printed lines stay
        // where they are.
        let limits = SessionLimits(idleExit: config.idleExit, maxSession: config.maxSession, startedAt: now,
                                   lastScreenSeconds: config.medium == .screen ? SessionLimits.lastScreenSeconds : 0)
        var session = SessionState(now: now, size: size, startLanguage: language, limits: limits,
                                   groupsAvailable: config.groupsAvailable, medium: config.medium)
        session.bookAvailable = config.bookAvailable
        var state = TourState(session: session, visit: newVisit(session))
        state.session.staffLock = config.staffLock.resumed(at: now)
        var effects = config.group.map { startGroup($0, &state.visit) } ?? []
        // Without an attract loop or a demonstration, the visit begins with the session.
        effects += openingRecords(state)
        return (state, effects)
    }

    /// A new visit at the welcome screen, in the session's language if it has one.
    func newVisit(_ session: SessionState) -> VisitState {
        VisitState(place: Screen(.welcome), language: session.startLanguage ?? pack.defaultLanguage,
                   languageChosen: session.startLanguage != nil,
                   attention: Attention(control: restingControl(since: session.now), lastActivity: session.now))
    }

    public func reduce(_ state: inout TourState, _ event: TourEvent) -> [TourEffect] {
        let before = state
        var effects: [TourEffect] = []
        switch event {
        case .resize(let size):
            state.session.size = size
            keepPlaces(&state.visit, before: before.visit, before.session, state.session)
        case .tick(let now):
            state.session.now = now
            effects += passTime(&state)
            effects += checkGroup(&state.visit, now: now)
            effects += checkLimits(&state)
        case .key, .command, .goToStop, .choose, .text:
            // On the last screen of a closed session, anything the visitor does only ends it sooner.
            if let closing = state.session.limits.closing {
                effects.append(.endSession(.closed(closing.reason)))
                break
            }
            state.visit.notice = nil
            let kioskAnswer = kioskTakes(event, &state)
            effects += kioskAnswer.effects
            if !kioskAnswer.usedUp, !searchTakes(event, &state.visit) {
                // The book's form takes what is typed into it before any key means a command.
                effects += bookTakes(event, &state.visit, state.session) ?? act(event, inGroup: &state.visit, state.session)
            }
        case .staffPINChecked(let matches):
            effects += staffPINChecked(matches, &state)
        case .localTime(let time):
            effects += reduceLocalTime(time, &state)
        case .staffNotice(let notice):
            reduceStaffNotice(notice, &state)
        case .book(let news):
            reduceBook(news, &state.visit, state.session)
        case .group(let event):
            effects += reduceGroup(event, &state.visit, state.session)
        }
        // A guide who leaves, or whose session closes, ends the group with it.
        if effects.contains(where: \.endsSession) { effects = endingGroup(state.visit) + effects }
        return publications(before: before, after: state) + effects
            + visitRecords(before: before, after: state, effects: effects).map(TourEffect.record)
    }

    /// When the tour next needs a `.tick`, whether or not a key comes; nil when only keys
    /// can change what is shown.
    public func nextDeadline(_ state: TourState) -> Instant? {
        [kioskDeadline(state), limitsDeadline(state), groupDeadline(state.visit), dayDeadline(state)].compactMap { $0 }.min()
    }

    /// A screen laid out at the state's size and in its language.
    public func layout(of screen: Screen, in state: TourState) -> PageLayout {
        laidOut(screen.kind, state.visit, state.session).layout
    }
}

extension TourEffect {
    var endsSession: Bool {
        if case .endSession = self { return true }
        return false
    }
}
