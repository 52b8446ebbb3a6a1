/// How the kiosk behaves when it stands alone in a hall or at a booth. The command line sets
/// it; the tour reads it. The default is a laptop: no attract loop, no reset, `q` quits.
public struct KioskSettings: Sendable {
    /// `--kiosk`: rest at the attract loop, reset when idle, ignore `q`, and let staff leave
    /// only with the chord and the PIN.
    public var isKiosk: Bool
    /// Seconds without a key before the warning, and seconds the warning counts down.
    public var idleTimeout: Double
    public var idleWarning: Double
    /// `--demo`: the tour advances on its own at this many words a minute until a key is
    /// pressed, and comes back to it after the idle reset.
    public var demoWordsPerMinute: Int?
    /// Checks a staff PIN against the configured hash; nil when none is configured, and then
    /// the chord does nothing.
    public var checkStaffPIN: (@Sendable (String) -> Bool)?

    public init(isKiosk: Bool = false, idleTimeout: Double = 120, idleWarning: Double = 20,
                demoWordsPerMinute: Int? = nil, checkStaffPIN: (@Sendable (String) -> Bool)? = nil) {
        self.isKiosk = isKiosk
        self.idleTimeout = idleTimeout
        self.idleWarning = idleWarning
        self.demoWordsPerMinute = demoWordsPerMinute
        self.checkStaffPIN = checkStaffPIN
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
    /// The attract loop, showing since the instant given (nil until the next tick).
    case attract(since: Instant?)
    /// The demonstration, on its current screenful since the instant given (nil until the next
    /// tick).
    case demo(since: Instant?)
}

/// Where a visitor stepped out to the quiet page from: the place and anything open over it.
public struct StepOut: Hashable, Sendable {
    public var place: Screen
    public var overlay: Screen?
}

/// The staff exit: Ctrl-X then Ctrl-C opens a prompt for the PIN.
public struct StaffExitState: Hashable, Sendable {
    /// Ctrl-X was pressed; Ctrl-C next opens the prompt.
    public var chordStarted = false
    /// The digits typed at the prompt (shown as dots), while it is open.
    public var entry = ""
    /// Wrong PINs in a row.
    public var failures = 0
    /// No prompt opens before this time, after too many wrong PINs.
    public var lockedUntil: Instant?

    public init() {}
}
