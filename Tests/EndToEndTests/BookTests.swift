import Foundation
import KioskTestServers
import Testing

/// The kiosk line by line on pipes of the test's own, for writing in the book as fast as it
/// answers, and for being killed at any moment.
final class PipedKiosk {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var seen = ""

    init?(_ arguments: [String]) {
        var toKiosk: [Int32] = [-1, -1]
        var fromKiosk: [Int32] = [-1, -1]
        guard pipe(&toKiosk) == 0, pipe(&fromKiosk) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toKiosk[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromKiosk[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for end in toKiosk + fromKiosk { posix_spawn_file_actions_addclose(&actions, end) }
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        guard let pid = spawn(Built.kiosk, arguments, environment: environment, actions: &actions) else { return nil }
        self.pid = pid
        close(toKiosk[0])
        close(fromKiosk[1])
        input = toKiosk[1]
        output = fromKiosk[0]
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        close(input)
        close(output)
    }

    func send(_ lines: String...) {
        let text = lines.map { $0 + "\n" }.joined()
        _ = text.withCString { write(input, $0, strlen($0)) }
    }

    /// Waits until the output so far holds `text` `count` times, for at most `seconds`.
    func waitFor(_ text: String, count: Int = 1, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while seen.components(separatedBy: text).count - 1 < count {
            guard Date() < deadline else { return false }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 20)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let got = read(output, &buffer, buffer.count)
            if got > 0 { seen += String(decoding: buffer[..<got], as: UTF8.self) } else if got == 0 { return false }
        }
        return true
    }

    func kill9() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// The book of remembrance through the built binary: a stand, the staff's desk, another stand.
@Suite struct BookEndToEndTests {
    static let smallPack = Built.smallPack

    @Test func aVisitorWritesInAzerbaijaniStaffApproveOverTheDeskAndAnotherStandShowsIt() throws {
        try Tool.require("tmux")
        let folder = try TestFolder()
        let stand = "\(Built.kiosk) --kiosk --lang az --data \(folder.path) --stand hall-4"
        let first = Tmux(columns: 80, rows: 24, command: stand)
        first.waitFor("Press any key")
        first.send("a")
        first.waitFor("Tura başla")
        first.send("x")
        first.waitFor("Xatirə kitabına yazın")
        first.send("Down", "Enter")
        first.waitFor("Sözləriniz:")
        // Typed as an Azerbaijani keyboard sends it: the letters arrive as UTF-8.
        first.type("Xocalı qurbanlarının əziz xatirəsinə")
        first.waitFor("Xocalı qurbanlarının əziz xatirəsinə_")
        first.send("Enter")
        first.type("Aysel")
        first.send("Enter", "Enter", "Enter")
        first.waitFor("Təşəkkür edirik.")

        let desk = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) book --data \(folder.path)")
        desk.waitFor("new (1)")
        desk.waitFor("Xocalı qurbanlarının əziz xatirəsinə")
        desk.send("a")
        desk.waitFor("Done: approved")
        desk.send("q")
        #expect(desk.wait { desk.isDead })

        let second = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --lang az --data \(folder.path) --stand hall-5")
        second.waitFor("Press any key")
        second.send("a")
        second.waitFor("Tura başla")
        second.send("x")
        second.waitFor("Xatirə kitabını oxuyun")
        second.send("Down", "Down", "Enter")
        second.waitFor("Xocalı qurbanlarının əziz xatirəsinə")
        #expect(second.screen.contains("— Aysel"))
        let listed = run(Built.kiosk, ["book", "list", "--data", folder.path, "--status", "approved"])
        #expect(listed.output.contains("hall-4"), "the entry knows its stand, and nothing of its writer")
    }

    /// Killed at random moments while it writes, hundreds of entries over the runs: every entry
    /// the visitor was thanked for is in the book, and the book is whole.
    @Test func killedAtAnyMomentItLosesNoEntryItAcknowledged() throws {
        let folder = try TestFolder()
        try Self.killAtRandom(book: ["--data", folder.path], runs: 120)
    }

    /// The same with the book in PostgreSQL, as stands sharing one book keep it.
    @Test func killedAtAnyMomentItLosesNoEntryItAcknowledgedInPostgreSQL() throws {
        let url = try PostgresServer.require().freshDatabase()
        try Self.killAtRandom(book: ["--database", url], runs: 60)
    }

    static func killAtRandom(book: [String], runs defaultRuns: Int) throws {
        let runs = Int(ProcessInfo.processInfo.environment["MUSEUM_KIOSK_BOOK_KILLS"] ?? "") ?? defaultRuns
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<runs {
            guard let kiosk = PipedKiosk(["--plain", "--lang", "en", "--content", Self.smallPack] + book) else {
                Issue.record("cannot start the kiosk")
                return
            }
            let killAt = Date().addingTimeInterval(Double.random(in: 0.05...0.6, using: &generator))
            kiosk.send("x")
            var written = 0
            while Date() < killAt {
                let words = "entry \(attempt)-\(written) Əbədi xatirə"
                kiosk.send("2", words, "", "", "4")
                // Thanked: the visitor was told it is saved.
                guard kiosk.waitFor("Thank you. Your words are kept in the book.", count: written + 1, seconds: max(0, killAt.timeIntervalSinceNow)) else { break }
                acknowledged.append(words)
                written += 1
                kiosk.send("1")
            }
            kiosk.kill9()
        }
        #expect(acknowledged.count > runs, "entries were written and acknowledged")
        let listed = run(Built.kiosk, ["book", "export", "--format", "jsonl"] + book)
        #expect(listed.status == 0, "\(listed.error)")
        let lost = acknowledged.filter { !listed.output.contains("\"words\":\"\($0)\"") }
        #expect(lost.isEmpty, "acknowledged and lost: \(lost.prefix(5))")
        let check = run(Built.kiosk, ["book", "check"] + book)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(check.output.contains("integrity: ok"))
    }

    @Test func hostileEntriesAreStoredBoundedAndShownCleaned() throws {
        let folder = try TestFolder()
        guard let kiosk = PipedKiosk(["--plain", "--lang", "en", "--content", Self.smallPack, "--data", folder.path]) else {
            Issue.record("cannot start the kiosk")
            return
        }
        defer { kiosk.kill9() }
        let paste = String(repeating: "ə", count: 600) + "\u{1B}]52;c;ZWNobw==\u{07}\u{202E}evil\u{200D}🇦🇿'; DROP TABLE book_entries; --"
        kiosk.send("x", "2", paste, "\u{1B}[2J", "", "4")
        #expect(kiosk.waitFor("Thank you. Your words are kept in the book."))
        let exported = run(Built.kiosk, ["book", "export", "--data", folder.path, "--format", "jsonl"])
        #expect(exported.output.contains(String(repeating: "ə", count: 500) + "\""), "bounded at 500 characters, kept as typed")
        let listed = run(Built.kiosk, ["book", "list", "--data", folder.path])
        #expect(listed.status == 0)
        #expect(!listed.output.contains("\u{1B}") && !listed.output.contains("\u{202E}"), "shown cleaned, even to staff")
    }
}
