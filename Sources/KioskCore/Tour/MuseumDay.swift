/// What the wall clock and the staff bring to the session: the time of day, and the notice on
/// the staff's board. Kept across visits (`SessionState.day`).
public struct MuseumDayState: Hashable, Sendable {
    /// The stand's local time when last read; nil until the runtime has read it.
    public var time: LocalTime?
    /// The monotonic instant it was read at, to know when the next minute begins.
    public var readAt = Instant(milliseconds: 0)
    public var staffNotice: StaffNotice?

    public init() {}
}

/// The museum's day on the stand: its opening hours (the closed page outside them, a line
/// before closing time), the pack's commemorations (a line all day, a silence over every
/// screen), and the staff's notice. The wall clock reaches the tour only as `.localTime`
/// events and the notice file as `.staffNotice`, so a test sets any day and any hour.
extension Tour {
    /// The line before closing starts this many minutes before it.
    static let closingNoticeMinutes = 15
    /// On a stand that blanks when closed, a key shows the closed page for this long.
    static let closedPageSeconds = 60.0

    func reduceLocalTime(_ time: LocalTime, _ state: inout TourState) -> [TourEffect] {
        let wasClosed = isClosed(state)
        state.session.day.time = time
        state.session.day.readAt = state.session.now
        if state.session.day.staffNotice?.hasEnded(at: time) == true { state.session.day.staffNotice = nil }
        guard !wasClosed, isClosed(state) else { return [] }
        // Closing time: whoever is reading is asked to leave by the museum's staff, not the
        // kiosk; the visit ends and the stand rests behind its closed page.
        switch state.visit.attention.control {
        case .attract: return []
        case .demo: return startNewVisit(&state)
        case .visitor: return [.record(.ended(.museumClosed))] + startNewVisit(&state)
        }
    }

    func reduceStaffNotice(_ notice: StaffNotice?, _ state: inout TourState) {
        if let notice, let time = state.session.day.time, notice.hasEnded(at: time) {
            state.session.day.staffNotice = nil
        } else {
            state.session.day.staffNotice = notice
        }
    }

    /// Whether the museum is closed now, by the stand's opening hours.
    public func isClosed(_ state: TourState) -> Bool {
        guard let hours = kiosk.openingHours, let time = state.session.day.time else { return false }
        return !hours.isOpen(at: time)
    }

    /// A blanked stand with nothing to show: closed, and no key pressed for a while.
    public func isDark(_ state: TourState) -> Bool {
        guard isClosed(state), kiosk.openingHours?.blankWhenClosed == true else { return false }
        return state.session.now >= state.visit.attention.lastActivity.adding(seconds: Self.closedPageSeconds)
    }

    /// The silence keeping now, if one is.
    public func silence(_ state: TourState) -> Commemoration.Silence? {
        guard let time = state.session.day.time else { return nil }
        return pack.commemorations.first { $0.falls(on: time) && $0.silence?.span.contains(time.minuteOfDay) == true }?.silence
    }

    /// Whether keys wait: in the silence, and while the museum is closed (but for the staff
    /// exit).
    func keysWait(_ state: TourState) -> Bool { silence(state) != nil || isClosed(state) }

    /// The one line over every screen, in `language`: the staff's notice first, then the
    /// museum's closing time drawing near, then the day the pack marks.
    public func banner(_ state: TourState, in language: String) -> String? {
        let day = state.session.day
        if let notice = day.staffNotice?.text(in: language) { return notice }
        guard let time = day.time else { return nil }
        if let left = kiosk.openingHours?.minutesUntilClosing(at: time), left <= Self.closingNoticeMinutes {
            return say(.closingSoon, language, count: left)
        }
        return pack.commemorations.first { $0.falls(on: time) && $0.notice != nil }?.notice
            .map { $0.text(in: language, fallback: pack.defaultLanguage) }
    }

    /// What the closed page says of the next opening, in `language`.
    public func nextOpening(_ state: TourState, in language: String) -> String? {
        guard let time = state.session.day.time, let next = kiosk.openingHours?.nextOpening(after: time) else { return nil }
        let clock = OpeningHours.clock(next.minute)
        if next.inDays == 0 { return say(.opensToday, language, clock) }
        let byWeekday: [Message] = [.opensMonday, .opensTuesday, .opensWednesday, .opensThursday, .opensFriday, .opensSaturday, .opensSunday]
        return say(byWeekday[next.weekday - 1], language, clock)
    }

    /// When the wall clock must be read again: at the next minute something changes (a
    /// silence begins or ends, the museum opens or closes, the closing line counts down, a
    /// notice ends), else at midnight; nil where nothing depends on the time of day.
    public func dayDeadline(_ state: TourState) -> Instant? {
        let day = state.session.day
        guard let time = day.time, kiosk.openingHours != nil || !pack.commemorations.isEmpty || day.staffNotice?.until != nil
        else { return nil }
        let now = time.minuteOfDay
        var changes = [1440]
        for commemoration in pack.commemorations where commemoration.falls(on: time) {
            if let silence = commemoration.silence { changes += [silence.start, silence.span.upperBound] }
        }
        if let hours = kiosk.openingHours?.days[time.weekday - 1] {
            let closingLine = hours.upperBound - Self.closingNoticeMinutes
            changes += [hours.lowerBound, closingLine, hours.upperBound]
            if (closingLine..<hours.upperBound).contains(now) { changes.append(now + 1) }
        }
        if let until = day.staffNotice?.until, until.year == time.year, until.month == time.month, until.day == time.day {
            changes.append(until.minuteOfDay)
        }
        let next = changes.filter { $0 > now }.min() ?? 1440
        var deadline = day.readAt.adding(seconds: Double((next - now) * 60 - time.second))
        // A blanked stand goes dark again a while after the last key.
        if isClosed(state), kiosk.openingHours?.blankWhenClosed == true, !isDark(state) {
            deadline = min(deadline, state.visit.attention.lastActivity.adding(seconds: Self.closedPageSeconds))
        }
        return deadline
    }
}
