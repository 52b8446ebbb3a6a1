import Foundation
import Testing

/// `--plain` through pipes, as a screen reader, a braille display or a script uses it.
@Suite(.timeLimit(.minutes(1))) struct PlainModeTests {
    /// Runs the kiosk in plain mode with `commands` as its input and its output to a file; the
    /// status is the kiosk's own (a pipeline's would be its last command's).
    func plain(_ commands: [String]) -> (status: Int32, output: String, error: String) {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-plain-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: input) }
        try? (commands.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        return run("/bin/sh", ["-c", "\"$0\" --plain < \"$1\"", Built.kiosk, input],
                   environment: ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    }

    @Test func aWholeVisitPrintsWordsOnly() {
        let walk = ["", "1", "1"] + Array(repeating: "n", count: 60)
        let detours = ["g 455", "1", "x", "x", "l", "2", "m", "3", "?", "r", "zz", "99", "l", "3", "b", "p", "g 460", "q"]
        let result = plain(walk + detours)
        #expect(result.status == 0, "\(result.error)")
        let bytes = Array(result.output.utf8)
        let controls = bytes.filter { $0 < 0x20 && $0 != 0x0A }
        #expect(controls.isEmpty, "bytes below 0x20 other than newline: \(Set(controls))")
        #expect(!bytes.contains(0x7F))
        for text in ["Choose a language", "Before you begin", "Before you enter", "End of the tour",
                     "Text alternative:", "Return to where you were", "Dördüncü mərtəbə", "Əmrlər",
                     "Naməlum əmr: zz.", "Bu səhifədə 99 nömrəli seçim yoxdur.", "Четвёртый этаж"] {
            #expect(result.output.contains(text), "\(text)")
        }
        // Box drawing, the cursor arrow and the reverse-video choice are the screen's, not plain's.
        #expect(!result.output.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) || $0 == "▸" })
    }

    /// `s` and a word, as a reader types it: the results as numbered choices, and a number
    /// goes there, through the hall's door.
    @Test func sAndAWordFindsAndGoes() {
        let result = plain(["s xocali", "1", "1", "q"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("1. 450  Khojaly, 25–26 February 1992"))
        #expect(result.output.contains("Type s and the words to find, then the number of a result."))
        #expect(result.output.contains("Before you enter"))
        #expect(result.output.contains("Museum of Genocide · Fourth floor · Stop 450 · EN"))
    }

    @Test func theEndOfInputEndsTheVisit() {
        let result = plain(["", "1", "1"])
        #expect(result.status == 0, "\(result.error)")
        // The last command was read and answered before the input ended.
        #expect(result.output.contains("Before you begin"))
    }

    /// Plain mode gets the session's limits from the same loop as the terminal: a silent
    /// session is warned, closes, and ends, its last page printed rather than held.
    @Test func aSilentPlainSessionEndsAfterItsIdleTime() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --plain --lang en --idle-exit 2")
        let started = Date()
        terminal.waitFor("This session closes in")
        terminal.waitFor("This session has closed because no key was pressed for a while.")
        #expect(terminal.wait(seconds: 5) { terminal.isDead })
        #expect(terminal.exitStatus == 0)
        #expect(Date().timeIntervalSince(started) < 6, "closed after its 2 s and ended at once")
    }

    /// A visitor on a screen reader follows a guide: plain mode with `--join`, the guide's
    /// moves printed as they come.
    @Test func aPlainParticipantFollowsTheGuide() throws {
        try Tool.require("tmux")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-plain-group-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kiosk = "\(Built.kiosk) --group-dir \(directory) --log \(directory)/kiosk.log --lang en"
        let guide = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lead")
        guide.waitFor("Your group's code")
        let code = try #require(GroupScreen.code(of: guide))
        guide.send("Enter")
        guide.send("Enter")
        guide.send("Enter")
        guide.waitFor("Stop 400")
        let participant = Tmux(columns: 80, rows: 24, command: "\(kiosk) --plain --join \(code)")
        participant.waitFor("Before you begin")
        participant.send("Enter")
        // A page printed whole scrolls its header off a 24-row screen: read what was written.
        #expect(participant.wait { participant.written.contains("Stop 400 · EN") })
        guide.waitFor("here: 1 of 1")
        guide.send("n")
        #expect(participant.wait { participant.written.contains("Stop 401 · EN") })
        #expect(participant.written.contains("The guide moved to stop 401: "), "the move is said, not only printed")
        participant.type("q")
        participant.send("Enter")
        #expect(participant.wait { participant.isDead })
        #expect(participant.exitStatus == 0)
        guide.waitFor("here: 0 of 0")
    }

    @Test func plainCannotBeAKiosk() {
        let result = run(Built.kiosk, ["--plain", "--kiosk"])
        #expect(result.status != 0)
        #expect(result.error.contains("--plain reads commands line by line"))
    }
}

/// The staff's commands and the kiosk's options, checked before anything is shown.
@Suite struct KioskCommandLineTests {
    @Test func staffPINPrintsTheLineForTheConfigurationFile() {
        let result = run("/bin/sh", ["-c", "echo 482916 | \"$0\" staff-pin", Built.kiosk])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("staff-pin = $y$jCT$"))
        #expect(!result.output.contains("482916"))
    }

    @Test func staffPINRefusesWhatIsNotAPIN() {
        let result = run("/bin/sh", ["-c", "echo 12ab | \"$0\" staff-pin", Built.kiosk])
        #expect(result.status != 0)
        #expect(result.error.contains("a staff PIN is 4 to 12 digits"))
        #expect(result.output.isEmpty)
    }

    @Test func aBrokenConfigurationStopsTheKioskWithItsLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString).conf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "# staff\nstaff-pin = 1234\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        let result = run(Built.kiosk, ["--kiosk", "--config", path])
        #expect(result.status == 1)
        #expect(result.error.contains("\(path):2: error: not a staff PIN hash"))
        let missing = run(Built.kiosk, ["--kiosk", "--config", "/nonexistent/kiosk.conf"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("/nonexistent/kiosk.conf: error: cannot read"))
    }

    @Test(arguments: [["--idle-timeout", "0"], ["--idle-warning", "-1"], ["--demo-wpm", "5"], ["--config", "/etc/x"]])
    func impossibleOptionsAreRefused(arguments: [String]) {
        let result = run(Built.kiosk, arguments)
        #expect(result.status == 64, "\(result.error)")
        #expect(result.error.contains("Error:"))
    }

    @Test func helpNamesTheKioskOptions() {
        let help = run(Built.kiosk, ["run", "--help"]).output
        for option in ["--kiosk", "--idle-timeout <SECONDS>", "--idle-warning <SECONDS>", "--demo", "--demo-wpm <WORDS>",
                       "--plain", "--config <FILE>", "high-contrast"] {
            #expect(help.contains(option), "\(option)")
        }
    }
}
