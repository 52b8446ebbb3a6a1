import ArgumentParser
import Glibc
import KioskCore
import KioskRuntime
import KioskStatistics
import KioskTerminal
import KioskView
import Logging

/// `museum-kiosk [run]`: the kiosk, on this terminal, or line by line.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the kiosk on this terminal (the default).")

    @OptionGroup var content: ContentOption

    @Option(name: .long, help: ArgumentHelp("Start in this language and do not ask (for example: en, az, ru).", valueName: "CODE"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Colours: default, high-contrast or mono. NO_COLOR selects mono.", valueName: "NAME"))
    var theme: Theme?

    @OptionGroup var mode: KioskOptions

    @OptionGroup var ssh: SSHOptions

    @OptionGroup var stand: StandOptions

    @OptionGroup var book: BookOptions

    func validate() throws {
        if mode.kiosk, ssh.lead || ssh.join != nil || ssh.groupDirectory != nil {
            throw ValidationError("a public kiosk takes no part in group tours: --lead, --join and --group-dir are for sessions over SSH")
        }
    }

    func run() throws {
        let environment = Environment.all
        if let refusal = SSHGate.refusal(environment: environment) {
            printToStandardError(refusal)
            throw ExitCode(1)
        }
        try KioskLogHandler.bootstrap(file: ssh.log)
        let staff = try mode.staffSettings()
        let clock = SystemClock()
        try ssh.checkCodeWindow(at: clock.wall.local)
        // A stand serves its installed packs, the best that loads; otherwise the pack named
        // (or the bundled one), whose errors stop the kiosk before the screen opens.
        let installed = mode.packs.map { root in
            InstalledPacks(store: PackStore(root: root), fallback: ContentLocation.bundled(), load: loadResult,
                           makeTour: { Tour(pack: $0, kiosk: staff.settings) }, logger: Logger(label: "museum-kiosk.packs"),
                           clock: clock)
        }
        var named: Tour?
        if installed == nil {
            let tour = Tour(pack: try loadPack(content.content), kiosk: staff.settings)
            if let lang, !tour.pack.languages.contains(lang) {
                throw ValidationError("the pack has no language '\(lang)'; it has \(tour.pack.languages.joined(separator: ", "))")
            }
            named = tour
        }
        let lockFile = mode.staffLockFile(environment: environment)
        SignalTrap.install()
        let front: Front
        var screen: TerminalScreen?
        // A screen needs a terminal that can place the cursor. Without one (TERM=dumb, output
        // to a file or a pipe) the tour is read line by line, not drawn as a garbled screen.
        let canDraw = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
            && !["", "dumb", "unknown"].contains(environment["TERM"] ?? "")
        if !canDraw, !mode.plain, mode.kiosk || mode.demo {
            printToStandardError("museum-kiosk: --kiosk and --demo draw a screen, and this is not a terminal that can show one (TERM=\(environment["TERM"] ?? "unset"), or input or output is not a terminal)")
            throw ExitCode(1)
        }
        if mode.plain || !canDraw {
            front = PlainFront(source: DescriptorLines()) { lines in
                writeAll(STDOUT_FILENO, lines.joined(separator: "\n") + "\n")
            }
        } else {
            if mode.kiosk { SignalTrap.lockDown() }
            do {
                screen = try TerminalScreen(theme: Theme.choose(theme, environment: environment), lockdown: mode.kiosk)
            } catch let error as TerminalError {
                printToStandardError("museum-kiosk: \(error)")
                throw ExitCode(1)
            }
            front = TerminalFront(screen: screen!)
        }
        guard let tour = named ?? installed.flatMap({ packs in
            packs.firstTour() ?? waitForPack(front: front, clock: clock, every: KioskOptions.packRetrySeconds,
                                              lines: { OutOfOrder.lines(packs.wordsForTrouble()) }, attempt: packs.firstTour)
        }) else {
            screen?.close()
            if let signal = SignalTrap.caught { SignalTrap.exit(by: signal) }
            return
        }
        // A public stand offers no group tours, whatever the host has set up for SSH.
        let group = mode.kiosk ? nil : try ssh.groupLink(tour: tour, environment: environment)
        var start = ssh.sessionStart(language: lang, group: group, environment: environment)
        if let lockFile { start.staffLock = lockFile.load() }
        // Where an entry came from, as the book records it.
        let way = mode.kiosk ? "stand" : environment["SSH_CONNECTION"] != nil ? "ssh" : mode.plain ? "plain" : "laptop"
        let bookService = book.location(standing: mode.kiosk, environment: environment)?
            .service(stand: stand.standName, front: way, clock: clock)
        start.bookAvailable = bookService != nil
        let statistics = visitStatistics(configured: staff.statistics, environment: environment)
        let effects = EffectRunner(group: group, noticeBoard: stand.notice.map { NoticeBoard(path: $0) }, book: bookService,
                                   checkStaffPIN: { staff.pin?.matches($0) ?? false }, saveStaffLock: { lock in
            guard let lockFile, !lockFile.save(lock) else { return }
            // The kiosk goes on (never a word on the visitor's screen); the operator reads in the
            // log that a restart would forget the lock.
            Logger(label: "museum-kiosk.staff").error("cannot keep the staff exit's lock in \(lockFile.path): \(String(cString: strerror(errno)))")
        })
        let content = ContentLocation.resolve(content.content)
        let health = stand.metrics.map { directory in
            StandHealth(directory: directory, stand: stand.standName, session: mode.kiosk ? nil : getpid(), clock: clock,
                        pack: { installed?.status ?? StandHealth.PackStatus(version: content) },
                        statisticsDropped: { statistics?.dropped ?? 0 })
        }
        let recorder = statistics.map { VisitRecorder(statistics: $0, stand: stand.standName, front: way, clock: clock) }
        let outcome = SessionRuntime(tour: tour, front: front, clock: clock, effects: effects, start: start, packs: installed,
                                     watchers: [health as SessionWatcher?, recorder].compactMap { $0 }).run()
        if let screen {
            screen.close()
            // The last screen goes with the terminal: a line says why the session closed.
            if let closing = outcome.state.session.limits.closing {
                print(tour.farewellLine(closing.reason, outcome.state.language))
            }
        }
        switch outcome.ending {
        case .input(.signal(let signal)): SignalTrap.exit(by: signal)
        // The service manager does not restart a kiosk staff have stopped.
        case .tour(.staffExit): throw ExitCode(KioskOptions.staffExitStatus)
        case .tour, .input(.endOfInput): break
        }
    }
}

extension Run {
    /// The visit statistics' queue when they are kept: on a stand unless kiosk.conf
    /// (`configured`) or the command line says otherwise, elsewhere only when asked; in the
    /// book's database, which a stand must be given.
    func visitStatistics(configured: Bool?, environment: [String: String]) -> StatisticsService? {
        guard stand.statistics ?? configured ?? mode.kiosk else { return nil }
        guard let database = book.database(standing: mode.kiosk, environment: environment) else {
            printToStandardError("museum-kiosk: visit statistics have nowhere to be kept: give --data or --database (or --no-statistics)")
            return nil
        }
        return database.statisticsService()
    }
}

/// What the out-of-order page says: the museum's words in each of its languages, when a pack
/// could tell them; else the one text the kiosk keeps for when it has no words at all.
enum OutOfOrder {
    static func lines(_ words: (languages: [String], messages: Messages)?) -> [String] {
        let said = (words?.languages ?? []).filter { words!.messages.has(.outOfOrder, in: $0) }
        guard let words, !said.isEmpty else { return ["Out of order."] }
        return said.map { words.messages.text(.outOfOrder, $0) }
    }
}

extension Theme: ExpressibleByArgument {}

/// Loads the pack, or stops with its errors as `validate` prints them: a curator sees the
/// file and the line, never a stack trace.
func loadPack(_ given: String?) throws -> Pack {
    let directory = ContentLocation.resolve(given)
    let result = loadResult(directory)
    guard let pack = result.pack else {
        for finding in result.sortedFindings where finding.severity == .error {
            printToStandardError(finding.description)
        }
        let shown = Finding.escaped(directory)
        printToStandardError("museum-kiosk: the content pack in \(shown) cannot be shown; fix the errors above (museum-kiosk validate \(shown))")
        throw ExitCode(1)
    }
    return pack
}

/// A pack as the kiosk reads it: errors only (it shows no warning, so it does not look for
/// any), in the kiosk's own words where the pack has none.
func loadResult(_ directory: String) -> PackLoadResult {
    PackLoader(directory: directory, keepsWarnings: false, kioskWords: ContentLocation.bundled()).load()
}
