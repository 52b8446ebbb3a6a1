/// The walk through the halls: the visitor's commands, the guided route, stop numbers, and
/// choosing on a page. It owns where the visitor is (`VisitState`'s place, overlay, language,
/// digits and notice) and reads the session only for the terminal's size.
extension Tour {
    /// What the visitor asked, once the kiosk and the group have had their say.
    func walk(_ event: TourEvent, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        switch event {
        case .key(let key):
            if typeDigit(key, &visit, session) { return [] }
            let context = KeyMap.Context(isKiosk: kiosk.isKiosk, role: visit.group.role)
            return KeyMap.command(for: key, context).map { perform($0, &visit, session) } ?? []
        case .command(let command):
            visit.digits = ""
            return perform(command, &visit, session)
        case .goToStop(let typed):
            goToStop(typed, &visit, session)
            return []
        case .choose(let item):
            visit.digits = ""
            let actions = laidOut(visit.screen.kind, visit, session).page.actions
            guard actions.indices.contains(item) else {
                // A stop's number typed where a choice was expected goes to that stop.
                if let stop = pack.stopNumbers[item + 1] {
                    go(to: kind(of: stop), &visit, session)
                } else {
                    visit.notice = .noSuchChoice(item + 1)
                }
                return []
            }
            visit.screen.selection = item
            return perform(actions[item], &visit, session)
        case .resize, .tick, .group, .staffPINChecked, .localTime, .staffNotice, .book:
            return []
        case .text:
            // A line only means something to a form's part, which the book took already.
            return []
        }
    }

    func perform(_ command: Command, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        switch command {
        case .next: next(&visit, session)
        case .previous: previous(&visit, session)
        case .left: sideways(forward: false, &visit, session)
        case .right: sideways(forward: true, &visit, session)
        case .up: arrow(up: true, &visit, session)
        case .down: arrow(up: false, &visit, session)
        case .pageUp: scroll(&visit, session, by: -page(session))
        case .pageDown: scroll(&visit, session, by: page(session))
        case .top: scroll(&visit, session, by: Int.min / 2)
        case .bottom: scroll(&visit, session, by: Int.max / 2)
        case .open: return enter(&visit, session)
        case .back: back(&visit, session)
        case .map: toggle(.map, &visit, session)
        case .search: openSearch(&visit, session)
        case .help: toggle(.help, &visit, session)
        case .language: toggle(.languageMenu, &visit, session)
        case .stepOut: stepOut(&visit, session)
        // A kiosk is never left by a visitor's key: staff use the chord and the PIN.
        case .quit: if !kiosk.isKiosk { return [.endSession(.visitorLeft)] }
        // Digits are typed (`typeDigit`); the group's commands are the group's; the page
        // again is the line-by-line mode's own.
        case .goToStop, .rejoinGuide, .askPause, .waitForEveryone, .showGroup, .gather, .handOver, .repeatPage: break
        }
        return []
    }

    /// Digits build a stop number; Enter goes there, Esc or Backspace edits it. Any other key
    /// drops the number and does what it does.
    private func typeDigit(_ key: Key, _ visit: inout VisitState, _ session: SessionState) -> Bool {
        if case .character(let character) = key, character.isASCII, character.isNumber {
            if visit.digits.count < 6 { visit.digits.append(character) }
            return true
        }
        guard !visit.digits.isEmpty else { return false }
        switch key {
        case .enter:
            let typed = visit.digits
            visit.digits = ""
            goToStop(typed, &visit, session)
            return true
        case .escape:
            visit.digits = ""
            return true
        case .backspace:
            visit.digits.removeLast()
            return true
        default:
            visit.digits = ""
            return false
        }
    }

    /// To the stop with the number typed, or a notice that there is none.
    private func goToStop(_ typed: String, _ visit: inout VisitState, _ session: SessionState) {
        if typed.count <= 6, typed.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(typed),
           let stop = pack.stopNumbers[number] {
            go(to: kind(of: stop), &visit, session)
        } else {
            visit.notice = .noSuchStop(typed)
        }
    }

    private func toggle(_ overlay: ScreenKind, _ visit: inout VisitState, _ session: SessionState) {
        if visit.overlay?.kind == overlay {
            visit.overlay = nil
            return
        }
        var screen = Screen(overlay)
        switch overlay {
        case .map: screen.selection = visit.place.kind.stop?.hall ?? 0
        case .languageMenu: screen.selection = pack.languages.firstIndex(of: visit.language) ?? 0
        default: break
        }
        visit.overlay = screen
        ensureSelectionVisible(&visit, session)
    }

    // MARK: - The guided route

    func kind(of stop: Stop) -> ScreenKind {
        switch stop {
        case .hall(let hall): return .hall(hall)
        case .exhibit(let hall, let exhibit): return .exhibit(hall, exhibit)
        }
    }

    func next(_ visit: inout VisitState, _ session: SessionState) {
        let target: ScreenKind?
        switch visit.place.kind {
        case .welcome:
            visit.welcomed = true
            guard visit.languageChosen else {
                go(to: .chooseLanguage, &visit, session)
                return
            }
            goPastLanguage(&visit, session)
            return
        case .chooseLanguage:
            let languages = pack.languages
            choose(language: languages[min(visit.place.selection, languages.count - 1)], &visit, session)
            return
        case .chooseTour:
            choose(tour: min(visit.place.selection, pack.tours.count - 1), &visit, session)
            return
        case .tourAdvisory:
            target = chosenTour(visit).route.first.map(kind(of:)) ?? .end
        case .hallAdvisory(let stop, _):
            enterHall(at: stop, &visit, session)
            return
        case .remembrance:
            returnFromRemembrance(&visit, session)
            return
        case .end, .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .sessionClosed, .book:
            target = nil
        case .hall, .hallMore, .exhibit, .exhibitMore:
            target = stop(after: visit.place.kind, visit)
        }
        if let target { go(to: target, &visit, session) } else { visit.overlay = nil }
    }

    func previous(_ visit: inout VisitState, _ session: SessionState) {
        let target: ScreenKind?
        switch visit.place.kind {
        case .welcome, .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .sessionClosed, .book:
            target = nil
        case .chooseLanguage, .chooseTour, .tourAdvisory:
            target = .welcome
        case .hallAdvisory, .remembrance:
            back(&visit, session)
            return
        case .end, .hall, .hallMore, .exhibit, .exhibitMore:
            target = stop(before: visit.place.kind, visit)
        }
        if let target { go(to: target, &visit, session) } else { visit.notice = .firstStop }
    }

    /// Moves the visitor to a place, at its top, with any overlay closed and no number half
    /// typed.
    func go(to kind: ScreenKind, selecting action: PageAction? = nil, _ visit: inout VisitState, _ session: SessionState) {
        visit.overlay = nil
        visit.digits = ""
        arrive(at: kind, &visit)
        if let action, let index = laidOut(visit.place.kind, visit, session).page.actions.firstIndex(of: action) {
            visit.place.selection = index
            ensureSelectionVisible(&visit, session)
        }
    }

    /// Where arriving at a place lands, however the visitor is brought there (a key, the
    /// guide): through the door of a hall with advisories the first time, and at a graphic
    /// exhibit's text alternative, never its longer text, until the visitor asks to see it.
    func arrive(at kind: ScreenKind, _ visit: inout VisitState) {
        var target = kind
        if case .exhibitMore(let hall, let exhibit) = kind, isHidden(.exhibit(hall, exhibit), visit.care) {
            target = .exhibit(hall, exhibit)
        }
        target = hallAdvisory(before: target, visit) ?? target
        visit.care.stepOut = nil
        visit.place = Screen(target)
        if let hall = target.stop?.hall { visit.care.acknowledgedHalls.insert(hall) }
        noteTourPosition(target, &visit)
    }

    private func choose(language: String, _ visit: inout VisitState, _ session: SessionState) {
        let before = visit
        visit.language = language
        visit.languageChosen = true
        keepPlaces(&visit, before: before, session, session)
        if visit.overlay?.kind == .languageMenu {
            visit.overlay = nil
        } else if visit.place.kind == .chooseLanguage {
            if visit.welcomed { goPastLanguage(&visit, session) } else { go(to: .welcome, &visit, session) }
        }
    }

    // MARK: - Enter and back

    private func enter(_ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        if visit.overlay?.kind == .map, MapGeometry(pack: pack, size: session.size).fits {
            go(to: .hall(visit.screen.selection), &visit, session)
            return []
        }
        let laidOut = laidOut(visit.screen.kind, visit, session)
        let layout = laidOut.layout
        let actions = laidOut.page.actions
        let visible = visibleLines(visit, session)
        let selection = visit.screen.selection
        if actions.indices.contains(selection),
           visible.contains(layout.itemLines[selection].lowerBound) || visible.upperBound >= layout.lines.count {
            return perform(actions[selection], &visit, session)
        } else if visible.upperBound < layout.lines.count {
            // Nothing to choose on screen yet: Enter reads on.
            scroll(&visit, session, by: page(session))
        }
        return []
    }

    func perform(_ action: PageAction, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        switch action {
        case .continueTour: next(&visit, session)
        case .readMore:
            switch visit.place.kind {
            case .hall(let hall): go(to: .hallMore(hall), &visit, session)
            case .exhibit(let hall, let exhibit): go(to: .exhibitMore(hall, exhibit), &visit, session)
            default: break
            }
        case .openExhibit(let hall, let exhibit): go(to: .exhibit(hall, exhibit), &visit, session)
        case .walk(let hall), .goToHall(let hall): go(to: .hall(hall), &visit, session)
        case .chooseLanguage(let language): choose(language: language, &visit, session)
        case .chooseTour(let index): choose(tour: index, &visit, session)
        case .search: openSearch(&visit, session)
        case .startAgain: go(to: .welcome, &visit, session)
        case .enterHall:
            if case .hallAdvisory(let stop, _) = visit.place.kind { enterHall(at: stop, &visit, session) }
        case .turnBack: back(&visit, session)
        case .stepOut: stepOut(&visit, session)
        case .returnToTour: returnFromRemembrance(&visit, session)
        case .showGraphic: revealGraphic(&visit, session)
        case .joinGroup, .startGroup, .takeBackGroup, .walkOnAlone: return performGroup(action, &visit)
        case .writeInBook, .readBook, .bookField, .saveInBook, .leaveBook, .bookPage: return performBook(action, &visit, session)
        }
        return []
    }

    /// Esc and Backspace: close what is open, or step back up to where the visitor came from.
    private func back(_ visit: inout VisitState, _ session: SessionState) {
        if visit.overlay != nil {
            visit.overlay = nil
            return
        }
        switch visit.place.kind {
        case .exhibitMore(let hall, let exhibit):
            go(to: .exhibit(hall, exhibit), selecting: .readMore, &visit, session)
        case .exhibit(let hall, let exhibit):
            go(to: .hall(hall), selecting: .openExhibit(hall, exhibit), &visit, session)
        case .hallMore(let hall):
            go(to: .hall(hall), selecting: .readMore, &visit, session)
        case .chooseLanguage, .chooseTour, .tourAdvisory:
            go(to: .welcome, &visit, session)
        case .end:
            previous(&visit, session)
        case .hallAdvisory(_, let from):
            visit.place = viewport(of: from, visit, session).scrolled(from, by: 0)
        case .remembrance:
            returnFromRemembrance(&visit, session)
        case .welcome, .hall, .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .sessionClosed, .book:
            break
        }
    }
}

extension Tour {
    /// The footer's hints on this screen: those whose command does something here (no
    /// "next" at the end, no "back" where there is nowhere to go back to), in the order the
    /// footer shows them, each with its importance.
    public func footerHints(_ state: TourState) -> [(key: String, word: Message, importance: Int)] {
        let context = KeyMap.Context(isKiosk: kiosk.isKiosk, role: state.visit.group.role)
        return KeyMap.footerHints(context).filter { doesSomething($0.command, state) }
            .map { (label([$0.key], state.language), $0.word, $0.importance) }
    }

    /// Whether a command changes anything on the screen on top.
    func doesSomething(_ command: Command, _ state: TourState) -> Bool {
        let visit = state.visit
        // On the book's form a letter is a letter: only choosing and leaving are commands.
        if visit.overlay?.kind == .book(.write), !visit.book.saved {
            return [.up, .down, .open, .back].contains(command)
        }
        let onMap = visit.overlay?.kind == .map && MapGeometry(pack: pack, size: state.session.size).fits
        // In the search line, keys that write a character write it.
        if visit.overlay?.kind == .search, command != .back, command != .open, command != .up { return false }
        switch command {
        case .next: return visit.place.kind != .end
        case .previous: return visit.place.kind != .welcome
        case .back:
            if visit.overlay != nil { return true }
            switch visit.place.kind {
            case .welcome, .hall: return false
            default: return true
            }
        case .open, .up:
            let items = laidOut(visit.screen.kind, visit, state.session).page.actions.count
            return onMap || items >= (command == .up ? 2 : 1)
        // Offered where a visitor looks for a place; help lists it, and it works everywhere.
        case .search: return visit.overlay?.kind == .map
        // On the map, m closes it as Esc does, and the footer's room goes to the search.
        case .map: return visit.overlay?.kind != .map
        default: return true
        }
    }
}
