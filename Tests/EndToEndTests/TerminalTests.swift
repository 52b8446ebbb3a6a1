import Foundation
import Testing

/// The built binary in a real terminal (tmux), as a visitor uses it.
@Suite struct TerminalTests {
    @Test func aVisitorWalksTheFloorAndLeaves() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        terminal.send("Enter")
        // The choice of tour, the whole floor chosen already.
        terminal.waitFor("Choose a tour")
        terminal.send("Enter")
        terminal.waitFor("Before you begin")
        // Three stops along the guided route.
        terminal.send("n")
        terminal.waitFor("Stop 400")
        terminal.send("n")
        terminal.waitFor("Stop 401")
        terminal.send("n")
        terminal.waitFor("Stop 402")
        // Back to the hall, where the exhibit is still chosen, and open it again.
        terminal.send("Escape")
        terminal.waitFor("▸ 402")
        terminal.send("Enter")
        terminal.waitFor("Object number: DEMO.1990.002")
        // A stop by its number.
        terminal.type("450")
        terminal.waitFor("Stop 450: Enter to go")
        terminal.send("Enter")
        // Khojaly's advisories at its door first; Enter goes in.
        terminal.waitFor("Before you enter")
        terminal.send("Enter")
        terminal.waitFor("Stop 450  EN")
        terminal.waitFor("Khojaly")
        // Smaller and larger: the place is kept, and the frame fills the window.
        terminal.resize(50, 16)
        // The header is set right: it ends a blank short of the window's last column (tmux
        // trims that blank), so the frame is laid out for 50 columns, not 80.
        #expect(terminal.wait { terminal.screen.split(separator: "\n").first.map { $0.count == 49 && $0.hasSuffix("Stop 450  EN") } == true })
        terminal.resize(160, 50)
        terminal.waitFor("Stop 450  EN")
        #expect(terminal.wait { terminal.screen.contains("Walk to a neighbouring hall") })
        terminal.send("q")
        #expect(terminal.wait { terminal.isDead })
        #expect(terminal.exitStatus == 0)
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
    }

    /// The visitor, on an English keyboard: "/", "xocali" and Enter reach the Khojaly
    /// hall, through its door.
    @Test func slashAndXocaliReachKhojaly() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        terminal.send("/")
        terminal.waitFor("Find: _")
        terminal.type("xocali")
        terminal.waitFor("Find: xocali_")
        terminal.waitFor("▸ 450  Khojaly, 25–26 February 1992")
        terminal.send("Enter")
        terminal.waitFor("Before you enter")
        terminal.send("Enter")
        terminal.waitFor("Stop 450  EN")
        #expect(terminal.screen.contains("Khojaly, 25–26 February 1992"))
    }

    @Test func theLinuxConsolesKeysWork() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang ru", environment: ["TERM": "linux"])
        terminal.waitFor("Начать экскурсию")
        terminal.send("Enter")
        terminal.waitFor("Выберите экскурсию")
        terminal.send("Enter")
        terminal.waitFor("Прежде чем начать")
        terminal.send("Right")
        terminal.waitFor("Остановка 400")
        terminal.send("Down")
        terminal.send("Left")
        terminal.waitFor("Прежде чем начать")
        terminal.send("q")
        #expect(terminal.wait { terminal.isDead })
        #expect(terminal.exitStatus == 0)
    }

    @Test func aSmallWindowAsksToBeEnlargedAndKeepsThePlace() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        terminal.type("420")
        terminal.send("Enter")
        terminal.waitFor("Before you enter")
        terminal.send("Enter")
        terminal.waitFor("Stop 420")
        terminal.resize(30, 10)
        terminal.waitFor("Please enlarge")
        terminal.resize(80, 24)
        terminal.waitFor("Stop 420")
    }

    @Test func aHangupLeavesNoProcessBehind() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        terminal.tmux(["kill-server"])
        #expect(terminal.wait(seconds: 5) { isGone(pid) }, "the kiosk (pid \(pid)) outlived its terminal")
    }

    @Test(arguments: [("SIGTERM", SIGTERM), ("SIGINT", SIGINT), ("SIGHUP", SIGHUP)])
    func aSignalEndsTheVisitAndRestoresTheTerminal(name: String, signal: Int32) throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        terminal.send(signal: signal)
        #expect(terminal.wait(seconds: 5) { terminal.isDead }, "still running after \(name)")
        #expect(terminal.exitStatus == 128 + Int(signal), "ends by \(name), as a shell expects")
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
    }

    @Test func controlCEndsTheVisit() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        // Ctrl-C signals the terminal's whole foreground group, the status-writing shell
        // too, so the kiosk's own process is watched.
        terminal.send("C-c")
        #expect(terminal.wait(seconds: 5) { isGone(pid) })
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
    }

    @Test func theEndOfInputEndsTheVisit() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en </dev/null")
        #expect(terminal.wait(seconds: 5) { terminal.isDead }, "the kiosk kept running with its input closed")
        #expect(terminal.exitStatus == 0)
    }

    @Test func unknownEscapeSequencesNeverReachTheScreenOrTheTour() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let before = terminal.settle()
        // F13, a bracketed paste marker and an unknown CSI: none is a key the tour knows, and
        // their digits must not be typed as a stop number.
        terminal.tmux(["send-keys", "-t", terminal.session, "-H", "1b", "5b", "32", "35", "7e"])
        terminal.tmux(["send-keys", "-t", terminal.session, "-H", "1b", "5b", "32", "30", "30", "7e"])
        terminal.tmux(["send-keys", "-t", terminal.session, "-H", "1b", "5b", "39", "39", "5a"])
        // A digit after them is read as the first of a stop number: had theirs been typed, the
        // number would be longer; and the rest of the screen is as it was.
        terminal.type("4")
        terminal.waitFor("Stop 4: Enter to go")
        #expect(terminal.screen.split(separator: "\n").dropLast(2) == before.split(separator: "\n").dropLast(2))
        #expect(!terminal.isDead)
    }

    /// The check the tests above end with: a mode set and never unset, or set again after it
    /// was unset, is caught.
    @Test func theRestoredCheckCatchesAModeLeftSet() {
        let set = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?1h", unset = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[?1l"
        #expect(Tmux.restores(set + "text" + unset))
        #expect(!Tmux.restores(set + "text"))
        #expect(!Tmux.restores(set + unset + "\u{1B}[?25l"))
        #expect(!Tmux.restores(set + "\u{1B}[?1049l\u{1B}[?25h"))
    }
}
