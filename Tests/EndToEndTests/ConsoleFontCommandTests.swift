import Foundation
import Testing

/// The console font on the stand: `validate` against it, and the script the unit loads it with.
@Suite struct ConsoleFontCommandTests {
    static let fonts = Built.packageRoot.appendingPathComponent("deploy/console").path

    /// A copy of the small pack with a word the kiosk's font cannot show.
    static func packWithAStrangeLetter() throws -> URL {
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-font-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Built.smallPack, toPath: pack.path)
        let garden = pack.appendingPathComponent("Narratives/garden.md")
        let text = try String(contentsOf: garden, encoding: .utf8)
        try text.replacing("A quiet garden.", with: "A quiet garden, after Dvořák.").write(to: garden, atomically: true, encoding: .utf8)
        return pack
    }

    /// In a clone, validate checks against deploy/console's font without being asked.
    @Test func validateWarnsWithTheFileAndLineOfACharacterTheConsoleCannotShow() throws {
        let pack = try Self.packWithAStrangeLetter()
        defer { try? FileManager.default.removeItem(at: pack) }
        let result = run(Built.kiosk, ["validate", pack.path])
        #expect(result.status == 0, "a warning, not an error")
        #expect(result.output.contains("\(pack.path)/Narratives/garden.md:7:26: warning: the console font museum-kiosk-16.psf has no 'ř' (U+0159)"),
                "\(result.output)")
        #expect(result.error.contains("0 errors, 1 warning"))

        let named = run(Built.kiosk, ["validate", "--console-font", Self.fonts + "/museum-kiosk-32.psf", pack.path])
        #expect(named.output.contains("garden.md:7:26: warning: the console font museum-kiosk-32.psf has no 'ř'"))
    }

    @Test func aConsoleFontThatCannotBeReadIsACommandLineError() {
        let result = run(Built.kiosk, ["validate", "--console-font", "/nonexistent.psf", Built.smallPack])
        #expect(result.status == 64)
        #expect(result.error.contains("the console font /nonexistent.psf cannot be read"))
        let compressed = run(Built.kiosk, ["validate", "--console-font", "/usr/share/consolefonts/Lat15-Fixed16.psf.gz", Built.smallPack])
        if FileManager.default.fileExists(atPath: "/usr/share/consolefonts/Lat15-Fixed16.psf.gz") {
            #expect(compressed.error.contains("is compressed; give the font uncompressed"))
        }
    }

    /// The unit's ExecStartPre: the largest size that keeps 80 × 24, from the frame buffer.
    @Test func theConsoleFontScriptTakesTheLargestSizeThatKeeps80By24() throws {
        let script = Built.packageRoot.appendingPathComponent("deploy/console/console-font").path
        let framebuffer = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-fb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: framebuffer) }
        try FileManager.default.createDirectory(at: framebuffer, withIntermediateDirectories: true)
        func chosen(modes: String?, virtualSize: String? = nil, choice: String? = nil) throws -> String {
            for (file, text) in [("modes", modes), ("virtual_size", virtualSize)] {
                let path = framebuffer.appendingPathComponent(file)
                try? FileManager.default.removeItem(at: path)
                if let text { try (text + "\n").write(to: path, atomically: true, encoding: .utf8) }
            }
            var environment = ["PATH": "/usr/bin:/bin", "MUSEUM_KIOSK_FRAMEBUFFER": framebuffer.path, "MUSEUM_KIOSK_FONT_DIR": "/fonts"]
            environment["MUSEUM_KIOSK_CONSOLE_FONT"] = choice
            let result = run("/bin/sh", [script, "--dry-run"], environment: environment)
            #expect(result.status == 0, "\(result.error)")
            return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try chosen(modes: "U:1920x1080p-0") == "/fonts/museum-kiosk-32.psf")
        #expect(try chosen(modes: "U:1366x768p-60") == "/fonts/museum-kiosk-32.psf")
        #expect(try chosen(modes: "U:1280x720p-0") == "/fonts/museum-kiosk-24.psf")
        #expect(try chosen(modes: nil, virtualSize: "1024,768") == "/fonts/museum-kiosk-24.psf")
        #expect(try chosen(modes: "U:800x600p-0") == "/fonts/museum-kiosk-16.psf")
        #expect(try chosen(modes: nil) == "/fonts/museum-kiosk-16.psf", "no frame buffer: a text mode")
        #expect(try chosen(modes: "garbage") == "/fonts/museum-kiosk-16.psf")
        #expect(try chosen(modes: "U:1920x1080p-0", choice: "16") == "/fonts/museum-kiosk-16.psf")
        #expect(try chosen(modes: nil, choice: "/usr/share/consolefonts/Other.psf") == "/usr/share/consolefonts/Other.psf")
    }

    /// The committed fonts are what deploy/console/build-font makes from Debian's Terminus
    /// with Debian's tools, byte for byte.
    @Test func theCommittedFontsAreWhatTheScriptBuilds() throws {
        for tool in ["bdf2psf", "pcf2bdf"] { try Tool.require(tool) }
        guard FileManager.default.fileExists(atPath: "/usr/share/fonts/X11/misc/ter-u16b_unicode.pcf.gz") else {
            try skip("xfonts-terminus is not installed")
        }
        let result = run(Built.packageRoot.appendingPathComponent("deploy/console/build-font").path, ["--check"])
        #expect(result.status == 0, "\(result.error)")
    }
}
