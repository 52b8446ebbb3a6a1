import ArgumentParser
import Foundation
import KioskCore
import KioskTerminal
import KioskView

/// `museum-kiosk [run]`: the kiosk, on this terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the kiosk on this terminal (the default).")

    @OptionGroup var content: ContentOption

    @Option(name: .long, help: ArgumentHelp("Start in this language and do not ask (for example: en, az, ru).", valueName: "CODE"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Colours: default, high-contrast or mono. NO_COLOR selects mono.", valueName: "NAME"))
    var theme: Theme?

    @OptionGroup var mode: KioskOptions

    func run() throws {
        let tour = Tour(pack: try loadPack(content.content), kiosk: try mode.settings())
        if let lang, !tour.pack.languages.contains(lang) {
            throw ValidationError("the pack has no language '\(lang)'; it has \(tour.pack.languages.joined(separator: ", "))")
        }
        if mode.plain {
            PlainSession(tour: tour).run(language: lang)
            return
        }
        SignalTrap.install()
        if mode.kiosk { SignalTrap.lockDown() }
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(theme: Theme.choose(theme, environment: ProcessInfo.processInfo.environment),
                                        lockdown: mode.kiosk)
        } catch let error as TerminalError {
            printToStandardError("museum-kiosk: \(error)")
            throw ExitCode(1)
        }
        let end = Session(tour: tour, screen: screen).run(language: lang)
        screen.close()
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
    let result = PackLoader(directory: directory).load()
    guard let pack = result.pack else {
        for finding in result.findings where finding.severity == .error {
            printToStandardError(finding.description)
        }
        printToStandardError("museum-kiosk: the content pack in \(directory) cannot be shown; fix the errors above (museum-kiosk validate \(directory))")
        throw ExitCode(1)
    }
    return pack
}
