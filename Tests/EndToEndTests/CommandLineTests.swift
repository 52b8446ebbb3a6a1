import Foundation
import Testing

/// The command line as a curator or an operator uses it.
@Suite struct CommandLineTests {
    @Test func validatePassesOnTheBundledPack() {
        let result = run(Built.kiosk, ["validate", Built.packageRoot.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("error:"))
    }

    @Test func validateNamesTheFileAndLineAndFails() {
        let broken = Built.packageRoot.appendingPathComponent("Tests/KioskCoreTests/Packs/broken/unsafe-text").path
        let result = run(Built.kiosk, ["validate", broken])
        #expect(result.status == 1)
        #expect(result.output.contains("\(broken)/Narratives/first.md:6:24: error: escape character"))
        #expect(result.error.contains("4 errors"))
    }

    @Test func validateSaysWhenThereIsNoPackAtAll() {
        let result = run(Built.kiosk, ["validate", "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.output.contains("/nonexistent/Narratives/tour.yaml:1: error: not a content pack"))
    }

    @Test func aBrokenPackStopsTheKioskWithTheSameMessage() {
        let broken = Built.packageRoot.appendingPathComponent("Tests/KioskCoreTests/Packs/broken/duplicates").path
        let result = run(Built.kiosk, ["--content", broken])
        #expect(result.status == 1)
        #expect(result.error.contains("\(broken)/Exhibits/first/a.md:3:7: error: stop 1 is already the stop of hall 'first'"))
        #expect(result.error.contains("museum-kiosk validate"))
        #expect(!result.error.contains("Fatal error"))
    }

    @Test func anUnknownLanguageIsRefusedClearly() {
        let result = run(Built.kiosk, ["--content", Built.smallPack, "--lang", "xx"])
        #expect(result.status != 0)
        #expect(result.error.contains("the pack has no language 'xx'; it has en, az, ru"))
    }

    @Test func versionAndHelp() {
        #expect(run(Built.kiosk, ["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = run(Built.kiosk, ["--help"]).output
        #expect(help.contains("validate"))
        let runHelp = run(Built.kiosk, ["run", "--help"]).output
        #expect(runHelp.contains("--content <DIR>"))
        #expect(runHelp.contains("--lang <CODE>"))
    }

    @Test func anUnknownTerminalIsAClearError() {
        let result = run(Built.kiosk, ["--content", Built.smallPack], environment: ["TERM": "no-such-terminal", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 1)
        #expect(result.error.contains("cannot open the terminal"))
    }
}
