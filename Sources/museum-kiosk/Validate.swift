import ArgumentParser
import KioskRuntime
import Glibc
import KioskCore

/// `museum-kiosk validate [--coverage] [DIR]`: every problem in a pack, one per line, as
/// `path:line[:column]: error|warning: message`; with `--coverage`, what each language covers.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a content pack and list each problem with its file and line.",
        discussion: "Exits 0 when there is no error, 1 when there is one, 2 when the pack cannot be read at all."
    )

    @Argument(help: ArgumentHelp("The pack's directory (default: the bundled pack).", valueName: "DIR"))
    var directory: String?

    @Flag(help: "Also print a table of what each language covers, hall by hall, and of the kiosk's own words.")
    var coverage = false

    @Option(help: ArgumentHelp(
        "Warn about characters of the pack this console font (PSF, uncompressed) cannot show (default: the kiosk's own font, when it is installed).",
        valueName: "FILE"))
    var consoleFont: String?

    func run() throws {
        let pack = ContentLocation.resolve(directory)
        var result = PackLoader(directory: pack, kioskWords: ContentLocation.bundled()).load()
        if !result.isUnreadable, let path = consoleFont ?? ContentLocation.consoleFont() {
            do {
                result.findings += try ConsoleFont.read(path: path).findings(inPack: pack)
            } catch {
                // A font named on the command line must be usable; the default is only a help.
                printToStandardError("museum-kiosk: the console font \(path) \(error)")
                if consoleFont != nil { throw ExitCode(64) }
            }
        }
        for finding in result.sortedFindings {
            print(finding)
        }
        if coverage, let table = result.coverage?.table() {
            if !result.findings.isEmpty { print() }
            if result.hasErrors { print("The pack has errors: files that could not be read count as missing.\n") }
            print(table)
        }
        let errors = result.findings.count { $0.severity == .error }
        let warnings = result.findings.count - errors
        printToStandardError("\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")")
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
