/// The kiosk standing alone: the attract loop, the idle warning and reset, the demonstration,
/// and the staff exit. It owns who has the screen (`VisitState.attention`), the staff exit's
/// prompt and lock, and starting a new visit. Time reaches it only as `.tick` events, so a
/// test clock tests it.
extension Tour {
    /// Who has the screen when no visitor does, from `now`.
    func restingControl(since now: Instant) -> Control {
        if kiosk.demoWordsPerMinute != nil { return .demo(since: now) }
        return kiosk.isKiosk ? .attract(since: now) : .visitor
    }

    // MARK: - Input

    /// Input the kiosk takes before the tour: the staff exit, the key that wakes the attract
    /// loop or answers the idle warning (used up, so it does nothing else), and the key that
    /// takes over from the demonstration (which then acts). Everything a visitor does is
    /// activity, noted once it is known whether it answers the warning.
    func kioskTakes(_ event: TourEvent, _ state: inout TourState) -> (usedUp: Bool, effects: [TourEffect]) {
        let warned = idleCountdown(state) != nil
        state.visit.attention.lastActivity = state.session.now
        if let effects = staffExitTakes(event, &state) { return (true, effects) }
        if keysWait(state) { return (true, []) }
        switch state.visit.attention.control {
        case .attract:
            return (true, wakeFromAttract(&state))
        case .demo:
            state.visit.attention.control = .visitor
            return (false, [.record(.began(language: state.language))])
        case .visitor:
            return (warned, [])
        }
    }

    /// A visitor wakes the attract loop: the visit begins at the choice of language, the one
    /// the loop was showing chosen, and goes on to the welcome in it. One invitation, then
    /// the tour; never a second "begin" screen.
    private func wakeFromAttract(_ state: inout TourState) -> [TourEffect] {
        let shown = attractLanguage(state)
        state.visit.attention.control = .visitor
        if !state.visit.languageChosen, pack.languages.count > 1 {
            state.visit.language = shown
            state.visit.place = Screen(.chooseLanguage, selection: pack.languages.firstIndex(of: shown) ?? 0)
        }
        return [.record(.began(language: state.language))]
    }

    /// The staff exit's chord and prompt; nil when the input is not theirs.
    private func staffExitTakes(_ event: TourEvent, _ state: inout TourState) -> [TourEffect]? {
        if state.visit.overlay?.kind == .staffExit {
            // Nothing typed at the prompt reaches the tour.
            if case .key(let key) = event { return typeStaffPIN(key, &state.visit) }
            return []
        }
        guard kiosk.isKiosk, case .key(let key) = event else { return nil }
        if key == .control("x") {
            state.visit.staffPrompt.chordStarted = true
            return []
        }
        guard state.visit.staffPrompt.chordStarted else { return nil }
        state.visit.staffPrompt.chordStarted = false
        guard key == .control("c") else { return nil }
        // Without a configured PIN the chord does nothing: a visitor learns nothing from it.
        guard kiosk.hasStaffPIN else { return [] }
        if let until = state.session.staffLock.lockedUntil, state.session.now < until {
            state.visit.notice = .staffExitLocked
            return []
        }
        state.visit.attention.control = .visitor
        state.visit.staffPrompt = StaffPrompt()
        state.visit.overlay = Screen(.staffExit)
        return []
    }

    /// Digits, Backspace, Enter to check, Esc to close. Any other key is ignored, and so is
    /// everything while a PIN is being checked.
    private func typeStaffPIN(_ key: Key, _ visit: inout VisitState) -> [TourEffect] {
        guard !visit.staffPrompt.checking else { return [] }
        switch key {
        case .character(let character) where character.isASCII && character.isNumber:
            if visit.staffPrompt.entry.count < KioskSettings.longestPIN { visit.staffPrompt.entry.append(character) }
        case .backspace:
            if !visit.staffPrompt.entry.isEmpty { visit.staffPrompt.entry.removeLast() }
        case .escape:
            closeStaffExit(&visit)
        case .enter:
            visit.staffPrompt.checking = true
            return [.checkStaffPIN(visit.staffPrompt.entry)]
        default:
            break
        }
        return []
    }

    /// The answer to a PIN typed at the prompt: the right one ends the kiosk; a wrong one
    /// counts, and too many in a row lock the exit for a while.
    /// A wrong PIN leaves the prompt open and empty, so digits typed again at once go to it,
    /// never to the stop entry, until too many lock it.
    func staffPINChecked(_ matches: Bool, _ state: inout TourState) -> [TourEffect] {
        guard state.visit.staffPrompt.checking else { return [] }
        if matches {
            closeStaffExit(&state.visit)
            state.session.staffLock = StaffLock()
            return [.saveStaffLock(StaffLock()), .endSession(.staffExit)]
        }
        state.visit.notice = .wrongPIN
        state.visit.staffPrompt.entry = ""
        state.visit.staffPrompt.checking = false
        state.session.staffLock.failures += 1
        if state.session.staffLock.failures >= KioskSettings.staffTries {
            state.session.staffLock.failures = 0
            state.session.staffLock.lockedUntil = state.session.now.adding(seconds: KioskSettings.staffLockSeconds)
            closeStaffExit(&state.visit)
            state.visit.notice = .staffExitLocked
        }
        return [.saveStaffLock(state.session.staffLock)]
    }

    private func closeStaffExit(_ visit: inout VisitState) {
        visit.staffPrompt = StaffPrompt()
        visit.overlay = nil
    }

    // MARK: - Time

    /// What the time changes: the demonstration moves on, and an idle visit is reset.
    func passTime(_ state: inout TourState) -> [TourEffect] {
        let now = state.session.now
        switch state.visit.attention.control {
        case .attract:
            return []
        case .demo(let since):
            return now >= since.adding(seconds: readingSeconds(state.visit, state.session)) ? demoStep(&state) : []
        case .visitor:
            // The silence is no time away: the visit waits through it.
            if silence(state) != nil { state.visit.attention.lastActivity = now }
            guard kiosk.resetsWhenIdle, now >= resetTime(after: state.visit.attention.lastActivity) else { return [] }
            return [.record(.ended(.idleReset))] + startNewVisit(&state)
        }
    }

    private func resetTime(after last: Instant) -> Instant {
        last.adding(seconds: kiosk.idleTimeout + kiosk.idleWarning)
    }

    /// Seconds left before the reset, while the idle warning shows; nil when it does not.
    public func idleCountdown(_ state: TourState) -> Int? {
        let attention = state.visit.attention
        let now = state.session.now
        guard kiosk.resetsWhenIdle, attention.control == .visitor,
              now >= attention.lastActivity.adding(seconds: kiosk.idleTimeout) else { return nil }
        let left = now.milliseconds(until: resetTime(after: attention.lastActivity))
        return left <= 0 ? nil : Int((left + 999) / 1000)
    }

    /// A new visit, as the kiosk started: what was the visitor's is forgotten, and what is the
    /// session's stays, by the line between `VisitState` and `SessionState`.
    func startNewVisit(_ state: inout TourState) -> [TourEffect] {
        state.visit = newVisit(state.session)
        return [.newVisit]
    }

    public func kioskDeadline(_ state: TourState) -> Instant? {
        let now = state.session.now
        switch state.visit.attention.control {
        case .attract(let since):
            let period = Int64(KioskSettings.attractSeconds * 1000)
            let shown = max(0, since.milliseconds(until: now)) / period
            return Instant(milliseconds: since.milliseconds + (shown + 1) * period)
        case .demo(let since):
            return since.adding(seconds: readingSeconds(state.visit, state.session))
        case .visitor:
            guard kiosk.resetsWhenIdle else { return nil }
            let last = state.visit.attention.lastActivity
            let warning = last.adding(seconds: kiosk.idleTimeout)
            guard now >= warning, let seconds = idleCountdown(state) else { return min(warning, resetTime(after: last)) }
            // Each second of the countdown is drawn; the last one ends in the reset.
            return Instant(milliseconds: resetTime(after: last).milliseconds - Int64(seconds - 1) * 1000)
        }
    }

    // MARK: - The attract loop

    /// The language the attract loop shows now: each of the kiosk's languages in turn.
    public func attractLanguage(_ state: TourState) -> String {
        let languages = spokenLanguages
        guard !languages.isEmpty else { return pack.defaultLanguage }
        guard case .attract(let since) = state.visit.attention.control else { return languages[0] }
        let shown = Int(max(0, since.milliseconds(until: state.session.now)) / Int64(KioskSettings.attractSeconds * 1000))
        return languages[shown % languages.count]
    }

    // MARK: - The demonstration

    /// How long the screenful on show takes to read at the demonstration's pace.
    func readingSeconds(_ visit: VisitState, _ session: SessionState) -> Double {
        let viewport = viewport(of: visit.screen, visit, session)
        let visible = viewport.visible(from: visit.screen.scroll).clamped(to: viewport.layout.lines.indices)
        let words = viewport.layout.lines[visible].reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
        let pace = Double(max(1, kiosk.demoWordsPerMinute ?? 160))
        return max(KioskSettings.demoMinimumSeconds, Double(words) * 60 / pace)
    }

    /// The demonstration reads on: the next screenful of the page, else the next stop; after
    /// the end it begins again. It never shows more of a graphic exhibit than its text
    /// alternative, and never steps out.
    func demoStep(_ state: inout TourState) -> [TourEffect] {
        let session = state.session
        state.visit.overlay = nil
        var effects: [TourEffect] = []
        let viewport = viewport(of: state.visit.place, state.visit, session)
        if state.visit.place.scroll < viewport.lastTop {
            scroll(&state.visit, session, by: page(session))
        } else if state.visit.place.kind == .end {
            effects = startNewVisit(&state)
        } else {
            next(&state.visit, session)
        }
        state.visit.attention.control = .demo(since: session.now)
        return effects
    }
}
