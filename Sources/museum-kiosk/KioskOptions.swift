import ArgumentParser
import KioskCore
import KioskRuntime
import KioskStaff

/// How the kiosk runs: alone in a hall (`--kiosk`), at a booth (`--demo`), or line by line
/// (`--plain`).
struct KioskOptions: ParsableArguments {
    @Flag(name: .long, help: "A public kiosk: an attract loop, a reset when idle, no way out but the staff exit.")
    var kiosk = false

    @Option(name: .long, help: ArgumentHelp("Seconds without a key before the idle warning (--kiosk, --demo).", valueName: "SECONDS"))
    var idleTimeout: Double = 120

    @Option(name: .long, help: ArgumentHelp("Seconds the idle warning counts down before the visit starts again.", valueName: "SECONDS"))
    var idleWarning: Double = 20

    @Flag(name: .long, help: "A booth: the tour advances on its own until a key is pressed.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("The demonstration's reading pace, in words a minute.", valueName: "WORDS"))
    var demoWpm: Int = 160

    @Flag(name: .long, help: "Line by line, for screen readers, braille displays and pipes: numbered choices, one command a line.")
    var plain = false

    @Option(name: .long, help: ArgumentHelp("The kiosk's configuration file, with the staff PIN's hash (--kiosk).", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "Show the packs installed here by museum-kiosk install (a stand: --packs \(PackStore.standardRoot)), the best that loads.",
        valueName: "DIR"))
    var packs: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp(
        "Where a kiosk keeps the staff exit's lock across restarts (--kiosk; default: $STATE_DIRECTORY, which systemd sets).",
        valueName: "DIR"))
    var stateDirectory: String?

    /// Exit status of the staff exit, which the service manager does not restart on.
    static let staffExitStatus: Int32 = 10
    /// How often a kiosk with no pack it can show tries again.
    static let packRetrySeconds = 30.0

    func validate() throws {
        guard idleTimeout >= 1, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be from 1 to 86400 seconds") }
        guard idleWarning >= 1, idleWarning <= 3_600 else { throw ValidationError("--idle-warning must be from 1 to 3600 seconds") }
        guard (20...1_000).contains(demoWpm) else { throw ValidationError("--demo-wpm must be from 20 to 1000 words a minute") }
        if plain, kiosk || demo { throw ValidationError("--plain reads commands line by line; it cannot be combined with --kiosk or --demo") }
        if config != nil, !kiosk { throw ValidationError("--config is read by --kiosk only") }
        if stateDirectory != nil, !kiosk { throw ValidationError("--state-dir is used by --kiosk only") }
    }

    /// Where the staff exit's lock is kept across restarts: --state-dir, else the service's
    /// state directory; none when the kiosk is not a public one or has neither.
    func staffLockFile(environment: [String: String]) -> StaffLockFile? {
        guard kiosk, let directory = stateDirectory ?? environment["STATE_DIRECTORY"].flatMap({ $0.split(separator: ":").first.map(String.init) }),
              !directory.isEmpty else { return nil }
        return StaffLockFile(directory: directory)
    }

    /// The settings for the tour, the staff PIN's hash, and whether the configuration turns the
    /// visit statistics on or off (nil: it does not say). A kiosk reads its configuration: a
    /// file named with --config must be there; without --config, a missing default file leaves
    /// the staff exit off.
    func staffSettings() throws -> (settings: KioskSettings, pin: StaffPINHash?, statistics: Bool?) {
        let settings = KioskSettings(isKiosk: kiosk, idleTimeout: idleTimeout, idleWarning: idleWarning,
                                     demoWordsPerMinute: demo ? demoWpm : nil)
        guard kiosk else { return (settings, nil, nil) }
        let path = config ?? KioskConfiguration.defaultPath
        if config == nil, !pathExists(path) {
            printToStandardError("museum-kiosk: no \(path): the staff exit is off; the kiosk stops only from its service manager")
            return (settings, nil, nil)
        }
        let configuration: KioskConfiguration
        do {
            configuration = try KioskConfiguration.load(path: path)
        } catch let error as ConfigurationError {
            printToStandardError("\(error)")
            throw ExitCode(1)
        }
        var configured = settings
        configured.openingHours = configuration.openingHours
        guard let hash = configuration.staffPIN else {
            printToStandardError("museum-kiosk: \(path) sets no staff-pin: the staff exit is off")
            return (configured, nil, configuration.statistics)
        }
        configured.hasStaffPIN = true
        return (configured, hash, configuration.statistics)
    }
}
