import ArgumentParser
import KioskCore
import KioskTerminal
import KioskView

/// `museum-kiosk [run]`: the kiosk, on this terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the kiosk on this terminal (the default).")

    @OptionGroup var content: ContentOption

    @Option(name: .long, help: ArgumentHelp("Start in this language and do not ask (for example: en, az, ru).", valueName: "CODE"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Colours: default or mono. NO_COLOR selects mono.", valueName: "NAME"))
    var theme: Theme?

    func run() throws {
        let tour = Tour(pack: try loadPack(content.content))
        if let lang, !tour.pack.languages.contains(lang) {
            throw ValidationError("the pack has no language '\(lang)'; it has \(tour.pack.languages.joined(separator: ", "))")
        }
        SignalTrap.install()
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(theme: Theme.choose(theme, environment: Environment.all))
        } catch let error as TerminalError {
            printToStandardError("museum-kiosk: \(error)")
            throw ExitCode(1)
        }
        let end = Session(tour: tour, screen: screen).run(language: lang)
        screen.close()
        if case .signal(let signal) = end { SignalTrap.exit(by: signal) }
    }
}

extension Theme: ExpressibleByArgument {}

/// Loads the pack, or stops with its errors as `validate` prints them: a curator sees the
/// file and the line, never a stack trace.
func loadPack(_ given: String?) throws -> Pack {
    let directory = ContentLocation.resolve(given)
    // Errors only: the kiosk shows no warning, so it does not look for label-shape ones.
    let result = PackLoader(directory: directory, checksLabelShape: false).load()
    guard let pack = result.pack else {
        for finding in result.findings where finding.severity == .error {
            printToStandardError(finding.description)
        }
        printToStandardError("museum-kiosk: the content pack in \(directory) cannot be shown; fix the errors above (museum-kiosk validate \(directory))")
        throw ExitCode(1)
    }
    return pack
}
