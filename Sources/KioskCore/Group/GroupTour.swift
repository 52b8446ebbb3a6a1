/// Group tours in the pure tour: what following, stepping away, joining and leading do to a
/// visit. The session's sockets only carry `GroupEvent`s in and `GroupRequest`s and
/// statuses out; every decision about the visit is here, testable with no socket.
extension Tour {
    /// How long participants wait for a guide whose connection dropped.
    public static let guideReturnSeconds = 60.0

    // MARK: - Starting

    /// This visitor leads a group: the guide may take back one of `orphans`, else a new group
    /// is opened at once.
    public func lead(orphans: [OrphanGroup], _ state: inout TourState) {
        state.group.role = .guide(Leadership(orphans: orphans))
    }

    /// This visitor asks to join the group with `code`.
    public func join(code: String, _ state: inout TourState) {
        state.group.typedCode = ""
        state.group.role = .joining(code)
    }

    /// What the session's sockets should do now.
    public func groupRequest(_ state: TourState) -> GroupRequest? {
        switch state.group.role {
        case .joining(let code): return .join(code)
        case .guide(let leadership): return leadership.opening.map(GroupRequest.open)
        case .none, .participant, .ended: return nil
        }
    }

    // MARK: - Places

    /// Where this visitor is, as a place every kiosk on the host understands.
    public func guidePlace(of kind: ScreenKind) -> GuidePlace? {
        switch kind {
        case .welcome, .chooseLanguage: return .welcome
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
        case .remembrance, .map, .help, .languageMenu, .staffExit, .joinGroup, .sessionClosed: return nil
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
    public func participantStatus(_ state: TourState) -> ParticipantStatus? {
        guard let participation = state.group.participation else { return nil }
        return ParticipantStatus(place: guidePlace(of: state.place.kind), following: participation.following == .following,
                                 pause: participation.pause)
    }

    // MARK: - Events from the other kiosks

    func reduceGroup(_ event: GroupEvent, _ state: inout TourState) {
        switch (event, state.group.role) {
        case (.joined(let code), .joining(let asked)) where code == asked:
            state.group.role = .participant(Participation(code: code))
            // The tour's advisory comes first, whatever the guide is showing.
            go(to: state.languageChosen ? .tourAdvisory : .chooseLanguage, &state)
        case (.noSuchGroup(let code), .joining(let asked)) where code == asked:
            state.group.role = .none
            state.group.notice = .noSuchGroup(code)
            state.overlay = Screen(.joinGroup)
        case (.guideMoved(let place), .participant(var participation)) where screenKind(for: place) != nil:
            if participation.guidePlace?.gathering != place.gathering { participation.pause = false }
            participation.guidePlace = place
            participation.guideLostAt = nil
            state.group.role = .participant(participation)
            if participation.following == .following, place.leads, let kind = screenKind(for: place),
               kind != state.place.kind {
                moveAlong(to: kind, &state)
            }
        case (.guideLost, .participant(var participation)):
            participation.guideLostAt = state.now ?? Instant(milliseconds: 0)
            state.group.role = .participant(participation)
        case (.guideBack, .participant(var participation)):
            participation.guideLostAt = nil
            state.group.role = .participant(participation)
        case (.groupEnded, .participant):
            state.group.role = .ended(.guideEnded)
        case (.opened(let code), .guide(var leadership)):
            if case .takeBack(let orphan) = leadership.opening, orphan.code == code,
               let kind = screenKind(for: orphan.place) {
                go(to: kind, &state)
            }
            leadership.code = code
            leadership.opening = nil
            leadership.orphans = []
            state.group.role = .guide(leadership)
        case (.cannotOpen, .guide(var leadership)):
            leadership.opening = nil
            state.group.role = .guide(leadership)
            state.group.notice = .cannotOpen
        case (.counts(let counts), .guide(var leadership)):
            leadership.counts = counts
            state.group.role = .guide(leadership)
        default:
            // An event for a role this visitor no longer has (a late answer): nothing to do.
            break
        }
    }

    /// A following participant is carried to the guide's place as a key would take them
    /// there; an open map or help stays open over it, and being carried along counts as
    /// taking part.
    private func moveAlong(to kind: ScreenKind, _ state: inout TourState) {
        arrive(at: kind, &state)
        noteActivity(&state)
    }

    /// A participant waits a minute for a guide whose connection dropped, then goes on alone.
    func checkGroup(_ state: inout TourState, now: Instant) {
        if let deadline = groupDeadline(state), now >= deadline {
            state.group.role = .ended(.guideDidNotReturn)
        }
    }

    func groupDeadline(_ state: TourState) -> Instant? {
        state.group.participation?.guideLostAt?.adding(seconds: Self.guideReturnSeconds)
    }

    // MARK: - Keys

    /// A key in a visit that may be in a group: the group's own keys first, then the tour's
    /// (`press`), then what that move means for the group.
    func press(_ key: Key, inGroup state: inout TourState, press: (inout TourState) -> Void) {
        let held = state.group.heldMove
        state.group.heldMove = nil
        state.group.notice = nil
        if groupKey(key, &state) { return }
        let before = state
        press(&state)
        afterKey(key, held: held, before: before, &state)
    }

    /// The group's own keys: typing a join code, `g` back to the guide, `w` for a pause (a
    /// participant) or for waiting for everyone (a guide). True when the key was used.
    private func groupKey(_ key: Key, _ state: inout TourState) -> Bool {
        if state.overlay?.kind == .joinGroup { return typeCode(key, &state) }
        guard case .character(let character) = key, state.digits.isEmpty else { return false }
        switch (character.lowercased(), state.group.role) {
        case ("g", .participant(var participation)), ("п", .participant(var participation)):
            guard participation.following != .following else {
                state.group.notice = .alreadyFollowing
                return true
            }
            guard participation.following == .away else { return false }
            participation.following = .following
            state.group.role = .participant(participation)
            if let place = participation.guidePlace, place.leads, let kind = screenKind(for: place) {
                state.overlay = nil
                moveAlong(to: kind, &state)
            }
            return true
        case ("w", .participant(var participation)), ("ц", .participant(var participation)):
            participation.pause.toggle()
            state.group.role = .participant(participation)
            return true
        case ("w", .guide(var leadership)), ("ц", .guide(var leadership)):
            leadership.waitForEveryone.toggle()
            state.group.role = .guide(leadership)
            return true
        default:
            return false
        }
    }

    /// Typing a join code: digits, Backspace, Enter to join, Esc to leave the screen.
    private func typeCode(_ key: Key, _ state: inout TourState) -> Bool {
        if case .joining = state.group.role {
            // Connecting takes a moment; Esc gives up.
            if key == .escape { state.group.role = .none }
            return true
        }
        switch key {
        case .character(let character) where character.isASCII && character.isNumber:
            if state.group.typedCode.count < GroupVisit.codeLength { state.group.typedCode.append(character) }
        case .character(" "):
            break
        case .backspace where !state.group.typedCode.isEmpty:
            state.group.typedCode.removeLast()
        case .enter:
            if GroupVisit.isCode(state.group.typedCode) { join(code: state.group.typedCode, &state) }
        case .escape, .backspace:
            state.group.typedCode = ""
            state.overlay = nil
        default:
            return false
        }
        return true
    }

    /// After a key has done its usual work: a participant who walked off steps away (or,
    /// walking back to the guide's stop, follows again); a guide waiting for everyone is held
    /// back once.
    private func afterKey(_ key: Key, held: Key?, before: TourState, _ state: inout TourState) {
        switch state.group.role {
        case .participant(var participation):
            let place = guidePlace(of: state.place.kind)?.gathering
            let guide = participation.guidePlace?.gathering
            switch participation.following {
            case .gettingReady:
                // On from the advisory: to wherever the guide is.
                guard state.place.kind.stop != nil || state.place.kind == .end else { return }
                participation.following = .following
                if let guide, guide.leads, let kind = screenKind(for: guide) { moveAlong(to: kind, &state) }
            case .following:
                if before.place.kind != state.place.kind, place != guide { participation.following = .away }
            case .away:
                if place != nil, place == guide { participation.following = .following }
            }
            state.group.role = .participant(participation)
        case .guide(let leadership):
            guard leadership.code != nil, leadership.waitForEveryone, !leadership.counts.everyoneReady,
                  guidePlace(of: state.place.kind)?.gathering != guidePlace(of: before.place.kind)?.gathering
            else { return }
            if held == key { return }
            let counts = leadership.counts
            state = before
            state.group.heldMove = key
            state.group.notice = .notEveryoneHere(counts)
        case .none, .joining, .ended:
            break
        }
    }

    // MARK: - Page actions and pages

    func performGroup(_ action: PageAction, _ state: inout TourState) {
        switch (action, state.group.role) {
        case (.joinGroup, .none), (.joinGroup, .ended):
            state.group.role = .none
            state.group.typedCode = ""
            state.overlay = Screen(.joinGroup)
        case (.startGroup, .guide(var leadership)):
            leadership.opening = .new
            state.group.role = .guide(leadership)
        case (.takeBackGroup(let code), .guide(var leadership)):
            if let orphan = leadership.orphans.first(where: { $0.code == code }) {
                leadership.opening = .takeBack(orphan)
                state.group.role = .guide(leadership)
            }
        default:
            break
        }
    }

    /// The welcome page's part about groups: a visitor may join one (after "Begin", which
    /// stays the first choice); a guide sees the group's code, or chooses between taking
    /// back a group and starting a new one.
    func appendGroupWelcome(_ page: inout Page, _ state: TourState, beforeBegin: Bool) {
        let language = state.language
        switch state.group.role {
        case .guide(let leadership) where beforeBegin:
            if let code = leadership.code {
                page.append(.paragraph, UIText.groupCodeIs.text(language, GroupVisit.display(code)), .strong)
                page.append(.paragraph, UIText.groupCodeHowTo.text(language), .hint)
            } else if leadership.opening == nil {
                for orphan in leadership.orphans {
                    page.append(.item(.takeBackGroup(orphan.code)),
                                UIText.takeBackGroup.text(language, GroupVisit.display(orphan.code)), .item)
                }
                page.append(.item(.startGroup), UIText.startGroup.text(language), .item)
            }
        case .none where !beforeBegin && state.group.available, .ended where !beforeBegin && state.group.available:
            page.append(.item(.joinGroup), UIText.joinGroup.text(language), .item)
        default:
            break
        }
    }

    func joinGroupPage(_ state: TourState) -> Page {
        let language = state.language
        var page = Page()
        page.append(.title, UIText.joinGroup.text(language), .title)
        if case .joining(let code) = state.group.role {
            page.append(.paragraph, UIText.joiningGroup.text(language, GroupVisit.display(code)))
            return page
        }
        page.append(.paragraph, UIText.joinGroupHowTo.text(language))
        let typed = state.group.typedCode
        let blanks = String(repeating: "·", count: GroupVisit.codeLength - typed.count)
        page.append(PageBlock(.field, [Run(UIText.groupCode.text(language) + ": ", .fieldName),
                                       Run(GroupVisit.display(typed + blanks), .strong)]))
        if case .noSuchGroup(let code) = state.group.notice {
            page.append(.paragraph, UIText.noSuchGroup.text(language, GroupVisit.display(code)), .notice)
        }
        page.append(.paragraph, UIText.joinGroupBack.text(language), .hint)
        return page
    }

    /// Help lines for the group keys of this visitor's role.
    func groupHelpKeys(_ state: TourState) -> [(keys: String, text: UIText)] {
        switch state.group.role {
        case .participant: return [("g", .keyRejoin), ("w", .keyPause)]
        case .guide: return [("w", .keyWaitForEveryone)]
        case .none, .joining, .ended: return []
        }
    }
}
