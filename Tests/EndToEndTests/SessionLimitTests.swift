import Foundation
import Testing

/// A session that closes itself, and the options for sessions over SSH.
@Suite struct SessionLimitTests {
    @Test func anIdleSessionSaysGoodbyeAndEnds() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en --idle-exit 3")
        terminal.waitFor("This session closes in")
        terminal.waitFor("This session has closed because no key was pressed for a while.")
        #expect(terminal.wait { terminal.isDead })
        #expect(terminal.exitStatus == 0)
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
        // The last screen goes with the connection; a line stays in the visitor's terminal.
        #expect(terminal.wait {
            terminal.written.contains("Thank you for your visit · This session has closed because no key was pressed for a while.")
        })
    }

    @Test func theTimeLimitEndsEvenABusySession() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang ru --max-session 3")
        terminal.waitFor("Начать экскурсию")
        terminal.send("Enter")
        terminal.waitFor("Через")
        terminal.send("n")
        terminal.waitFor("Время сеанса истекло, сеанс завершён.")
        #expect(terminal.wait { terminal.isDead })
        #expect(terminal.exitStatus == 0)
    }

    @Test func aCommandOverSSHGetsOneLine() {
        var environment = ProcessInfo.processInfo.environment
        environment["SSH_CONNECTION"] = "127.0.0.1 50000 127.0.0.1 22"
        environment["SSH_ORIGINAL_COMMAND"] = "ls"
        environment["USER"] = "tour"
        let result = run(Built.kiosk, ["--content", Built.smallPack], environment: environment)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.split(separator: "\n").count == 1)
        #expect(result.error.contains("connect with: ssh tour@<host>"))
    }

    @Test func badOptionsAreClearErrors() {
        let limit = run(Built.kiosk, ["--idle-exit", "0"])
        #expect(limit.status != 0)
        #expect(limit.error.contains("--idle-exit takes a number of seconds from 1 to 604800 (a week)"))
        let code = run(Built.kiosk, ["--join", "12ab"])
        #expect(code.error.contains("--join takes the group's six-digit code"))
        let both = run(Built.kiosk, ["--lead", "--join", "123456"])
        #expect(both.error.contains("either leads a group or joins one"))
        let nowhere = run(Built.kiosk, ["--content", Built.smallPack, "--lead", "--group-dir", "/nonexistent/groups"])
        #expect(nowhere.status != 0)
        #expect(nowhere.error.contains("group tours need the directory /nonexistent/groups"))
        #expect(run(Built.kiosk, ["--code", "150301"]).error.contains("use it with --lead"))
        #expect(run(Built.kiosk, ["--lead", "--code", "15030"]).error.contains("--code takes six digits"))
        #expect(run(Built.kiosk, ["--lead", "--code", "150301", "--code-window", "16:30-14:45"]).error.contains("such as 14:45-16:30"))
        // A window that is not now: the guide is told when the code opens, and nothing opens.
        var now = tm()
        var seconds = time(nil)
        localtime_r(&seconds, &now)
        let window = now.tm_hour == 0 && now.tm_min == 0 ? "23:58-23:59" : "00:00-00:01"
        let early = run(Built.kiosk, ["--content", Built.smallPack, "--lead", "--code", "150 301", "--code-window", window])
        #expect(early.status != 0)
        #expect(early.error.contains("the group 150 301 opens at \(window == "00:00-00:01" ? "0:00-0:01" : "23:58-23:59") only"), "\(early.error)")
        let help = run(Built.kiosk, ["run", "--help"]).output
        for option in ["--idle-exit <SECONDS>", "--max-session <SECONDS>", "--lead", "--join <CODE>", "--group-dir <DIR>", "--log <FILE>"] {
            #expect(help.contains(option), "\(option)")
        }
    }
}
