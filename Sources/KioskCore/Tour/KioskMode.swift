/// The kiosk standing alone: the attract loop, the idle warning and reset, the demonstration,
/// and the staff exit. Time reaches it only as `.tick` events, so a fake clock tests it.
extension Tour {
    /// Who has the screen when no visitor does.
    var restingControl: Control {
        if kiosk.demoWordsPerMinute != nil { return .demo(since: nil) }
        return kiosk.isKiosk ? .attract(since: nil) : .visitor
    }

    // MARK: - Keys

    /// Keys the kiosk takes before the tour: the staff exit, the key that wakes the attract
    /// loop or answers the idle warning (used up, so it does nothing else), and the key that
    /// takes over from the demonstration (which then acts). True when the key is used up.
    /// Every key is activity, noted once the key is known to answer the warning or not.
    func kioskTakes(_ key: Key, _ state: inout TourState) -> Bool {
        let warned = idleCountdown(state) != nil
        noteActivity(&state)
        if staffExitTakes(key, &state) { return true }
        switch state.control {
        case .attract:
            state.control = .visitor
            return true
        case .demo:
            state.control = .visitor
            return false
        case .visitor:
            return warned
        }
    }

    private func staffExitTakes(_ key: Key, _ state: inout TourState) -> Bool {
        if state.overlay?.kind == .staffExit {
            typeStaffPIN(key, &state)
            return true
        }
        guard kiosk.isKiosk else { return false }
        if key == .control("x") {
            state.staffExit.chordStarted = true
            return true
        }
        guard state.staffExit.chordStarted else { return false }
        state.staffExit.chordStarted = false
        guard key == .control("c") else { return false }
        // Without a configured PIN the chord does nothing: a visitor learns nothing from it.
        guard kiosk.checkStaffPIN != nil else { return true }
        if let until = state.staffExit.lockedUntil, let now = state.now, now < until {
            state.notice = .staffExitLocked
            return true
        }
        state.control = .visitor
        state.staffExit.entry = ""
        state.overlay = Screen(.staffExit)
        return true
    }

    /// Digits, Backspace, Enter to check, Esc to close. Any other key is ignored, so nothing a
    /// visitor types at the prompt reaches the tour.
    private func typeStaffPIN(_ key: Key, _ state: inout TourState) {
        switch key {
        case .character(let character) where character.isASCII && character.isNumber:
            if state.staffExit.entry.count < KioskSettings.longestPIN { state.staffExit.entry.append(character) }
        case .backspace:
            if !state.staffExit.entry.isEmpty { state.staffExit.entry.removeLast() }
        case .escape:
            closeStaffExit(&state)
        case .enter:
            let entry = state.staffExit.entry
            closeStaffExit(&state)
            if kiosk.checkStaffPIN?(entry) == true {
                state.staffExit.failures = 0
                state.hasEnded = true
                return
            }
            state.notice = .wrongPIN
            state.staffExit.failures += 1
            if state.staffExit.failures >= KioskSettings.staffTries {
                state.staffExit.failures = 0
                state.staffExit.lockedUntil = (state.now ?? Instant(milliseconds: 0)).adding(seconds: KioskSettings.staffLockSeconds)
            }
        default:
            break
        }
    }

    private func closeStaffExit(_ state: inout TourState) {
        state.staffExit.entry = ""
        state.overlay = nil
    }

    // MARK: - Time

    /// What the time changes: the attract loop and the demonstration start their clocks, the
    /// demonstration moves on, and an idle visit is reset.
    func passTime(_ state: inout TourState) {
        guard let now = state.now else { return }
        switch state.control {
        case .attract(since: nil):
            state.control = .attract(since: now)
        case .attract:
            break
        case .demo(since: nil):
            state.control = .demo(since: now)
        case .demo(let since?):
            if now >= since.adding(seconds: readingSeconds(state)) { demoStep(&state) }
        case .visitor:
            guard kiosk.resetsWhenIdle else { return }
            guard let last = state.lastActivity else {
                state.lastActivity = now
                return
            }
            if now >= resetTime(after: last) { reset(&state) }
        }
    }

    private func resetTime(after last: Instant) -> Instant {
        last.adding(seconds: kiosk.idleTimeout + kiosk.idleWarning)
    }

    /// Seconds left before the reset, while the idle warning shows; nil when it does not.
    public func idleCountdown(_ state: TourState) -> Int? {
        guard kiosk.resetsWhenIdle, state.control == .visitor, let now = state.now, let last = state.lastActivity,
              now >= last.adding(seconds: kiosk.idleTimeout) else { return nil }
        let left = now.milliseconds(until: resetTime(after: last))
        return left <= 0 ? nil : Int((left + 999) / 1000)
    }

    /// A new visit, as the kiosk started: everything the visitor chose is forgotten (language,
    /// advisories read, graphic exhibits shown, place, digits, the way back from the quiet
    /// page). What belongs to the session survives: the staff exit's count of wrong PINs, so a
    /// reset cannot lift it, the session's limits and whether group tours are offered.
    func reset(_ state: inout TourState) {
        var fresh = start(language: state.startLanguage, size: state.size)
        fresh.now = state.now
        fresh.staffExit.failures = state.staffExit.failures
        fresh.staffExit.lockedUntil = state.staffExit.lockedUntil
        fresh.limits = state.limits
        fresh.group.available = state.group.available
        switch fresh.control {
        case .attract: fresh.control = .attract(since: state.now)
        case .demo: fresh.control = .demo(since: state.now)
        case .visitor: fresh.lastActivity = state.now
        }
        state = fresh
    }

    public func kioskDeadline(_ state: TourState) -> Instant? {
        guard let now = state.now else { return nil }
        switch state.control {
        case .attract(since: nil), .demo(since: nil):
            return now
        case .attract(let since?):
            let period = Int64(KioskSettings.attractSeconds * 1000)
            let shown = max(0, since.milliseconds(until: now)) / period
            return Instant(milliseconds: since.milliseconds + (shown + 1) * period)
        case .demo(let since?):
            return since.adding(seconds: readingSeconds(state))
        case .visitor:
            guard kiosk.resetsWhenIdle, let last = state.lastActivity else { return nil }
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
        guard case .attract(let since?) = state.control, let now = state.now else { return languages[0] }
        let shown = Int(max(0, since.milliseconds(until: now)) / Int64(KioskSettings.attractSeconds * 1000))
        return languages[shown % languages.count]
    }

    // MARK: - The demonstration

    /// How long the screenful on show takes to read at the demonstration's pace.
    func readingSeconds(_ state: TourState) -> Double {
        let viewport = viewport(of: state.screen, in: state)
        let visible = viewport.visible(from: state.screen.scroll).clamped(to: viewport.layout.lines.indices)
        let words = viewport.layout.lines[visible].reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
        let pace = Double(max(1, kiosk.demoWordsPerMinute ?? 160))
        return max(KioskSettings.demoMinimumSeconds, Double(words) * 60 / pace)
    }

    /// The demonstration reads on: the next screenful of the page, else the next stop; after
    /// the end it begins again. It never shows more of a graphic exhibit than its text
    /// alternative, and never steps out.
    func demoStep(_ state: inout TourState) {
        let now = state.now
        state.overlay = nil
        let viewport = viewport(of: state.place, in: state)
        if state.place.scroll < viewport.lastTop {
            scroll(&state, by: page(state))
        } else if state.place.kind == .end {
            reset(&state)
        } else {
            next(&state)
        }
        state.control = .demo(since: now)
    }
}
