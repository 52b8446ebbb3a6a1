/// Why a session closed itself.
public enum SessionClose: Hashable, Sendable {
    /// No key for `--idle-exit` seconds.
    case idle
    /// The session lasted `--max-session` seconds.
    case timeLimit

    /// What the last screen says, and the line left in the terminal after it: a thank-you,
    /// why the session closed, and that the visitor may come back.
    public var farewell: (title: UIText, reason: UIText, comeBack: UIText) {
        (.closedTitle, self == .idle ? .closedIdle : .closedTimeLimit, .closedComeBack)
    }
}

/// A warning shown before a session closes itself, with the seconds left.
public enum SessionWarning: Hashable, Sendable {
    case idle(secondsLeft: Int)
    case timeLimit(secondsLeft: Int)
}

/// `--idle-exit` and `--max-session`: a session over SSH ends itself, politely, so that an
/// abandoned connection does not hold a process for ever. Times come only from `.tick`s.
public struct SessionLimits: Hashable, Sendable {
    /// Seconds without a key after which the session closes; nil for never.
    public var idleExit: Int?
    /// Seconds after which the session closes whatever happens; nil for never.
    public var maxSession: Int?
    /// When the session began; a kiosk's idle reset, which starts a new visit, keeps it. (The
    /// idle clock is the visit's own `TourState.lastActivity`, which that reset reads too.)
    public var startedAt: Instant?
    /// Set once the session is closing: why, and since when the last screen is shown.
    public var closing: SessionClose?
    public var closingSince: Instant?

    public init(idleExit: Int? = nil, maxSession: Int? = nil) {
        self.idleExit = idleExit
        self.maxSession = maxSession
    }

    public var isActive: Bool { idleExit != nil || maxSession != nil }

    /// How long the last screen stays before the session ends.
    public static let lastScreenSeconds = 5.0
    /// How long before an idle close the visitor is warned (at most half the idle time).
    public static let idleWarningSeconds = 30
    /// How long before the time limit the visitor is warned (at most half the limit).
    public static let timeWarningSeconds = 60

    /// How long before each close its warning shows.
    var idleWarningLead: Int? { idleExit.map { min(Self.idleWarningSeconds, $0 / 2) } }
    var timeWarningLead: Int? { maxSession.map { min(Self.timeWarningSeconds, $0 / 2) } }

    func idleDeadline(after lastActivity: Instant?) -> Instant? {
        guard let idleExit, let lastActivity else { return nil }
        return lastActivity.adding(seconds: Double(idleExit))
    }

    var timeDeadline: Instant? {
        guard let maxSession, let startedAt else { return nil }
        return startedAt.adding(seconds: Double(maxSession))
    }

    /// The warning to show at `now`, if a close is near.
    public func warning(at now: Instant?, lastActivity: Instant?) -> SessionWarning? {
        guard closing == nil, let now else { return nil }
        func secondsLeft(_ deadline: Instant) -> Int { Int((now.milliseconds(until: deadline) + 999) / 1000) }
        if let deadline = timeDeadline, let lead = timeWarningLead, now.milliseconds(until: deadline) <= Int64(lead) * 1000 {
            return .timeLimit(secondsLeft: secondsLeft(deadline))
        }
        if let deadline = idleDeadline(after: lastActivity), let lead = idleWarningLead,
           now.milliseconds(until: deadline) <= Int64(lead) * 1000 {
            return .idle(secondsLeft: secondsLeft(deadline))
        }
        return nil
    }

    /// When each warning starts to show.
    func warningStarts(lastActivity: Instant?) -> [Instant] {
        [(timeDeadline, timeWarningLead), (idleDeadline(after: lastActivity), idleWarningLead)].compactMap { deadline, lead in
            guard let deadline, let lead else { return nil }
            return deadline.adding(seconds: -Double(lead))
        }
    }
}

extension TourState {
    /// The warning the visitor sees now, if the session is about to close itself.
    public var sessionWarning: SessionWarning? { limits.warning(at: now, lastActivity: lastActivity) }
}

extension Tour {
    /// Starts the clocks at the first tick, closes the session when a limit is reached, and
    /// ends it once the last screen has been shown long enough.
    func checkLimits(_ state: inout TourState, now: Instant) {
        guard state.limits.isActive else { return }
        if state.limits.startedAt == nil {
            state.limits.startedAt = now
            if state.lastActivity == nil { state.lastActivity = now }
        }
        if let since = state.limits.closingSince {
            if now >= since.adding(seconds: SessionLimits.lastScreenSeconds) { state.hasEnded = true }
            return
        }
        if let deadline = state.limits.timeDeadline, now >= deadline {
            close(.timeLimit, &state, now: now)
        } else if let deadline = state.limits.idleDeadline(after: state.lastActivity), now >= deadline {
            close(.idle, &state, now: now)
        }
    }

    private func close(_ reason: SessionClose, _ state: inout TourState, now: Instant) {
        state.limits.closing = reason
        state.limits.closingSince = now
        state.digits = ""
        state.overlay = Screen(.sessionClosed(reason))
    }

    /// The visitor did something (a key, or being carried along by the guide while
    /// following): the idle clocks, the kiosk's and the session's, start again.
    func noteActivity(_ state: inout TourState) {
        state.lastActivity = state.now
    }

    /// When the limits next need a tick: a warning's start, the next second of its countdown,
    /// a close, or the end of the last screen.
    func limitsDeadline(_ state: TourState) -> Instant? {
        let limits = state.limits
        guard limits.isActive else { return nil }
        if let since = limits.closingSince { return since.adding(seconds: SessionLimits.lastScreenSeconds) }
        let close = [limits.idleDeadline(after: state.lastActivity), limits.timeDeadline].compactMap { $0 }.min()
        guard let now = state.now, let close else { return close }
        guard state.sessionWarning != nil else {
            return (limits.warningStarts(lastActivity: state.lastActivity) + [close]).filter { $0 > now }.min() ?? close
        }
        // Counting down: wake at each whole second before the close.
        let remainder = now.milliseconds(until: close) % 1000
        return Instant(milliseconds: now.milliseconds + (remainder == 0 ? 1000 : remainder))
    }

    /// The last screen: why the session closed, and a thank-you.
    func sessionClosedPage(_ reason: SessionClose, _ language: String) -> Page {
        let farewell = reason.farewell
        var page = Page()
        page.append(.title, farewell.title.text(language), .title)
        page.append(.paragraph, farewell.reason.text(language))
        page.append(.paragraph, farewell.comeBack.text(language), .hint)
        return page
    }
}
