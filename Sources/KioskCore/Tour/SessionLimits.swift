/// Why a session closed itself.
public enum SessionClose: Hashable, Sendable {
    /// No key for `--idle-exit` seconds.
    case idle
    /// The session lasted `--max-session` seconds.
    case timeLimit

    /// What the last screen says, and the line left in the terminal after it: a thank-you,
    /// why the session closed, and that the visitor may come back.
    public var farewell: (title: Message, reason: Message, comeBack: Message) {
        (.closedTitle, self == .idle ? .closedIdle : .closedTimeLimit, .closedComeBack)
    }


}

/// A warning shown before a session closes itself, with the seconds left.
public enum SessionWarning: Hashable, Sendable {
    case idle(secondsLeft: Int)
    case timeLimit(secondsLeft: Int)
}

/// `--idle-exit` and `--max-session`: a session over SSH ends itself, politely, so that an
/// abandoned connection does not hold a process for ever. The session's own part of the
/// state; times come only from `.tick`s.
public struct SessionLimits: Hashable, Sendable {
    /// Seconds without a key after which the session closes; nil for never.
    public var idleExit: Int?
    /// Seconds after which the session closes whatever happens; nil for never.
    public var maxSession: Int?
    /// When the session began; a kiosk's idle reset, which starts a new visit, keeps it. (The
    /// idle clock is the visit's own `Attention.lastActivity`, which that reset reads too.)
    public var startedAt: Instant
    /// Set once the session is closing: why, and since when the last screen is shown.
    public var closing: Closing?

    /// A session closing itself.
    public struct Closing: Hashable, Sendable {
        public var reason: SessionClose
        public var since: Instant
    }

    /// How long the last screen stays before the session ends.
    public var lastScreenSeconds: Double

    public init(idleExit: Int? = nil, maxSession: Int? = nil, startedAt: Instant,
                lastScreenSeconds: Double = SessionLimits.lastScreenSeconds) {
        self.idleExit = idleExit
        self.maxSession = maxSession
        self.startedAt = startedAt
        self.lastScreenSeconds = lastScreenSeconds
    }

    public var isActive: Bool { idleExit != nil || maxSession != nil }

    /// How long a terminal's last screen stays before the session ends: long enough to read.
    public static let lastScreenSeconds = 5.0
    /// How long before an idle close the visitor is warned (at most half the idle time).
    public static let idleWarningSeconds = 30
    /// How long before the time limit the visitor is warned (at most half the limit).
    public static let timeWarningSeconds = 60

    /// How long before each close its warning shows.
    var idleWarningLead: Int? { idleExit.map { min(Self.idleWarningSeconds, $0 / 2) } }
    var timeWarningLead: Int? { maxSession.map { min(Self.timeWarningSeconds, $0 / 2) } }

    func idleDeadline(after lastActivity: Instant) -> Instant? {
        idleExit.map { lastActivity.adding(seconds: Double($0)) }
    }

    var timeDeadline: Instant? { maxSession.map { startedAt.adding(seconds: Double($0)) } }

    /// The warning to show at `now`, if a close is near.
    public func warning(at now: Instant, lastActivity: Instant) -> SessionWarning? {
        guard closing == nil else { return nil }
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
    func warningStarts(lastActivity: Instant) -> [Instant] {
        [(timeDeadline, timeWarningLead), (idleDeadline(after: lastActivity), idleWarningLead)].compactMap { deadline, lead in
            guard let deadline, let lead else { return nil }
            return deadline.adding(seconds: -Double(lead))
        }
    }
}

extension TourState {
    /// The warning the visitor sees now, if the session is about to close itself.
    public var sessionWarning: SessionWarning? {
        session.limits.warning(at: session.now, lastActivity: visit.attention.lastActivity)
    }
}

extension Tour {
    /// Closes the session when a limit is reached, and ends it once the last screen has been
    /// shown long enough.
    func checkLimits(_ state: inout TourState) -> [TourEffect] {
        let limits = state.session.limits
        let now = state.session.now
        guard limits.isActive else { return [] }
        if let closing = limits.closing {
            return now >= closing.since.adding(seconds: limits.lastScreenSeconds) ? [.endSession(.closed(closing.reason))] : []
        }
        if let deadline = limits.timeDeadline, now >= deadline {
            close(.timeLimit, &state)
        } else if let deadline = limits.idleDeadline(after: state.visit.attention.lastActivity), now >= deadline {
            close(.idle, &state)
        }
        return []
    }

    private func close(_ reason: SessionClose, _ state: inout TourState) {
        state.session.limits.closing = SessionLimits.Closing(reason: reason, since: state.session.now)
        // The last screen is over everything; a number half typed goes with the visit.
        state.visit.digits = ""
    }

    /// When the limits next need a tick: a warning's start, the next second of its countdown,
    /// a close, or the end of the last screen.
    func limitsDeadline(_ state: TourState) -> Instant? {
        let limits = state.session.limits
        guard limits.isActive else { return nil }
        if let closing = limits.closing { return closing.since.adding(seconds: limits.lastScreenSeconds) }
        let lastActivity = state.visit.attention.lastActivity
        guard let close = [limits.idleDeadline(after: lastActivity), limits.timeDeadline].compactMap({ $0 }).min() else { return nil }
        let now = state.session.now
        guard state.sessionWarning != nil else {
            return (limits.warningStarts(lastActivity: lastActivity) + [close]).filter { $0 > now }.min() ?? close
        }
        // Counting down: wake at each whole second before the close.
        let remainder = now.milliseconds(until: close) % 1000
        return Instant(milliseconds: now.milliseconds + (remainder == 0 ? 1000 : remainder))
    }

    /// The line left in the visitor's terminal after the last screen, which goes with the
    /// connection: the last screen's three messages, each whole.
    public func farewellLine(_ reason: SessionClose, _ language: String) -> String {
        let farewell = reason.farewell
        return [say(farewell.title, language), say(farewell.reason, language), say(farewell.comeBack, language)].joined(separator: " · ")
    }

    /// The last screen: why the session closed, and a thank-you.
    func sessionClosedPage(_ reason: SessionClose, _ language: String) -> Page {
        let farewell = reason.farewell
        var page = Page()
        page.append(.title, say(farewell.title, language), .title)
        page.append(.paragraph, say(farewell.reason, language))
        page.append(.paragraph, say(farewell.comeBack, language), .hint)
        return page
    }
}
