import Foundation
import Testing

/// The kiosk behind a real OpenSSH server, with the project's own snippet: what a visitor and
/// a guide get, and what nobody gets.
@Suite(.serialized) struct SSHTests {
    @Test func aVisitorWalksTheHallsOverSSHAndHangingUpLeavesNothingBehind() throws {
        try Tool.require("tmux")
        let server = try SSHServer.start()
        let terminal = Tmux(columns: 80, rows: 24, command: server.login("tour"), environment: ["LANG": "C", "LC_ALL": "C"])
        terminal.waitFor("Begin the tour")
        // Three languages on the welcome screen, whatever the visitor's own locale.
        terminal.waitFor("Нажмите Enter, чтобы начать")
        terminal.send("Enter")
        terminal.waitFor("Choose a language")
        terminal.send("Enter")
        terminal.waitFor("Choose a tour")
        terminal.send("Enter")
        terminal.waitFor("Before you begin")
        terminal.send("n")
        terminal.waitFor("Stop 400")
        terminal.send("n")
        terminal.waitFor("Stop 401")
        terminal.type("450")
        terminal.send("Enter")
        terminal.waitFor("Before you enter")
        terminal.send("Enter")
        terminal.waitFor("Stop 450  EN")
        terminal.send("m")
        terminal.waitFor("You are here")
        let kiosks = server.kiosks
        #expect(kiosks.count == 1)
        #expect(kiosks.first.flatMap(server.owner) == "tour")

        terminal.tmux(["kill-server"])
        #expect(terminal.wait(seconds: 10) { server.forced.isEmpty && server.sessions.isEmpty },
                "left behind: \(server.forced), sessions \(server.sessions)")
    }

    @Test func aCommandOrAFileTransferGetsOneLineAndNeverAShell() throws {
        let server = try SSHServer.start()
        let line = "museum-kiosk: this account gives a museum tour in a terminal and runs no commands or file transfers; connect with: ssh tour@<host>"
        let command = server.client("ssh", "tour", ["tour@127.0.0.1", "ls", "/"])
        #expect(command.status == 1)
        #expect(command.output == "")
        #expect(command.error == line + "\n")
        // With a terminal forced, the command is still refused, and nothing but the line comes.
        let withTerminal = server.client("ssh", "tour", ["-tt", "tour@127.0.0.1", "cat", "/etc/passwd"])
        #expect(withTerminal.status == 1)
        #expect(withTerminal.output.contains(line))
        #expect(!withTerminal.output.contains("root:"))
        // No terminal and no command.
        let noTerminal = server.client("ssh", "tour", ["-T", "tour@127.0.0.1"])
        #expect(noTerminal.status == 1)
        #expect(noTerminal.error.contains(line))
        // A guide's key opens the kiosk, not a shell.
        let guide = server.client("ssh", "guide", ["guide@127.0.0.1", "id"])
        #expect(guide.status == 1)
        #expect(guide.error.contains("runs no commands"))
        #expect(!guide.output.contains("uid="))

        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-scp-\(UUID().uuidString)").path
        let scp = server.client("scp", "tour", ["tour@127.0.0.1:/etc/passwd", copy], portFlag: "-P")
        #expect(scp.status != 0)
        #expect(!FileManager.default.fileExists(atPath: copy))
        let sftp = server.client("sftp", "tour", ["-b", "/dev/null", "tour@127.0.0.1"], portFlag: "-P")
        #expect(sftp.status != 0)
        #expect(server.forced.isEmpty)
    }

    @Test func forwardingIsRefused() throws {
        let server = try SSHServer.start()
        // A direct TCP channel, as -L would open, to the server's own port.
        let local = server.client("ssh", "tour", ["-W", "127.0.0.1:\(server.port)", "tour@127.0.0.1"])
        #expect(local.status == 255)
        #expect(local.error.contains("administratively prohibited"))
        #expect(!local.output.contains("SSH-2.0"))
        let remote = server.client("ssh", "tour", ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:\(server.port)", "tour@127.0.0.1"])
        #expect(remote.status == 255)
        #expect(remote.error.contains("forwarding failed"))
        // In a folder the account may write to, so only the refusal can keep the socket out.
        let open = server.path("open")
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true)
        #expect(chmod(open, 0o1777) == 0)
        let socket = server.client("ssh", "tour", ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "\(open)/forwarded.sock:127.0.0.1:\(server.port)", "tour@127.0.0.1"])
        #expect(socket.status == 255)
        #expect(socket.error.contains("forwarding failed"))
        #expect(!FileManager.default.fileExists(atPath: "\(open)/forwarded.sock"))
        // (sshd logs the refusal of -W; its log is written a moment after the client has gone.)
        #expect(eventually { server.log.contains("refused local port forward") })
    }

    @Test func aGuideLeadsAVisitorOnAnotherAccount() throws {
        try Tool.require("tmux")
        let server = try SSHServer.start()
        let guide = Tmux(columns: 80, rows: 24, command: server.login("guide"))
        guide.waitFor("Your group's code")
        let code = try #require(GroupScreen.code(of: guide))
        let visitor = Tmux(columns: 80, rows: 24, command: server.login("tour"))
        visitor.waitFor("Join a group tour")
        visitor.send("Down")
        visitor.send("Enter")
        visitor.waitFor("Type the six-digit code")
        visitor.type(code)
        visitor.send("Enter")
        // A first name for the guide, or none.
        visitor.waitFor("Leave it empty")
        visitor.send("Enter")
        // Over SSH nobody has given a language yet: the visitor chooses one, then reads the
        // tour's advisory before following.
        visitor.waitFor("Choose a language")
        visitor.send("Down")
        visitor.send("Enter")
        visitor.waitFor("Başlamazdan əvvəl")
        // Over SSH a guide's welcome, with the group's code, is taller than 24 rows: n goes on
        // wherever the page is scrolled.
        guide.send("n")
        guide.waitFor("Choose a language")
        guide.send("Enter")
        guide.waitFor("Choose a tour")
        guide.send("Enter")
        guide.waitFor("Before you begin")
        guide.send("Enter")
        guide.waitFor("Stop 400")
        visitor.send("Enter")
        visitor.waitFor("Dayanacaq 400")
        visitor.waitFor("Bələdçini izləyirsiniz")
        guide.waitFor("here: 1 of 1")
        guide.send("n")
        visitor.waitFor("Dayanacaq 401")
        #expect(Set(server.kiosks.compactMap(server.owner)) == ["tour", "guide"])
        guide.send("q")
        guide.waitFor("End the tour for everyone?")
        guide.send("Enter")
        visitor.waitFor("Bələdçi qrup turunu bitirdi")
        visitor.tmux(["kill-server"])
        guide.tmux(["kill-server"])
        #expect(guide.wait(seconds: 10) { server.forced.isEmpty && server.sessions.isEmpty })
        #expect(server.kioskLog.contains("info: group \(code) open at"), "\(server.kioskLog)")
        #expect(!server.kioskLog.contains("warning"), "\(server.kioskLog)")
    }
}

/// Reading a group's code off a guide's screen.
enum GroupScreen {
    /// The group's code on the guide's screen, once its line is drawn whole.
    static func code(of guide: Tmux) -> String? {
        var code: String?
        _ = guide.wait {
            code = Self.code(on: guide.screen)
            return code != nil
        }
        return code
    }

    static func code(on screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Your group's code: ") }) else { return nil }
        let code = line.split(separator: ":").last.map { $0.filter(\.isNumber) } ?? ""
        return code.count == 6 ? String(code) : nil
    }
}
