/// The tour of one pack: how each event changes a visit. Pure: the same state and event give
/// the same next state, with no terminal, clock or file involved.
public struct Tour: Sendable {
    public let pack: Pack
    public let kiosk: KioskSettings
    /// The pack's languages the kiosk has its own words in: those it greets a visitor in.
    let spokenLanguages: [String]
    let layouts = LayoutCache()

    public init(pack: Pack, kiosk: KioskSettings = KioskSettings()) {
        self.pack = pack
        self.kiosk = kiosk
        spokenLanguages = pack.languages.filter(UIText.languages.contains)
    }

    /// A new visit at the welcome screen; with `language`, the visitor is not asked for one.
    /// A kiosk starts behind its attract loop, a booth with its demonstration.
    public func start(language: String? = nil, size: TerminalSize) -> TourState {
        let chosen = language.flatMap { pack.languages.contains($0) ? $0 : nil }
        var state = TourState(place: Screen(.welcome), overlay: nil, language: chosen ?? pack.defaultLanguage,
                              languageChosen: chosen != nil, digits: "", notice: nil, size: size, hasEnded: false)
        state.startLanguage = chosen
        state.control = restingControl
        return state
    }

    public func reduce(_ state: inout TourState, _ event: TourEvent) {
        switch event {
        case .resize(let size):
            relayout(&state) { $0.size = size }
        case .key(let key):
            // On the last screen of a closed session, a key only ends it sooner.
            guard state.limits.closing == nil else {
                state.hasEnded = true
                return
            }
            state.notice = nil
            if kioskTakes(key, &state) { return }
            press(key, inGroup: &state) { press(key, &$0) }
        case .tick(let now):
            state.now = now
            passTime(&state)
            checkGroup(&state, now: now)
            checkLimits(&state, now: now)
        case .choose(let item):
            state.notice = nil
            // As a key with no meaning of its own: it wakes, answers or takes over like any key.
            if kioskTakes(.unknown, &state) { return }
            state.digits = ""
            let actions = page(for: state.screen.kind, in: state).actions
            guard actions.indices.contains(item) else {
                state.notice = .noSuchChoice(item + 1)
                return
            }
            state.screen.selection = item
            perform(actions[item], &state)
        case .group(let event):
            reduceGroup(event, &state)
        }
    }

    /// When the tour next needs a `.tick`, whether or not a key comes; nil when only keys
    /// can change what is shown.
    public func nextDeadline(_ state: TourState) -> Instant? {
        [kioskDeadline(state), limitsDeadline(state), groupDeadline(state)].compactMap { $0 }.min()
    }

    /// A screen laid out at the state's size and in its language.
    public func layout(of screen: Screen, in state: TourState) -> PageLayout {
        laidOut(screen.kind, in: state).layout
    }

    // MARK: - Keys

    private func press(_ key: Key, _ state: inout TourState) {
        if typeDigit(key, &state) { return }
        switch key {
        case .character(let character):
            command(Self.command(for: character), &state)
        case .up: arrow(up: true, &state)
        case .down, .tab: arrow(up: false, &state)
        case .left: sideways(forward: false, &state)
        case .right: sideways(forward: true, &state)
        case .pageUp: scroll(&state, by: -page(state))
        case .pageDown: scroll(&state, by: page(state))
        case .home: scroll(&state, by: Int.min / 2)
        case .end: scroll(&state, by: Int.max / 2)
        case .enter: enter(&state)
        case .escape, .backspace: back(&state)
        case .control, .unknown: break
        }
    }

    /// The letter commands, as typed on a Latin or a Russian keyboard (a visitor may find
    /// the keyboard switched to Cyrillic), in either case.
    enum Command { case next, previous, map, help, language, stepOut, quit, pageDown, none }

    static func command(for character: Character) -> Command {
        switch character.lowercased() {
        case "n", "т": return .next
        case "p", "з": return .previous
        case "m", "ь": return .map
        case "?": return .help
        case "l", "д": return .language
        case "x", "ч": return .stepOut
        case "q", "й": return .quit
        case " ": return .pageDown
        default: return .none
        }
    }

    private func command(_ command: Command, _ state: inout TourState) {
        switch command {
        case .next: next(&state)
        case .previous: previous(&state)
        case .map: toggle(.map, &state)
        case .help: toggle(.help, &state)
        case .language: toggle(.languageMenu, &state)
        case .stepOut: stepOut(&state)
        // A kiosk is never left by a visitor's key: staff use the chord and the PIN.
        case .quit: if !kiosk.isKiosk { state.hasEnded = true }
        case .pageDown: scroll(&state, by: page(state))
        case .none: break
        }
    }

    /// Digits build a stop number; Enter goes there, Esc or Backspace edits it. Any other key
    /// drops the number and does what it does.
    private func typeDigit(_ key: Key, _ state: inout TourState) -> Bool {
        if case .character(let character) = key, character.isASCII, character.isNumber {
            if state.digits.count < 6 { state.digits.append(character) }
            return true
        }
        guard !state.digits.isEmpty else { return false }
        switch key {
        case .enter:
            let typed = state.digits
            state.digits = ""
            if let number = Int(typed), let stop = pack.stopNumbers[number] {
                go(to: kind(of: stop), &state)
            } else {
                state.notice = .noSuchStop(typed)
            }
            return true
        case .escape:
            state.digits = ""
            return true
        case .backspace:
            state.digits.removeLast()
            return true
        default:
            state.digits = ""
            return false
        }
    }

    private func toggle(_ overlay: ScreenKind, _ state: inout TourState) {
        if state.overlay?.kind == overlay {
            state.overlay = nil
            return
        }
        var screen = Screen(overlay)
        switch overlay {
        case .map: screen.selection = state.place.kind.stop?.hall ?? 0
        case .languageMenu: screen.selection = pack.languages.firstIndex(of: state.language) ?? 0
        default: break
        }
        state.overlay = screen
        ensureSelectionVisible(&state)
    }

    // MARK: - The guided route

    func kind(of stop: Stop) -> ScreenKind {
        switch stop {
        case .hall(let hall): return .hall(hall)
        case .exhibit(let hall, let exhibit): return .exhibit(hall, exhibit)
        }
    }

    func next(_ state: inout TourState) {
        let target: ScreenKind?
        switch state.place.kind {
        case .welcome:
            target = state.languageChosen ? .tourAdvisory : .chooseLanguage
        case .chooseLanguage:
            let languages = pack.languages
            choose(language: languages[min(state.place.selection, languages.count - 1)], &state)
            return
        case .tourAdvisory:
            target = pack.route.first.map(kind(of:)) ?? .end
        case .hallAdvisory(let stop, _):
            enterHall(at: stop, &state)
            return
        case .remembrance:
            returnFromRemembrance(&state)
            return
        case .end, .map, .help, .languageMenu, .staffExit, .joinGroup, .sessionClosed:
            target = nil
        case .hall, .hallMore, .exhibit, .exhibitMore:
            let position = state.place.kind.stop.flatMap { pack.routePositions[$0] } ?? 0
            target = position + 1 < pack.route.count ? kind(of: pack.route[position + 1]) : .end
        }
        if let target { go(to: target, &state) } else { state.overlay = nil }
    }

    func previous(_ state: inout TourState) {
        let target: ScreenKind?
        switch state.place.kind {
        case .welcome, .map, .help, .languageMenu, .staffExit, .joinGroup, .sessionClosed:
            target = nil
        case .chooseLanguage, .tourAdvisory:
            target = .welcome
        case .hallAdvisory, .remembrance:
            back(&state)
            return
        case .end:
            target = pack.route.last.map(kind(of:)) ?? .tourAdvisory
        case .hall, .hallMore, .exhibit, .exhibitMore:
            let position = state.place.kind.stop.flatMap { pack.routePositions[$0] } ?? 0
            target = position > 0 ? kind(of: pack.route[position - 1]) : .tourAdvisory
        }
        if let target { go(to: target, &state) } else { state.notice = .firstStop }
    }

    /// Moves the visitor to a place, at its top, with any overlay closed and no number half
    /// typed.
    func go(to kind: ScreenKind, selecting action: PageAction? = nil, _ state: inout TourState) {
        state.overlay = nil
        state.digits = ""
        arrive(at: kind, &state)
        if let action, let index = laidOut(state.place.kind, in: state).page.actions.firstIndex(of: action) {
            state.place.selection = index
            ensureSelectionVisible(&state)
        }
    }

    /// Where arriving at a place lands, however the visitor is brought there (a key, the
    /// guide): through the door of a hall with advisories the first time, and at a graphic
    /// exhibit's text alternative, never its longer text, until the visitor asks to see it.
    func arrive(at kind: ScreenKind, _ state: inout TourState) {
        var target = kind
        if case .exhibitMore(let hall, let exhibit) = kind, isHidden(.exhibit(hall, exhibit), in: state) {
            target = .exhibit(hall, exhibit)
        }
        target = hallAdvisory(before: target, state) ?? target
        state.stepOut = nil
        state.place = Screen(target)
        if let hall = target.stop?.hall { state.acknowledgedHalls.insert(hall) }
    }

    private func choose(language: String, _ state: inout TourState) {
        relayout(&state) {
            $0.language = language
            $0.languageChosen = true
        }
        if state.overlay?.kind == .languageMenu {
            state.overlay = nil
        } else if state.place.kind == .chooseLanguage {
            go(to: .tourAdvisory, &state)
        }
    }

    // MARK: - Enter and back

    private func enter(_ state: inout TourState) {
        if state.overlay?.kind == .map, MapGeometry(pack: pack, size: state.size).fits {
            go(to: .hall(state.screen.selection), &state)
            return
        }
        let laidOut = laidOut(state.screen.kind, in: state)
        let layout = laidOut.layout
        let actions = laidOut.page.actions
        let visible = visibleLines(state)
        let selection = state.screen.selection
        if actions.indices.contains(selection),
           visible.contains(layout.itemLines[selection].lowerBound) || visible.upperBound >= layout.lines.count {
            perform(actions[selection], &state)
        } else if visible.upperBound < layout.lines.count {
            // Nothing to choose on screen yet: Enter reads on.
            scroll(&state, by: page(state))
        }
    }

    func perform(_ action: PageAction, _ state: inout TourState) {
        switch action {
        case .continueTour: next(&state)
        case .readMore:
            switch state.place.kind {
            case .hall(let hall): go(to: .hallMore(hall), &state)
            case .exhibit(let hall, let exhibit): go(to: .exhibitMore(hall, exhibit), &state)
            default: break
            }
        case .openExhibit(let hall, let exhibit): go(to: .exhibit(hall, exhibit), &state)
        case .walk(let hall), .goToHall(let hall): go(to: .hall(hall), &state)
        case .chooseLanguage(let language): choose(language: language, &state)
        case .startAgain: go(to: .welcome, &state)
        case .enterHall:
            if case .hallAdvisory(let stop, _) = state.place.kind { enterHall(at: stop, &state) }
        case .turnBack: back(&state)
        case .stepOut: stepOut(&state)
        case .returnToTour: returnFromRemembrance(&state)
        case .showGraphic: revealGraphic(&state)
        case .joinGroup, .startGroup, .takeBackGroup: performGroup(action, &state)
        }
    }

    /// Esc and Backspace: close what is open, or step back up to where the visitor came from.
    private func back(_ state: inout TourState) {
        if state.overlay != nil {
            state.overlay = nil
            return
        }
        switch state.place.kind {
        case .exhibitMore(let hall, let exhibit):
            go(to: .exhibit(hall, exhibit), selecting: .readMore, &state)
        case .exhibit(let hall, let exhibit):
            go(to: .hall(hall), selecting: .openExhibit(hall, exhibit), &state)
        case .hallMore(let hall):
            go(to: .hall(hall), selecting: .readMore, &state)
        case .chooseLanguage, .tourAdvisory:
            go(to: .welcome, &state)
        case .end:
            previous(&state)
        case .hallAdvisory(_, let from):
            state.place = viewport(of: from, in: state).scrolled(from, by: 0)
        case .remembrance:
            returnFromRemembrance(&state)
        case .welcome, .hall, .map, .help, .languageMenu, .staffExit, .joinGroup, .sessionClosed:
            break
        }
    }
}
