import ArgumentParser
import Glibc
import KioskCore
import KioskRuntime

/// `museum-kiosk install DIR`: a pack put on a stand safely. It is checked, copied as a new
/// version beside the current one, and switched to at once; a kiosk showing packs from there
/// (`--packs`) picks it up at its next idle reset, never in the middle of a visit. `--rollback`
/// switches back to the previous version.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a content pack on this stand, checked and switched to whole, or roll back.",
        discussion: """
            A pack with errors is refused and the stand keeps what it shows. The previous version \
            is kept for --rollback. Run it as the user that owns the packs' folder (root on a stand).
            """
    )

    @Argument(help: ArgumentHelp("The pack to install: a folder with Narratives/, Exhibits/ and Messages/.", valueName: "DIR"))
    var directory: String?

    @Flag(help: "Switch back to the previous version instead.")
    var rollback = false

    @Option(name: .long, help: ArgumentHelp("Where the stand's packs are (default: \(PackStore.standardRoot)).", valueName: "DIR"))
    var packs: String = PackStore.standardRoot

    func validate() throws {
        if rollback == (directory != nil) { throw ValidationError("give the pack's folder to install, or --rollback") }
    }

    func run() throws {
        let store = PackStore(root: packs)
        do {
            if rollback {
                print("rolled back: \(packs)/current is version \(try store.rollback())")
                return
            }
            let version = try store.install(from: directory!, check: {
                PackLoader(directory: $0, kioskWords: ContentLocation.bundled()).load()
            }, now: Self.timestamp())
            print("installed: \(packs)/current is version \(version); a kiosk showing \(packs) changes to it at its next idle reset")
        } catch {
            for finding in error.findings where finding.severity == .error { printToStandardError(finding.description) }
            printToStandardError("museum-kiosk: \(error)")
            throw ExitCode(1)
        }
    }

    /// The time now as a version's prefix, in UTC: versions sort in the order installed.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }
}
