import Foundation
import PropertyBased
import Testing

/// What a terminal can do to the kiosk: send it any bytes, vanish while it draws, change size
/// a hundred times a second. The kiosk keeps its place or ends cleanly, and never spins: once
/// the terminal is quiet or gone, it uses no processor time.
@Suite struct HostileTerminalTests {
    /// Bytes a terminal driver turns into signals or flow control before the kiosk sees them
    /// (Ctrl-C, Ctrl-\, Ctrl-Z, Ctrl-S, Ctrl-Q): their handling is tested on its own.
    static let driverBytes: Set<UInt8> = [0x03, 0x1C, 0x1A, 0x13, 0x11]

    /// Seeded random bytes, as hexadecimal for tmux send-keys -H; none of `excluding`, and no
    /// Cyrillic й or Й (UTF-8 d0 b9, d0 99), q's twins on a Russian keyboard, which would end
    /// the visit at once.
    static func randomBytes(_ count: Int, seed: UInt64, excluding: Set<UInt8>) -> [String] {
        var random = Xoshiro(seed: seed)
        var bytes: [UInt8] = []
        while bytes.count < count {
            let byte = UInt8(truncatingIfNeeded: random.next() >> 56)
            if excluding.contains(byte) || (bytes.last == 0xD0 && (byte == 0xB9 || byte == 0x99)) { continue }
            bytes.append(byte)
        }
        return bytes.map { String($0, radix: 16) }
    }

    @Test(arguments: [1, 2, 3])
    func randomBytesNeitherCrashNorStopTheKiosk(seed: UInt64) throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        // q would end the visit at once (randomBytes leaves out its Cyrillic twins); any other
        // byte may come.
        let quit: Set<UInt8> = [UInt8(ascii: "q"), UInt8(ascii: "Q")]
        for chunk in Self.randomBytes(4_000, seed: seed, excluding: Self.driverBytes.union(quit)).chunked(200) {
            terminal.tmux(["send-keys", "-t", terminal.session, "-H"] + chunk)
        }
        // Whatever the bytes did (a language, a stop, the map), a stop number still takes the
        // visitor there: the kiosk kept running and answers.
        #expect(terminal.answers(), "the kiosk does not answer after random bytes; it shows:\n\(terminal.screen)")
        #expect(!terminal.isDead)
        #expect(Processor.staysIdle(pid), "the kiosk keeps using the processor after the bytes stopped")
        terminal.send("q")
        #expect(terminal.wait { terminal.isDead })
        #expect(terminal.exitStatus == 0)
        #expect(terminal.restoredTerminal(), "the terminal was not restored")
    }

    @Test func aTerminalThatVanishesMidDrawEndsTheVisit() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 250, rows: 80, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        // Screens that redraw everything, sent at once, and the terminal gone under them.
        terminal.tmux(["send-keys", "-t", terminal.session] + Array(repeating: ["m", "l", "Down", "Enter", "n", "?"], count: 40).flatMap { $0 })
        terminal.tmux(["kill-server"])
        #expect(terminal.wait(seconds: 5) { isGone(pid) }, "the kiosk (pid \(pid)) outlived its terminal")
        if !isGone(pid) { #expect(Processor.staysIdle(pid), "the kiosk spins after its terminal is gone") }
    }

    /// Without a hangup signal: the kiosk's terminal is a pty it does not control, and the
    /// other end is closed while it draws. Reads and writes then fail; the visit ends.
    @Test func aTerminalClosedWithoutAHangupEndsTheVisit() throws {
        let terminal = try PseudoTerminal(columns: 200, rows: 60)
        let pid = try terminal.spawn(Built.kiosk, ["--lang", "en"])
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: "Begin the tour"))
        terminal.write(String(repeating: "ml?n", count: 50))
        terminal.closeMaster()
        let ended = terminal.waitForExit(pid, seconds: 5)
        #expect(ended != nil, "the kiosk kept running after its terminal closed")
        if let ended { #expect(ended < 128, "the kiosk ended by a signal (\(ended - 128))") }
        if ended == nil { #expect(Processor.staysIdle(pid), "the kiosk spins after its terminal closed") }
    }

    /// A service or an SSH session may bring no locale or one the machine lacks; the letters
    /// of every language are still written, not left blank.
    @Test(arguments: ["C", "en_ZZ.UTF-8"])
    func aTerminalWithoutAUTF8LocaleStillShowsEveryLetter(locale: String) throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang ru", environment: ["LANG": locale, "LC_ALL": locale])
        terminal.waitFor("Начать экскурсию")
        terminal.send("Enter")
        terminal.waitFor("Выберите экскурсию")
        terminal.send("Enter")
        terminal.waitFor("Прежде чем начать")
        // And Azerbaijani's: from Russian, one up in the language menu.
        terminal.send("l")
        terminal.waitFor("Azərbaycanca")
        terminal.send("Up")
        terminal.send("Enter")
        terminal.waitFor("Başlamazdan əvvəl")
    }

    @Test func aResizeStormKeepsThePlace() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        terminal.type("433")
        terminal.send("Enter")
        // Through the hall's advisory, the first time.
        terminal.waitFor("Before you enter")
        terminal.send("Enter")
        terminal.waitFor("Stop 433")
        var random = Xoshiro(seed: 7)
        for _ in 0..<150 {
            let columns = Int.random(in: 1...300, using: &random), rows = Int.random(in: 1...100, using: &random)
            terminal.tmux(["resize-window", "-t", terminal.session, "-x", "\(columns)", "-y", "\(rows)"])
        }
        terminal.resize(80, 24)
        // A pane keeps its last screen when its program dies, so the kiosk must answer too.
        terminal.waitFor("Stop 433")
        #expect(!terminal.isDead)
        #expect(terminal.answers(), "the kiosk does not answer after the storm; it shows:\n\(terminal.screen)")
        #expect(terminal.wait { terminal.screen.split(separator: "\n").first?.count == 79 }, "the header is not laid out for 80 columns")
        #expect(Processor.staysIdle(pid), "the kiosk keeps using the processor after the storm")
    }
}

extension Tmux {
    /// Whether the kiosk still answers, whatever screen and language it is in: Esc closes
    /// what is open, and two stop numbers, one after the other, each change the screen, the
    /// second to Khojaly (or its advisory) in one of the pack's languages.
    func answers() -> Bool {
        closeWhatIsOpen()
        type("400")
        send("Enter")
        let first = settle()
        closeWhatIsOpen()
        type("450")
        send("Enter")
        let second = settle()
        return second != first && ["Khojaly", "Xocalı", "Ходжалы"].contains { second.contains($0) }
    }

    /// Two presses of Esc, each alone: sent together they would be one sequence the kiosk
    /// does not know, and ignores.
    private func closeWhatIsOpen() {
        for _ in 0..<2 {
            send("Escape")
            usleep(100_000)
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

/// A process's processor time, to tell a quiet process from one that spins.
enum Processor {
    /// Seconds of user and system time so far, from /proc.
    static func seconds(_ pid: Int32) -> Double? {
        guard pid > 1, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 13,
              let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Whether the process uses (almost) no processor time over a second. A liveness check
    /// with a generous bound, not a measurement: a spinning process uses the whole second. A
    /// process that ends meanwhile uses none, so it is idle too (the callers check for that
    /// end themselves).
    static func staysIdle(_ pid: Int32) -> Bool {
        usleep(300_000)
        guard let before = seconds(pid) else { return true }
        usleep(1_000_000)
        guard let after = seconds(pid) else { return true }
        return after - before < 0.2
    }
}

/// A pseudo-terminal of our own, for a kiosk that must not get the hangup signal tmux sends:
/// the kiosk gets the terminal as its standard input, output and error, but not as its
/// controlling terminal.
final class PseudoTerminal {
    private(set) var master: Int32
    let slaveName: String

    // TIOCSPTLCK and TIOCGPTN, from <asm-generic/ioctls.h>; glibc's POSIX_SPAWN_SETSID.
    static let setLock: UInt = 0x4004_5431
    static let getNumber: UInt = 0x8004_5430
    static let spawnNewSession: Int32 = 0x80

    init(columns: Int, rows: Int) throws {
        // posix_openpt and friends are not in Swift's Glibc module; these are what they do.
        // Close-on-exec, or the kiosk would hold the other end open itself.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        slaveName = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    deinit { closeMaster() }

    func spawn(_ executable: String, _ arguments: [String], term: String = "xterm-256color") throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, slaveName, O_RDWR | O_NOCTTY, 0)
        }
        // A session of its own: no controlling terminal, so closing the pty sends no SIGHUP.
        let environment = ["TERM=\(term)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
        guard let pid = EndToEndTests.spawn(executable, arguments, environment: environment, actions: &actions,
                                            flags: Self.spawnNewSession) else {
            throw POSIXError(.ECHILD)
        }
        return pid
    }

    /// Reads the kiosk's output until it shows `text`, for at most `seconds`.
    func read(until text: String, seconds: Double = 10) -> Bool {
        var output: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            if count <= 0 { return false }
            output += buffer[..<count]
            if String(decoding: output, as: UTF8.self).contains(text) { return true }
        }
        return false
    }

    func write(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(master, $0.baseAddress, $0.count - 1) }
    }

    func closeMaster() {
        if master >= 0 { close(master) }
        master = -1
    }

    /// The exit status (128 + the signal when killed by one), or nil if still running.
    func waitForExit(_ pid: Int32, seconds: Double) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? Int((status >> 8) & 0xff) : 128 + Int(status & 0x7f)
            }
            usleep(20_000)
        } while Date() < deadline
        return nil
    }

    /// Ends a kiosk the test started and has not seen end, and collects it.
    func reap(_ pid: Int32) {
        guard pid > 1 else { return }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
    }
}
