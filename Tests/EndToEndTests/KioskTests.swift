import Foundation
import Testing

/// The public kiosk (`--kiosk`, `--demo`) as the built binary, in a real terminal.
@Suite struct KioskTests {
    @Test func attractThenAVisitThenTheWarningThenTheReset() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --idle-timeout 1 --idle-warning 2")
        terminal.waitFor("Press any key to begin")
        #expect(!terminal.screen.contains("Stop"), "the attract loop shows no tour")
        terminal.send("a")
        // One invitation, then the choice of language: never a second "begin" screen.
        terminal.waitFor("Choose a language")
        #expect(!terminal.screen.contains("Press any key"), "the waking key did nothing else")
        terminal.send("Down", "Enter")
        terminal.waitFor("Tura başla")
        #expect(!terminal.screen.contains("Press Enter to begin"))
        terminal.send("Enter")
        terminal.waitFor("Tur seçin")
        terminal.send("Enter")
        terminal.waitFor("Başlamazdan əvvəl")
        // Idle: the warning counts down, and a key continues the visit where it was.
        terminal.waitFor("Hələ buradasınız?")
        terminal.waitFor("saniyə sonra")
        terminal.send("n")
        #expect(terminal.wait { !terminal.screen.contains("Hələ buradasınız?") })
        // The key answered the warning and did nothing else.
        terminal.waitFor("Başlamazdan əvvəl")
        // Idle again, to zero: back to the attract loop, and the next visitor starts afresh.
        terminal.waitFor("Hələ buradasınız?")
        terminal.waitFor("Press any key to begin", seconds: 15)
        terminal.send("a")
        // Asked for a language again: the last visitor's Azerbaijani is gone.
        terminal.waitFor("Choose a language")
        #expect(!terminal.isDead)
    }

    @Test func controlKeysAndQDoNothingInAKiosk() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --lang en")
        terminal.waitFor("Press any key to begin")
        terminal.send("a")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        let before = terminal.settle()
        for key in ["C-c", "C-z", "C-\\", "C-s", "C-q", "C-d", "q", "Q"] {
            terminal.send(key)
        }
        // A digit after them is read after them: once it shows, they were read, and did nothing
        // but leave the screen as it was (the footer now shows the digit).
        terminal.type("4")
        terminal.waitFor("Stop 4: Enter to go")
        #expect(!isGone(pid))
        #expect(processState(pid) != "T", "the kiosk was suspended")
        #expect(terminal.screen.split(separator: "\n").dropLast(2) == before.split(separator: "\n").dropLast(2))
        // Not suspended, and output not stopped by Ctrl-S: the next key still moves on.
        terminal.send("Escape")
        #expect(terminal.wait { !terminal.screen.contains("Stop 4: Enter to go") })
        terminal.send("n")
        terminal.waitFor("Choose a tour")
    }

    @Test func sigtermEndsAKioskAndRestoresTheTerminal() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk")
        terminal.waitFor("Press any key to begin")
        terminal.send(signal: SIGTERM)
        #expect(terminal.wait(seconds: 5) { terminal.isDead })
        #expect(terminal.exitStatus == 128 + Int(SIGTERM))
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
    }

    @Test func staffLeaveWithTheChordAndThePIN() throws {
        try Tool.require("tmux")
        let configuration = try StaffConfiguration(pin: "2468")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --config \(configuration.path)")
        terminal.waitFor("Press any key to begin")
        terminal.send("C-x", "C-c")
        terminal.waitFor("Staff exit")
        terminal.type("1111")
        terminal.waitFor("PIN: ••••_")
        #expect(!terminal.screen.contains("1111"))
        terminal.send("Enter")
        terminal.waitFor("That PIN is not right.")
        terminal.send("C-x", "C-c")
        terminal.waitFor("Staff exit")
        terminal.type("2468")
        terminal.send("Enter")
        #expect(terminal.wait(seconds: 15) { terminal.isDead })
        #expect(terminal.exitStatus == 10, "the status the service manager does not restart on")
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
    }

    @Test func theDemonstrationReadsOnUntilAKey() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --demo --lang en --demo-wpm 1000")
        terminal.waitFor("A demonstration: press any key to take over")
        terminal.waitFor("Begin the tour")
        terminal.waitFor("Before you begin", seconds: 15)
        terminal.send("Right")
        terminal.waitFor("Stop 400")
        #expect(terminal.wait { !terminal.screen.contains("A demonstration") })
    }
}

/// A kiosk configuration file with a staff PIN, made by `museum-kiosk staff-pin` as staff would;
/// removed when the test is done with it.
final class StaffConfiguration {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString).conf").path

    init(pin: String) throws {
        let made = run("/bin/sh", ["-c", "echo \(pin) | \"$0\" staff-pin", Built.kiosk])
        guard made.status == 0, made.output.hasPrefix("staff-pin = $y$") else {
            throw KioskTestError("staff-pin failed: \(made.error)")
        }
        try ("# Made by museum-kiosk staff-pin\n" + made.output).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

struct KioskTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A process's state letter from /proc (R, S, T for stopped, Z), or nil when it is gone.
func processState(_ pid: Int32) -> String? {
    guard pid > 0, let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
    return status.split(separator: ")").last?.split(separator: " ").first.map(String.init)
}
