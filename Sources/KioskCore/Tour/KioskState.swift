/// How the kiosk behaves when it stands alone in a hall or at a booth. The command line sets
/// it; the tour reads it. The default is a laptop: no attract loop, no reset, `q` quits.
public struct KioskSettings: Hashable, Sendable {
    /// `--kiosk`: rest at the attract loop, reset when idle, ignore `q`, and let staff leave
    /// only with the chord and the PIN.
    public var isKiosk: Bool
    /// Seconds without a key before the warning, and seconds the warning counts down.
    public var idleTimeout: Double
    public var idleWarning: Double
    /// `--demo`: the tour advances on its own at this many words a minute until a key is
    /// pressed, and comes back to it after the idle reset.
    public var demoWordsPerMinute: Int?
    /// Whether a staff PIN is configured: without one the chord does nothing. The runtime
    /// checks a typed PIN against it (`TourEffect.checkStaffPIN`).
    public var hasStaffPIN: Bool
    /// When the museum is open (kiosk.conf); nil: always.
    public var openingHours: OpeningHours?

    public init(isKiosk: Bool = false, idleTimeout: Double = 120, idleWarning: Double = 20,
                demoWordsPerMinute: Int? = nil, hasStaffPIN: Bool = false, openingHours: OpeningHours? = nil) {
        self.isKiosk = isKiosk
        self.openingHours = openingHours
        self.idleTimeout = idleTimeout
        self.idleWarning = idleWarning
        self.demoWordsPerMinute = demoWordsPerMinute
        self.hasStaffPIN = hasStaffPIN
    }

    /// An unattended kiosk or booth starts again when the visitor walks away.
    public var resetsWhenIdle: Bool { isKiosk || demoWordsPerMinute != nil }

    /// How long each language shows on the attract screen: long enough to read the name, slow
    /// enough to be calm.
    public static let attractSeconds = 6.0
    /// The shortest a demonstration screen stays, however few its words.
    public static let demoMinimumSeconds = 5.0
    /// Wrong PINs in a row before the staff exit waits, and how long it waits.
    public static let staffTries = 3
    public static let staffLockSeconds = 60.0
    /// The longest PIN the prompt takes.
    public static let longestPIN = 12
}

/// Who has the screen.
public enum Control: Hashable, Sendable {
    /// A visitor (or, outside the kiosk, whoever started it).
    case visitor
    /// The attract loop, showing since the instant given.
    case attract(since: Instant)
    /// The demonstration, on its current screenful since the instant given.
    case demo(since: Instant)
}

/// Who has the screen, and when the visitor last took part (a key, or being carried along by
/// the guide); the idle timeouts, the kiosk's and the session's, count from there.
public struct Attention: Hashable, Sendable {
    public var control: Control
    public var lastActivity: Instant

    public init(control: Control, lastActivity: Instant) {
        self.control = control
        self.lastActivity = lastActivity
    }
}

/// The staff exit's prompt: Ctrl-X then Ctrl-C opens it, for the PIN.
public struct StaffPrompt: Hashable, Sendable {
    /// Ctrl-X was pressed; Ctrl-C next opens the prompt.
    public var chordStarted = false
    /// The digits typed at the prompt (shown as dots), while it is open.
    public var entry = ""
    /// A typed PIN is being checked: the prompt waits for the answer.
    public var checking = false

    public init() {}
}

/// What outlives a visit of the staff exit: wrong PINs in a row, and the wait they imposed.
public struct StaffLock: Hashable, Sendable {
    public var failures = 0
    /// No prompt opens before this time, after too many wrong PINs.
    public var lockedUntil: Instant?

    public init(failures: Int = 0, lockedUntil: Instant? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// A lock kept by an earlier process, taken at `now`: the wrong PINs still count, and a
    /// lock lasts at most its full time from now (a lock kept across a restart of the machine,
    /// whose monotonic clock starts again, or a file changed by hand, cannot lock for longer).
    public func resumed(at now: Instant) -> StaffLock {
        let longest = now.adding(seconds: KioskSettings.staffLockSeconds)
        return StaffLock(failures: min(max(0, failures), KioskSettings.staffTries - 1),
                         lockedUntil: lockedUntil.map { min($0, longest) }.flatMap { $0 > now ? $0 : nil })
    }
}
