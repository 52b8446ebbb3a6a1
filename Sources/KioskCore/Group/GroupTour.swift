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
        case .remembrance, .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .sessionClosed, .book: return nil
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
        return ParticipantStatus(place: guidePlace(of: visit.place.kind), following: participation.following == .following,
                                 pause: participation.pause)
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
        return effects
    }

    /// A guide whose session ends ends the group with it.
    func endingGroup(_ visit: VisitState) -> [TourEffect] {
        visit.group.leadership?.code != nil ? [.group(.end)] : []
    }

    // MARK: - Events from the other kiosks

    func reduceGroup(_ event: GroupEvent, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        switch (event, visit.group.role) {
        case (.joined(let code), .joining(let asked)) where code == asked:
            visit.group.role = .participant(Participation(code: code))
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
        case (.guideMoved(let place), .participant(var participation)) where screenKind(for: place) != nil:
            if participation.guidePlace?.gathering != place.gathering { participation.pause = false }
            participation.guidePlace = place
            participation.guideLostAt = nil
            visit.group.role = .participant(participation)
            if participation.following == .following, place.leads, let kind = screenKind(for: place),
               kind != visit.place.kind {
                moveAlong(to: kind, &visit, session)
            }
        case (.guideChoseTour(let id), .participant):
            // The guide's tour is the group's: its labels, its halls on the map, and the
            // stops `n` goes on to for a participant who walked away.
            if let index = pack.tours.firstIndex(where: { $0.id == id }), index != visit.tour.index {
                visit.tour = ChosenTour(index: index)
            }
        case (.guideLost, .participant(var participation)):
            participation.guideLostAt = session.now
            visit.group.role = .participant(participation)
        case (.guideBack, .participant(var participation)):
            participation.guideLostAt = nil
            visit.group.role = .participant(participation)
        case (.groupEnded, .participant):
            visit.group.role = .ended(.guideEnded)
        case (.opened(let code), .guide(var leadership)):
            if case .takeBack(let orphan) = leadership.opening, orphan.code == code,
               let kind = screenKind(for: orphan.place) {
                go(to: kind, &visit, session)
            }
            leadership.code = code
            leadership.opening = nil
            leadership.orphans = []
            visit.group.role = .guide(leadership)
        case (.cannotOpen, .guide(var leadership)):
            leadership.opening = nil
            visit.group.role = .guide(leadership)
            visit.group.notice = .cannotOpen
        case (.counts(let counts), .guide(var leadership)):
            leadership.counts = counts
            visit.group.role = .guide(leadership)
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
        if let effects = groupTakes(event, &visit, session) { return effects }
        let before = visit
        let effects = walk(event, &visit, session)
        return holdsBack(event, held: held, before: before, &visit) ? [] : effects
    }

    /// The group's own input: typing a join code, going back to the guide, asking for a
    /// pause (a participant), waiting for everyone (a guide). Nil when the input is not theirs.
    private func groupTakes(_ event: TourEvent, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect]? {
        if visit.overlay?.kind == .joinGroup, case .key(let key) = event { return typeCode(key, &visit) }
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
        case (.waitForEveryone, .guide(var leadership)):
            leadership.waitForEveryone.toggle()
            visit.group.role = .guide(leadership)
            return []
        default:
            return nil
        }
    }

    /// Typing a join code: digits, Backspace, Enter to join, Esc to leave the screen. Nil when
    /// the key is not the code's.
    private func typeCode(_ key: Key, _ visit: inout VisitState) -> [TourEffect]? {
        if case .joining = visit.group.role {
            // Connecting takes a moment; Esc gives up.
            if key == .escape { visit.group.role = .none }
            return []
        }
        switch key {
        case .character(let character) where character.isASCII && character.isNumber:
            if visit.group.typedCode.count < GroupVisit.codeLength { visit.group.typedCode.append(character) }
        case .character(" "):
            break
        case .backspace where !visit.group.typedCode.isEmpty:
            visit.group.typedCode.removeLast()
        case .enter:
            if GroupVisit.isCode(visit.group.typedCode) { return join(code: visit.group.typedCode, &visit) }
        case .escape, .backspace:
            visit.group.typedCode = ""
            visit.overlay = nil
        default:
            return nil
        }
        return []
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
                if place != nil, place == guide { participation.following = .following }
            }
            visit.group.role = .participant(participation)
            return false
        case .guide(let leadership):
            guard leadership.code != nil, leadership.waitForEveryone, !leadership.counts.everyoneReady,
                  guidePlace(of: visit.place.kind)?.gathering != guidePlace(of: before.place.kind)?.gathering,
                  held != event
            else { return false }
            let counts = leadership.counts
            visit = before
            visit.group.heldMove = event
            visit.group.notice = .notEveryoneHere(counts)
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
            visit.overlay = Screen(.joinGroup)
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

    func joinGroupPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.joinGroup, language), .title)
        if case .joining(let code) = visit.group.role {
            page.append(.paragraph, say(.joiningGroup, language, GroupVisit.display(code)))
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
