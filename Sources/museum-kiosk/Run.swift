import ArgumentParser
import KioskCore
import KioskGroupLink
import KioskTerminal
import KioskView
import Logging

/// `museum-kiosk [run]`: the kiosk, on this terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the kiosk on this terminal (the default).")

    @OptionGroup var content: ContentOption

    @Option(name: .long, help: ArgumentHelp("Start in this language and do not ask (for example: en, az, ru).", valueName: "CODE"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Colours: default, high-contrast or mono. NO_COLOR selects mono.", valueName: "NAME"))
    var theme: Theme?

    @OptionGroup var mode: KioskOptions

    @OptionGroup var ssh: SSHOptions

    func run() throws {
        let environment = Environment.all
        if let refusal = SSHGate.refusal(environment: environment) {
            printToStandardError(refusal)
            throw ExitCode(1)
        }
        try KioskLogHandler.bootstrap(file: ssh.log)
        let tour = Tour(pack: try loadPack(content.content), kiosk: try mode.settings())
        if let lang, !tour.pack.languages.contains(lang) {
            throw ValidationError("the pack has no language '\(lang)'; it has \(tour.pack.languages.joined(separator: ", "))")
        }
        if mode.plain {
            PlainSession(tour: tour).run(language: lang)
            return
        }
        let group = try ssh.groupLink(tour: tour, environment: environment)
        let orphans = ssh.lead ? group?.directory.orphans() ?? [] : []
        SignalTrap.install()
        if mode.kiosk { SignalTrap.lockDown() }
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(theme: Theme.choose(theme, environment: environment), lockdown: mode.kiosk)
        } catch let error as TerminalError {
            printToStandardError("museum-kiosk: \(error)")
            throw ExitCode(1)
        }
        let session = Session(tour: tour, screen: screen, group: group) { state in
            ssh.prepare(&state, tour: tour, groupAvailable: group != nil, orphans: orphans)
        }
        let (end, last) = session.run(language: lang)
        // A guide who quit (or whose session closed itself) ends the group; one whose
        // connection dropped leaves it to be taken back.
        group?.close(endingGroup: end == nil)
        screen.close()
        if let reason = last.limits.closing { print(SSHOptions.farewell(reason, language: last.language)) }
        if case .signal(let signal) = end { SignalTrap.exit(by: signal) }
        // In a kiosk only the staff exit ends the visit; the service manager leaves it ended.
        if end == nil, mode.kiosk { throw ExitCode(KioskOptions.staffExitStatus) }
    }
}

extension Theme: ExpressibleByArgument {}

/// Loads the pack, or stops with its errors as `validate` prints them: a curator sees the
/// file and the line, never a stack trace.
func loadPack(_ given: String?) throws -> Pack {
    let directory = ContentLocation.resolve(given)
    // Errors only: the kiosk shows no warning, so it does not look for any.
    let result = PackLoader(directory: directory, keepsWarnings: false).load()
    guard let pack = result.pack else {
        for finding in result.sortedFindings where finding.severity == .error {
            printToStandardError(finding.description)
        }
        printToStandardError("museum-kiosk: the content pack in \(directory) cannot be shown; fix the errors above (museum-kiosk validate \(directory))")
        throw ExitCode(1)
    }
    return pack
}
