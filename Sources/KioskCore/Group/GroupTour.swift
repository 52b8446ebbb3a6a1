/// Group tours in the pure tour: what following, stepping away, joining and leading do to a
/// visit. It owns the visitor's part in a group (`VisitState.group`); the runtime's sockets
/// carry its requests out (`TourEffect.group`) and `GroupEvent`s in. Every decision about the
/// visit is here, testable with no socket.
extension Tour {
    /// How long participants wait for a guide whose connection dropped.
    public static let guideReturnSeconds = 60.0

    // MARK: - Starting

    func startGroup(_ start: GroupStart, _ visit: inout VisitState) -> [TourEffect] {
        switch start {
        case .lead(let orphans):
            let leadership = Leadership(orphans: orphans)
            visit.group.role = .guide(leadership)
            return leadership.opening.map { [.group(.open($0))] } ?? []
        case .join(let code):
            return join(code: code, &visit)
        case .leadWithCode(let code):
            var leadership = Leadership(orphans: [])
            leadership.opening = .fixed(code)
            visit.group.role = .guide(leadership)
            return [.group(.open(.fixed(code)))]
        }
    }

    /// This visitor asks to join the group with `code`.
    func join(code: String, _ visit: inout VisitState) -> [TourEffect] {
        visit.group.typedCode = ""
        visit.group.role = .joining(code)
        return [.group(.join(code))]
    }

    // MARK: - Places

    /// Where this visitor is, as a place every kiosk on the host understands.
    public func guidePlace(of kind: ScreenKind) -> GuidePlace? {
        switch kind {
        case .welcome, .chooseLanguage, .chooseTour: return .welcome
        case .tourAdvisory: return .advisory
        case .end: return .end
        case .hall(let hall): return .stop(hall: pack.halls[hall].id, exhibit: nil, more: false)
        case .hallMore(let hall): return .stop(hall: pack.halls[hall].id, exhibit: nil, more: true)
        case .exhibit(let hall, let exhibit):
            return .stop(hall: pack.halls[hall].id, exhibit: pack.halls[hall].exhibits[exhibit].id, more: false)
        case .exhibitMore(let hall, let exhibit):
            return .stop(hall: pack.halls[hall].id, exhibit: pack.halls[hall].exhibits[exhibit].id, more: true)
        // At a hall's door the guide is at that hall; a participant carried there stops at
        // the door too, if they have not read it.
        case .hallAdvisory(let stop, _): return guidePlace(of: self.kind(of: stop))
        // The quiet page is each visitor's own; the group stays where it was.
        case .remembrance, .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .sessionClosed, .book: return nil
        }
    }

    /// The screen for a guide's place, or nil when this pack has no such hall or exhibit.
    public func screenKind(for place: GuidePlace) -> ScreenKind? {
        switch place {
        case .welcome: return .welcome
        case .advisory: return .tourAdvisory
        case .end: return .end
        case .stop(let hallID, let exhibitID, let more):
            guard let hall = pack.hall(id: hallID) else { return nil }
            guard let exhibitID else { return more ? .hallMore(hall) : .hall(hall) }
            guard let exhibit = pack.halls[hall].exhibits.firstIndex(where: { $0.id == exhibitID }) else { return nil }
            return more ? .exhibitMore(hall, exhibit) : .exhibit(hall, exhibit)
        }
    }

    /// What a participant's kiosk tells the guide's, or nil when not in a group.
    public func participantStatus(_ visit: VisitState) -> ParticipantStatus? {
        guard let participation = visit.group.participation else { return nil }
        let spot: ParticipantSpot
        switch visit.place.kind {
        case .remembrance: spot = .steppedOut
        case .hallAdvisory: spot = .door
        default: spot = .page
        }
        return ParticipantStatus(place: guidePlace(of: visit.place.kind), following: participation.following == .following,
                                 pause: participation.pause, spot: spot, name: participation.name)
    }

    /// What the other kiosks must hear of a change: a participant's new status, a guide's
    /// new place (or their place when the group has just opened), a participant gone from
    /// the group.
    func publications(before: TourState, after: TourState) -> [TourEffect] {
        var effects: [TourEffect] = []
        if let status = participantStatus(after.visit) {
            if status != participantStatus(before.visit) { effects.append(.group(.report(status))) }
        } else if before.visit.group.participation != nil {
            effects.append(.group(.leave))
        }
        let opened = after.visit.group.leadership?.code != nil && before.visit.group.leadership?.code == nil
        // The tour first: the group walks the guide's tour from the place that follows. Every
        // visitor starts on the pack's first tour, so a group opened (or taken back) on it
        // has nothing to hear: a group taken back keeps the tour its participants have.
        if after.visit.group.leadership?.code != nil,
           opened ? after.visit.tour.index != 0 : before.visit.tour.index != after.visit.tour.index {
            effects.append(.group(.announceTour(chosenTour(after.visit).id)))
        }
        if after.visit.group.leadership?.code != nil, let place = guidePlace(of: after.visit.place.kind),
           opened || guidePlace(of: before.visit.place.kind) != place {
            effects.append(.group(.announce(place)))
        }
        // A long page is read together: the guide's scrolling is told as the block at the top
        // of their screen. A move starts at the top, which needs no word.
        let samePlace = guidePlace(of: before.visit.place.kind) == guidePlace(of: after.visit.place.kind)
        if after.visit.group.leadership?.code != nil, let block = readingBlock(after),
           block != (samePlace ? readingBlock(before) : Optional(0)) {
            effects.append(.group(.announceReading(block)))
        }
        return effects
    }

    /// The block of a stop's page at the top of the screen; nil away from the stops.
    private func readingBlock(_ state: TourState) -> Int? {
        guard case .stop = guidePlace(of: state.visit.place.kind) else { return nil }
        let viewport = viewport(of: state.visit.place, state.visit, state.session)
        return viewport.layout.block(atLine: state.visit.place.scroll) ?? 0
    }

    /// A guide whose session ends ends the group with it.
    func endingGroup(_ visit: VisitState) -> [TourEffect] {
        visit.group.leadership?.code != nil ? [.group(.end)] : []
    }

    // MARK: - Events from the other kiosks

    func reduceGroup(_ event: GroupEvent, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        switch (event, visit.group.role) {
        case (.joined(let code), .joining(let asked)) where code == asked:
            var participation = Participation(code: code)
            participation.name = GroupVisit.cleanName(visit.group.typedName)
            visit.group.role = .participant(participation)
            // The guide's tour is the group's: the pack's first until the guide names another
            // (the guide's kiosk says so as the participant joins), whatever the visitor
            // chose before joining.
            visit.tour = ChosenTour()
            // The tour's advisory comes first, whatever the guide is showing.
            // Carried past the welcome by the guide: the language chosen goes on to the advisory.
            visit.welcomed = true
            go(to: visit.languageChosen ? .tourAdvisory : .chooseLanguage, &visit, session)
        case (.joined, _):
            // An answer for a join the visitor gave up: the connection is not wanted.
            return [.group(.leave)]
        case (.noSuchGroup(let code), .joining(let asked)) where code == asked:
            visit.group.role = .none
            visit.group.notice = .noSuchGroup(code)
            visit.overlay = Screen(.joinGroup)
        case (.tooManyJoinAttempts(let code, let seconds), .joining(let asked)) where code == asked:
            visit.group.role = .none
            visit.group.notice = .tooManyJoinAttempts(seconds)
            visit.overlay = Screen(.joinGroup)
        case (.guideMoved(let place), .participant(var participation)) where screenKind(for: place) != nil,
             (.gathered(let place), .participant(var participation)) where screenKind(for: place) != nil:
            if participation.guidePlace?.gathering != place.gathering {
                participation.pause = false
                participation.call = nil
            }
            // Asked over: a follower is taken there below; one looking around alone, or in the
            // quiet room, is told where the guide is and goes with one key, never pulled along.
            if case .gathered = event, participation.following != .following { participation.call = place }
            participation.guidePlace = place
            participation.guideLostAt = nil
            visit.group.role = .participant(participation)
            if participation.following == .following, place.leads, let kind = screenKind(for: place),
               kind != visit.place.kind {
                moveAlong(to: kind, &visit, session)
            }
        case (.guideReading(let block), .participant(let participation)):
            // Read together: a follower on the guide's page, with nothing over it, scrolls with
            // the guide; one looking around alone, or at a door, keeps their own place.
            if participation.following == .following, visit.overlay == nil,
               let place = participation.guidePlace, screenKind(for: place) == visit.place.kind {
                let viewport = viewport(of: visit.place, visit, session)
                var screen = visit.place
                screen.scroll = min(viewport.lastTop, viewport.layout.firstLine(ofBlock: block))
                visit.place = viewport.scrolled(screen, by: 0)
            }
        case (.guideChoseTour(let id), .participant):
            // The guide's tour is the group's: its labels, its halls on the map, and the
            // stops `n` goes on to for a participant who walked away.
            if let index = pack.tours.firstIndex(where: { $0.id == id }), index != visit.tour.index {
                visit.tour = ChosenTour(index: index)
            }
        case (.handingOver, .participant(var participation)):
            participation.handingOver = true
            participation.guideLostAt = session.now
            visit.group.role = .participant(participation)
        case (.guideLost, .participant(var participation)):
            participation.guideLostAt = session.now
            visit.group.role = .participant(participation)
        case (.guideBack, .participant(var participation)):
            participation.guideLostAt = nil
            participation.handingOver = false
            visit.group.role = .participant(participation)
        case (.groupEnded, .participant), (.farewell, .participant):
            visit.group.role = .ended(.guideEnded)
            if case .farewell(let words) = event { visit.group.closingWords = words } else { visit.group.closingWords = "" }
            // The page of thanks comes over what they read, never over a form or the staff's
            // screen; the status line says it either way.
            if visit.overlay.map({ [.map, .help, .languageMenu].contains($0.kind) }) ?? true { visit.overlay = Screen(.groupEnded) }
        case (.opened(let code), .guide(var leadership)):
            if case .takeBack(let orphan) = leadership.opening, orphan.code == code,
               let kind = screenKind(for: orphan.place) {
                go(to: kind, &visit, session)
            }
            leadership.code = code
            leadership.opening = nil
            leadership.orphans = []
            visit.group.role = .guide(leadership)
        case (.resumed(let orphan), .guide(var leadership)):
            if let kind = screenKind(for: orphan.place) { go(to: kind, &visit, session) }
            leadership.code = orphan.code
            leadership.opening = nil
            leadership.orphans = []
            visit.group.role = .guide(leadership)
        case (.cannotOpen, .guide(var leadership)):
            leadership.opening = nil
            visit.group.role = .guide(leadership)
            visit.group.notice = .cannotOpen
        case (.counts(let counts, let members), .guide(var leadership)):
            // A new request for a pause rings the terminal's bell, once (never a public stand's).
            let pausing = Set(leadership.members.filter(\.pause).map(\.number))
            let asks = members.contains { $0.pause && !pausing.contains($0.number) }
            leadership.counts = counts
            leadership.members = members
            visit.group.role = .guide(leadership)
            // "Not everyone is here" holds only while it is true.
            if visit.group.notice == .notEveryoneHere, counts.everyoneReady { visit.group.notice = nil }
            if asks, !kiosk.isKiosk { return [.ringBell] }
        default:
            // An event for a role this visitor no longer has (a late answer): nothing to do.
            break
        }
        return []
    }

    /// A following participant is carried to the guide's place as a key would take them
    /// there; an open map or help stays open over it, and being carried along counts as
    /// taking part.
    private func moveAlong(to kind: ScreenKind, _ visit: inout VisitState, _ session: SessionState) {
        arrive(at: kind, &visit)
        visit.attention.lastActivity = session.now
    }

    /// A participant waits a minute for a guide whose connection dropped, then goes on alone.
    func checkGroup(_ visit: inout VisitState, now: Instant) -> [TourEffect] {
        if let deadline = groupDeadline(visit), now >= deadline {
            visit.group.role = .ended(.guideDidNotReturn)
        }
        return []
    }

    func groupDeadline(_ visit: VisitState) -> Instant? {
        visit.group.participation?.guideLostAt?.adding(seconds: Self.guideReturnSeconds)
    }

    // MARK: - Input

    /// What a visitor does, in a visit that may be in a group: the group's own input first,
    /// then the walk, then what that move means for the group.
    func act(_ event: TourEvent, inGroup visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        let held = visit.group.heldMove
        visit.group.heldMove = nil
        visit.group.notice = nil
        if let effects = typeClosingWords(event, &visit) { return effects }
        if let effects = confirmHandOver(event, &visit) { return effects }
        if let effects = groupTakes(event, &visit, session) { return effects }
        let before = visit
        let effects = walk(event, &visit, session)
        return holdsBack(event, held: held, before: before, &visit) ? [] : effects
    }

    /// The group's own input: typing a join code, going back to the guide, asking for a
    /// pause (a participant), waiting for everyone (a guide). Nil when the input is not theirs.
    private func groupTakes(_ event: TourEvent, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect]? {
        if visit.overlay?.kind == .joinGroup, case .key(let key) = event { return typeCode(key, &visit) }
        if case .text(let line) = event, let effects = typedName(line, &visit) { return effects }
        let command: Command?
        switch event {
        case .key(let key) where visit.digits.isEmpty:
            command = KeyMap.command(for: key, KeyMap.Context(isKiosk: kiosk.isKiosk, role: visit.group.role))
        case .command(let given): command = given
        default: command = nil
        }
        switch (command, visit.group.role) {
        case (.rejoinGuide, .participant(var participation)):
            guard participation.following != .following else {
                visit.group.notice = .alreadyFollowing
                return []
            }
            guard participation.following == .away else { return nil }
            participation.following = .following
            participation.call = nil
            visit.group.role = .participant(participation)
            if let place = participation.guidePlace, place.leads, let kind = screenKind(for: place) {
                visit.overlay = nil
                moveAlong(to: kind, &visit, session)
            }
            return []
        case (.askPause, .participant(var participation)):
            participation.pause.toggle()
            visit.group.role = .participant(participation)
            return []
        case (.quit, .guide(let leadership)) where leadership.code != nil:
            // Ending the group is for everyone: it is asked again, with room for a last word.
            visit.group.closingWords = ""
            visit.overlay = Screen(.endGroup)
            return []
        case (.gather, .guide(let leadership)) where leadership.code != nil:
            // At a stop only: a door or the welcome is no place to call a group to.
            guard let place = guidePlace(of: visit.place.kind), let stop = visit.place.kind.stop,
                  let number = pack.number(of: stop) else { return [] }
            visit.group.notice = .everyoneCalled(number)
            return [.group(.gather(place))]
        case (.handOver, .guide(let leadership)) where leadership.code != nil:
            visit.overlay = Screen(.handOver)
            return []
        case (.showGroup, .guide):
            visit.overlay = visit.overlay?.kind == .groupRoster ? nil : Screen(.groupRoster)
            return []
        case (.waitForEveryone, .guide(var leadership)):
            leadership.waitForEveryone.toggle()
            visit.group.role = .guide(leadership)
            return []
        default:
            return nil
        }
    }

    /// A guide ending the group: typing closing words, Enter to end the group for everyone
    /// (and the guide's session, as `q` always did), Esc to go on leading. Nil when not ending.
    private func typeClosingWords(_ event: TourEvent, _ visit: inout VisitState) -> [TourEffect]? {
        guard visit.overlay?.kind == .endGroup, case .guide(var leadership) = visit.group.role else { return nil }
        switch event {
        case .key(.character(let character)) where !character.isNewline:
            if visit.group.closingWords.count < GroupVisit.closingLength { visit.group.closingWords.append(character) }
        case .key(.backspace):
            if !visit.group.closingWords.isEmpty { visit.group.closingWords.removeLast() }
        case .key(.escape), .command(.back):
            visit.overlay = nil
        case .key(.enter), .command(.open), .text:
            if case .text(let line) = event { visit.group.closingWords = line }
            let words = GroupVisit.cleanClosingWords(visit.group.closingWords)
            // Ended here: nothing is left for the session's end to end.
            leadership.code = nil
            visit.group.role = .guide(leadership)
            visit.overlay = nil
            return [.group(words.map(GroupRequest.farewell) ?? .end), .endSession(.visitorLeft)]
        default:
            break
        }
        return []
    }

    /// A guide handing the group over: Enter leaves it for a colleague and ends the guide's
    /// session, Esc goes on leading. Nil when not handing over.
    private func confirmHandOver(_ event: TourEvent, _ visit: inout VisitState) -> [TourEffect]? {
        guard visit.overlay?.kind == .handOver, case .guide(var leadership) = visit.group.role else { return nil }
        switch event {
        case .key(.escape), .key(.backspace), .command(.back):
            visit.overlay = nil
        case .key(.enter), .command(.open):
            // Left for a colleague: nothing is left for the session's end to end.
            leadership.code = nil
            visit.group.role = .guide(leadership)
            visit.overlay = nil
            return [.group(.handOver), .endSession(.visitorLeft)]
        default:
            break
        }
        return []
    }

    /// Typing a join code: digits, Backspace, Enter for the name, Esc to leave the screen; then
    /// the first name: letters, Backspace (past its start, back to the code), Enter to join,
    /// Esc back to the code. Nil when the key is not the form's.
    private func typeCode(_ key: Key, _ visit: inout VisitState) -> [TourEffect]? {
        if case .joining = visit.group.role {
            // Connecting takes a moment; Esc gives up.
            if key == .escape { visit.group.role = .none }
            return []
        }
        if visit.group.namingStep { return typeName(key, &visit) }
        switch key {
        case .character(let character) where character.isASCII && character.isNumber:
            if visit.group.typedCode.count < GroupVisit.codeLength { visit.group.typedCode.append(character) }
        case .character(" "):
            break
        case .backspace where !visit.group.typedCode.isEmpty:
            visit.group.typedCode.removeLast()
        case .enter:
            if GroupVisit.isCode(visit.group.typedCode) { visit.group.namingStep = true }
        case .escape, .backspace:
            visit.group.typedCode = ""
            visit.overlay = nil
        default:
            return nil
        }
        return []
    }

    private func typeName(_ key: Key, _ visit: inout VisitState) -> [TourEffect] {
        switch key {
        case .character(let character) where !character.isNewline:
            if visit.group.typedName.count < GroupVisit.nameLength { visit.group.typedName.append(character) }
        case .backspace where !visit.group.typedName.isEmpty:
            visit.group.typedName.removeLast()
        case .enter:
            visit.group.namingStep = false
            return join(code: visit.group.typedCode, &visit)
        case .escape, .backspace:
            visit.group.namingStep = false
        default:
            break
        }
        return []
    }

    /// The line-by-line mode types the name as a line, and joins.
    func typedName(_ line: String, _ visit: inout VisitState) -> [TourEffect]? {
        guard visit.overlay?.kind == .joinGroup, visit.group.namingStep else { return nil }
        visit.group.typedName = String(line.prefix(GroupVisit.nameLength))
        visit.group.namingStep = false
        return join(code: visit.group.typedCode, &visit)
    }

    /// After a move has done its usual work: a participant who walked off steps away (or,
    /// walking back to the guide's stop, follows again); a guide waiting for everyone is held
    /// back once, and the move undone. True when it was held back.
    private func holdsBack(_ event: TourEvent, held: TourEvent?, before: VisitState, _ visit: inout VisitState) -> Bool {
        switch visit.group.role {
        case .participant(var participation):
            let place = guidePlace(of: visit.place.kind)?.gathering
            let guide = participation.guidePlace?.gathering
            switch participation.following {
            case .gettingReady:
                // On from the advisory: to wherever the guide is.
                guard visit.place.kind.stop != nil || visit.place.kind == .end else { return false }
                participation.following = .following
                visit.group.role = .participant(participation)
                if let guide, guide.leads, let kind = screenKind(for: guide) { arrive(at: kind, &visit) }
                return false
            case .following:
                if before.place.kind != visit.place.kind, place != guide { participation.following = .away }
            case .away:
                if place != nil, place == guide {
                    participation.following = .following
                    participation.call = nil
                }
            }
            visit.group.role = .participant(participation)
            return false
        case .guide(let leadership):
            guard leadership.code != nil, leadership.waitForEveryone, !leadership.counts.everyoneReady,
                  guidePlace(of: visit.place.kind)?.gathering != guidePlace(of: before.place.kind)?.gathering,
                  held != event
            else { return false }
            visit = before
            visit.group.heldMove = event
            visit.group.notice = .notEveryoneHere
            return true
        case .none, .joining, .ended:
            return false
        }
    }

    // MARK: - Page actions and pages

    func performGroup(_ action: PageAction, _ visit: inout VisitState) -> [TourEffect] {
        switch (action, visit.group.role) {
        case (.joinGroup, .none), (.joinGroup, .ended):
            visit.group.role = .none
            visit.group.typedCode = ""
            visit.group.typedName = ""
            visit.group.namingStep = false
            visit.overlay = Screen(.joinGroup)
        case (.walkOnAlone, _):
            visit.overlay = nil
        case (.startGroup, .guide(var leadership)) where leadership.opening == nil && leadership.code == nil:
            leadership.opening = .new
            visit.group.role = .guide(leadership)
            return [.group(.open(.new))]
        case (.takeBackGroup(let code), .guide(var leadership)) where leadership.opening == nil && leadership.code == nil:
            if let orphan = leadership.orphans.first(where: { $0.code == code }) {
                leadership.opening = .takeBack(orphan)
                visit.group.role = .guide(leadership)
                return [.group(.open(.takeBack(orphan)))]
            }
        default:
            break
        }
        return []
    }

    /// The welcome page's part about groups: a visitor may join one (after "Begin", which
    /// stays the first choice); a guide sees the group's code, or chooses between taking
    /// back a group and starting a new one.
    func appendGroupWelcome(_ page: inout Page, _ visit: VisitState, _ session: SessionState, beforeBegin: Bool) {
        let language = visit.language
        switch visit.group.role {
        case .guide(let leadership) where beforeBegin:
            if let code = leadership.code {
                page.append(.paragraph, say(.groupCodeIs, language, GroupVisit.display(code)), .strong)
                page.append(.paragraph, say(.groupCodeHowTo, language), .hint)
            } else if leadership.opening == nil {
                for orphan in leadership.orphans {
                    page.append(.item(.takeBackGroup(orphan.code)),
                                say(.takeBackGroup, language, GroupVisit.display(orphan.code)), .item)
                }
                page.append(.item(.startGroup), say(.startGroup, language), .item)
            }
        case .none where !beforeBegin && session.groupsAvailable, .ended where !beforeBegin && session.groupsAvailable:
            page.append(.item(.joinGroup), say(.joinGroup, language), .item)
        default:
            break
        }
    }

    // MARK: - Said in the line-by-line mode

    /// A follower taken to another stop by the guide, as a line before its page ("The guide
    /// moved to stop 452: …"); nil when the visitor was not taken anywhere since `previous`.
    public func guideMove(from previous: ScreenKind, _ state: TourState) -> String? {
        let visit = state.visit
        guard visit.group.participation?.following == .following, previous != visit.place.kind else { return nil }
        let stop: Stop
        switch visit.place.kind {
        case .end: return say(.plainGuideAtEnd, visit.language)
        case .hallAdvisory(let door, _): stop = door
        case let kind: guard let inside = kind.stop else { return nil }
            stop = inside
        }
        // The same stop with its longer text open is no move.
        guard previous.stop != stop, let number = pack.number(of: stop),
              let title = page(for: kind(of: stop), in: state).blocks.first(where: { $0.kind == .title })?.runs.plainText
        else { return nil }
        return say(.plainGuideMoved, visit.language, "\(number)", title)
    }

    // MARK: - The roster

    /// A participant as the guide knows them: the first name they gave, or "Visitor 3".
    public func name(of member: GroupMember, _ language: String) -> String {
        member.name ?? say(.visitorNumber, language, "\(member.number)")
    }

    /// Who asks for a pause, by name: the first three, then how many more.
    public func names(asking members: [GroupMember], _ language: String) -> String {
        let asking = members.filter(\.pause)
        let named = asking.prefix(3).map { name(of: $0, language) }.joined(separator: ", ")
        return asking.count > 3 ? named + " +\(asking.count - 3)" : named
    }

    /// Where a participant is, in the guide's words.
    func whereabouts(_ whereabouts: Whereabouts, _ language: String) -> String {
        switch whereabouts {
        case .here: return say(.rosterHere, language)
        case .atDoor(let place): return say(.rosterAtDoor, language, stopNumber(of: place))
        case .steppedOut: return say(.rosterSteppedOut, language)
        case .gettingReady: return say(.rosterReadingAdvisory, language)
        case .elsewhere(.end?): return say(.rosterAtEnd, language)
        case .elsewhere(let place): return say(.rosterAtStop, language, stopNumber(of: place))
        case .gone: return say(.rosterGone, language)
        }
    }

    /// A place's stop number as shown, or "?" where the pack has none.
    public func stopNumber(of place: GuidePlace?) -> String {
        guard let place, let stop = screenKind(for: place)?.stop, let number = pack.number(of: stop) else { return "?" }
        return "\(number)"
    }

    /// A guide's roster: everyone who is or was in the group, where they are and for how long,
    /// and who asks for a pause.
    func rosterPage(_ visit: VisitState, _ session: SessionState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.rosterTitle, language), .title)
        guard let leadership = visit.group.leadership else { return page }
        if let code = leadership.code { page.append(.paragraph, say(.groupCodeIs, language, GroupVisit.display(code)), .strong) }
        if leadership.members.isEmpty { page.append(.paragraph, say(.rosterEmpty, language)) }
        for member in leadership.members {
            var runs = [Run(name(of: member, language), .strong), Run(" · " + whereabouts(member.whereabouts, language), .body)]
            if !member.following, member.whereabouts != .gone, member.whereabouts != .steppedOut {
                runs.append(Run(" · " + say(.rosterOnTheirOwn, language), .body))
            }
            let minutes = max(0, member.since.milliseconds(until: session.now) / 60_000)
            runs.append(Run(" · " + say(.rosterMinutes, language, "\(minutes)"), .hint))
            if member.pause { runs.append(Run(" · " + say(.rosterPause, language), .notice)) }
            page.append(PageBlock(.listItem, runs))
        }
        page.append(.paragraph, say(.joinGroupBack, language), .hint)
        return page
    }

    /// A guide ending the group: what it does, the closing words, the keys.
    func endGroupPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.endGroupTitle, language), .title)
        page.append(.paragraph, say(.endGroupHowTo, language))
        page.append(PageBlock(.field, [Run(say(.closingWords, language) + ": ", .fieldName),
                                       Run(TerminalSafety.clean(visit.group.closingWords) + "_", .strong)]))
        page.append(.paragraph, say(.endGroupKeys, language), .hint)
        return page
    }

    /// A guide handing the group over: what happens, the keys.
    func handOverPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.handOverTitle, language), .title)
        page.append(.paragraph, say(.handOverHowTo, language, GroupVisit.display(visit.group.leadership?.code ?? "")))
        page.append(.paragraph, say(.handOverKeys, language), .hint)
        return page
    }

    /// A participant whose guide ended the group: thanks, the guide's closing words, the
    /// Hall of Remembrance (or the quiet room) to stay a while, and the way on alone.
    func groupEndedPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.groupEndedTitle, language), .title)
        page.append(.paragraph, say(.endText, language))
        if !visit.group.closingWords.isEmpty {
            page.append(.paragraph, say(.guideSaid, language))
            page.append(.quote, visit.group.closingWords)
        }
        page.append(.paragraph, say(.endRemembrance, language))
        page.append(.item(.stepOut), quietTitle(language), .item)
        page.append(.item(.walkOnAlone), say(.walkOnAlone, language), .item)
        return page
    }

    func joinGroupPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.joinGroup, language), .title)
        if case .joining(let code) = visit.group.role {
            page.append(.paragraph, say(.joiningGroup, language, GroupVisit.display(code)))
            return page
        }
        if visit.group.namingStep {
            page.append(PageBlock(.field, [Run(say(.groupCode, language) + ": ", .fieldName),
                                           Run(GroupVisit.display(visit.group.typedCode), .strong)]))
            page.append(.paragraph, say(.joinGroupName, language))
            page.append(PageBlock(.field, [Run(say(.groupName, language) + ": ", .fieldName),
                                           Run(TerminalSafety.clean(visit.group.typedName) + "_", .strong)]))
            page.append(.paragraph, say(.joinGroupNameBack, language), .hint)
            return page
        }
        page.append(.paragraph, say(.joinGroupHowTo, language))
        let typed = visit.group.typedCode
        let blanks = String(repeating: "·", count: GroupVisit.codeLength - typed.count)
        page.append(PageBlock(.field, [Run(say(.groupCode, language) + ": ", .fieldName),
                                       Run(GroupVisit.display(typed + blanks), .strong)]))
        if case .noSuchGroup(let code) = visit.group.notice {
            page.append(.paragraph, say(.noSuchGroup, language, GroupVisit.display(code)), .notice)
        }
        if case .tooManyJoinAttempts(let seconds) = visit.group.notice {
            page.append(.paragraph, say(.tooManyJoinAttempts, language, "\(seconds)"), .notice)
        }
        page.append(.paragraph, say(.joinGroupBack, language), .hint)
        return page
    }
}
