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

    /// A stand's update: a good pack installed, a broken one refused, the stand still on the
    /// good one; a rollback goes back a version. The kiosk shows what is installed.
    @Test func aBrokenPackInstalledOverAGoodOneLeavesTheStandOnTheGoodOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-install-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let packs = directory + "/packs", broken = directory + "/broken"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Built.smallPack, toPath: broken)
        try "format: 1\nhalls: oops\n".write(toFile: broken + "/Narratives/tour.yaml", atomically: true, encoding: .utf8)

        let good = run(Built.kiosk, ["install", Built.smallPack, "--packs", packs])
        #expect(good.status == 0, "\(good.error)")
        #expect(good.output.contains("installed: \(packs)/current is version"))
        let refused = run(Built.kiosk, ["install", broken, "--packs", packs])
        #expect(refused.status == 1)
        #expect(refused.error.contains("\(broken)/Narratives/tour.yaml"))
        #expect(refused.error.contains("nothing was installed"))
        let shown = run("/bin/sh", ["-c", "echo q | \"$0\" --plain --lang en --packs \"$1\"", Built.kiosk, packs])
        #expect(shown.status == 0, "\(shown.error)")
        #expect(shown.output.hasPrefix("Test Museum · Ground floor · EN"))
        let nothingBefore = run(Built.kiosk, ["install", "--rollback", "--packs", packs])
        #expect(nothingBefore.status == 1)
        #expect(nothingBefore.error.contains("no previous version"))
    }

    /// With no pack it can show, a stand says it is out of order in the museum's languages,
    /// and waits to try again, instead of exiting into a restart loop.
    @Test func aStandWithNoPackItCanShowIsOutOfOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-nopack-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let packs = directory + "/packs/versions/1"
        try FileManager.default.createDirectory(atPath: packs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Built.smallPack + "/Narratives", toPath: packs + "/Narratives")
        try "format: 1\nlanguages: [en, ru]\nhalls: oops\n".write(toFile: packs + "/Narratives/tour.yaml", atomically: true, encoding: .utf8)
        symlink("versions/1", directory + "/packs/current")
        // The bundled pack is found beside the binary; here it must not be the way out. A hard
        // link, not a copy: a copy being written while another test starts a process could be
        // held open by it ("text file busy").
        let binary = directory + "/museum-kiosk"
        if link(Built.kiosk, binary) != 0 { try FileManager.default.copyItem(atPath: Built.kiosk, toPath: binary) }
        let shown = run("/bin/sh", ["-c", "sleep 2 | \"$0\" --plain --packs \"$1\"", binary, directory + "/packs"])
        #expect(shown.status == 0, "\(shown.error)")
        // A pack with no words of its own, and the kiosk's not found: the one text it keeps.
        #expect(shown.output.hasPrefix("Out of order."), "\(shown.output)")
        #expect(!shown.output.contains("outOfOrder"))
    }

    /// A pack of many halls is read with a few folders open at a time, not one per hall: under
    /// a limit of 40 open files, 300 halls still validate without a finding.
    @Test func aPackOfManyHallsIsReadWithFewFilesOpen() throws {
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-many-halls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pack) }
        try FileManager.default.createDirectory(at: pack.appendingPathComponent("Narratives"), withIntermediateDirectories: true)
        let halls = (0..<300).map { "hall-\($0)" }
        var tour = """
            format: 1
            languages: [en]
            museum: {name: {en: Test Museum}}
            floor: {en: Ground floor}
            halls:

            """
        for (index, id) in halls.enumerated() {
            let exits = [index - 1, index + 1].filter(halls.indices.contains).map { halls[$0] }
            tour += "  - {id: \(id), stop: \(1000 + index * 10), map: [\(index % 64), \(index / 64)], exits: [\(exits.joined(separator: ", "))]}\n"
            let exhibits = pack.appendingPathComponent("Exhibits/\(id)")
            try FileManager.default.createDirectory(at: exhibits, withIntermediateDirectories: true)
            try """
                ---
                title: Hall \(index)
                summary: A hall of a generated test pack.
                sources: ["Test Archive, Catalogue of documents, 2025"]
                ---
                A hall of a generated pack that describes nothing real.

                """.write(to: pack.appendingPathComponent("Narratives/\(id).md"), atomically: true, encoding: .utf8)
            try """
                ---
                object_number: DEMO.TEST.\(index)
                title: A ledger
                object_name: ledger
                date: "1920"
                maker: "Not recorded"
                materials: "Paper, ink"
                dimensions: "Not recorded"
                credit_line: "Demonstration record"
                rights: "Not recorded"
                record_source: demonstration
                summary: A generated record.
                sources: ["Test Archive, Catalogue of documents, 2025"]
                ---
                A ledger of a generated pack.

                """.write(to: exhibits.appendingPathComponent("01-ledger.md"), atomically: true, encoding: .utf8)
        }
        try tour.write(to: pack.appendingPathComponent("Narratives/tour.yaml"), atomically: true, encoding: .utf8)
        let result = run("/bin/sh", ["-c", "ulimit -n 40 && exec \"$0\" validate \"$1\"", Built.kiosk, pack.path])
        #expect(result.status == 0, "\(result.output.prefix(2000))")
        #expect(result.error.split(separator: "\n").last == "0 errors, 0 warnings", "\(result.error)")
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

    /// On a terminal (without one the tour is read line by line), a TERM the machine does not
    /// know is said in one line.
    @Test func anUnknownTerminalIsAClearError() throws {
        let terminal = try PseudoTerminal(columns: 200, rows: 24)
        let pid = try terminal.spawn(Built.kiosk, ["--content", Built.smallPack], term: "no-such-terminal")
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: "cannot open the terminal: TERM=no-such-terminal is not a terminal this machine knows"))
        #expect(terminal.waitForExit(pid, seconds: 5) == 1)
    }
}
