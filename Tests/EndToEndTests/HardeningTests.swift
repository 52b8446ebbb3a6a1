import Foundation
import Testing

/// Issue 11: what one visitor, a hostile pack or a careless step could do to a stand or a
/// server, each tried as an attacker would, against the built binary.
@Suite struct HardeningTests {
    /// Runs the kiosk as `nobody` when the tests run as root (root reads every folder), else as
    /// the tests' own account.
    static func asAnotherAccount(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        guard getuid() == 0 else { return run(Built.kiosk, arguments) }
        return run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Built.kiosk] + arguments)
    }

    /// A small pack in a folder any account may read.
    static func scratchPack() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-harden-\(UUID().uuidString.prefix(8))")
        let pack = base.appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        run("/bin/cp", ["-R", Built.smallPack + "/.", pack.path])
        run("/bin/chmod", ["-R", "a+rX", base.path])
        return pack
    }

    // MARK: - 12. An unreadable folder

    @Test func anUnreadableExhibitFolderIsAnErrorNotZeroErrors() throws {
        let pack = try Self.scratchPack()
        defer { try? FileManager.default.removeItem(at: pack.deletingLastPathComponent()) }
        let folders = try FileManager.default.contentsOfDirectory(atPath: pack.appendingPathComponent("Exhibits").path).sorted()
        let hall = try #require(folders.first)
        let folder = pack.appendingPathComponent("Exhibits/\(hall)").path
        #expect(chmod(folder, 0o000) == 0)
        let result = Self.asAnotherAccount(["validate", pack.path])
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(result.output.contains("\(folder):1: error: folder cannot be read (Permission denied)"), "\(result.output)")
        #expect(!result.error.contains("0 errors"))
    }
}

extension PseudoTerminal {
    /// Writes bytes as they are, valid UTF-8 or not, with `pause` between them when given.
    func write(bytes: [UInt8], pauseMicroseconds pause: UInt32 = 0) {
        if pause == 0 {
            _ = bytes.withUnsafeBufferPointer { Glibc.write(master, $0.baseAddress, $0.count) }
            return
        }
        for byte in bytes {
            var one = byte
            _ = Glibc.write(master, &one, 1)
            usleep(pause)
        }
    }

    /// Sets the terminal's size, as a terminal or sshd does, and tells the kiosk (it has no
    /// controlling terminal here, so the kernel does not).
    func resize(columns: Int, rows: Int, telling pid: Int32) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(pid, SIGWINCH)
    }
}

/// A process's memory from /proc: its peak resident set (VmHWM) and now (VmRSS), in KiB.
func memory(of pid: Int32) -> (peak: Int, now: Int)? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    func field(_ name: String) -> Int? {
        status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }
    guard let peak = field("VmHWM"), let now = field("VmRSS") else { return nil }
    return (peak, now)
}

@Suite(.serialized) struct HostileInputTests {
    // MARK: - 1. The window's size

    /// A window of 65535 × 65535 (the largest a terminal can claim) or 20000 × 20000: the
    /// kiosk asks for a smaller window, at a bounded cost, and takes the visitor back to the
    /// tour when the window is ordinary again.
    @Test func aHugeWindowIsAskedToShrinkAtABoundedCost() throws {
        let terminal = try PseudoTerminal(columns: 80, rows: 24)
        let pid = try terminal.spawn(Built.kiosk, ["--lang", "en"])
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: "Begin the tour"))
        for (columns, rows) in [(65535, 65535), (20000, 20000), (513, 257)] {
            terminal.resize(columns: columns, rows: rows, telling: pid)
            #expect(terminal.read(until: "Please make the window smaller"), "at \(columns) × \(rows)")
            #expect(terminal.waitForExit(pid, seconds: 0.3) == nil, "the kiosk ended at \(columns) × \(rows)")
        }
        terminal.resize(columns: 80, rows: 24, telling: pid)
        #expect(terminal.read(until: "Begin the tour"))
        let used = try #require(memory(of: pid))
        #expect(used.peak < 120_000, "peak \(used.peak) KiB")
    }

    @Test func aKioskOpenedInAHugeWindowAsksForASmallerOne() throws {
        let terminal = try PseudoTerminal(columns: 65535, rows: 65535)
        let pid = try terminal.spawn(Built.kiosk, ["--kiosk"])
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: "Please make the window smaller"))
        terminal.resize(columns: 100, rows: 30, telling: pid)
        #expect(terminal.read(until: "Press"))
        #expect(terminal.waitForExit(pid, seconds: 0.2) == nil)
        let used = try #require(memory(of: pid))
        #expect(used.peak < 120_000, "peak \(used.peak) KiB")
    }

    // MARK: - 2. Bytes that are not UTF-8, or come apart

    /// 0xFF, a stray continuation byte, a lone lead byte, Latin-1 é: each is ignored, many times
    /// over, and neither a public kiosk nor a visit ends.
    @Test(arguments: [false, true])
    func bytesThatAreNotUTF8EndNothing(kiosk: Bool) throws {
        let terminal = try PseudoTerminal(columns: 80, rows: 24)
        let pid = try terminal.spawn(Built.kiosk, kiosk ? ["--kiosk"] : ["--lang", "en"])
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: kiosk ? "Press" : "Begin the tour"))
        let bad: [[UInt8]] = [[0xFF], [0x80], [0xC3], [0xE9], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]
        for _ in 0..<30 {
            for bytes in bad {
                terminal.write(bytes: bytes)
                usleep(3_000)
            }
        }
        #expect(terminal.waitForExit(pid, seconds: 1.5) == nil, "the kiosk ended on a byte that is not UTF-8")
        // It still answers, Enter after a lone lead byte included.
        terminal.write(bytes: [0xC3, 0x0D])
        #expect(terminal.read(until: kiosk ? "Choose a language" : "Choose a tour"))
        #expect(terminal.waitForExit(pid, seconds: 0.2) == nil)
        #expect(Processor.staysIdle(pid))
    }

    /// A guide who receives such a byte keeps the group: before, the guide's kiosk ended and the
    /// group was left to be taken back.
    @Test func aGuideKeepsTheGroupThroughABadByte() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-lead-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let terminal = try PseudoTerminal(columns: 100, rows: 40)
        let pid = try terminal.spawn(Built.kiosk, ["--lead", "--lang", "en", "--group-dir", directory])
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: "code"))
        // Ten of each, over a session: the first mitigation ended the input after 20 wakes that
        // read nothing, however far apart.
        for _ in 0..<10 {
            for byte: UInt8 in [0xFF, 0x80, 0xC3, 0xE9] {
                terminal.write(bytes: [byte])
                usleep(3_000)
            }
        }
        #expect(terminal.waitForExit(pid, seconds: 1.5) == nil, "the guide's kiosk ended on bytes that are not UTF-8")
        let sockets = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".sock") }
        #expect(sockets.count == 1, "the group is still open: \(sockets)")
    }

    /// A letter whose two bytes come 1 to 50 ms apart (a slow serial line, a paste split across
    /// SSH packets) is one letter: "ь", the map's key on a Russian keyboard, opens the map.
    @Test(arguments: [1_000 as UInt32, 5_000, 50_000])
    func aLetterWhoseBytesComeApartIsAssembled(pause: UInt32) throws {
        let terminal = try PseudoTerminal(columns: 80, rows: 24)
        let pid = try terminal.spawn(Built.kiosk, ["--lang", "en"])
        defer { terminal.reap(pid) }
        #expect(terminal.read(until: "Begin the tour"))
        terminal.write(bytes: Array("\r".utf8))
        // The choice of tour, the whole floor chosen already.
        #expect(terminal.read(until: "Choose a tour"))
        terminal.write(bytes: Array("\r".utf8))
        #expect(terminal.read(until: "Before you begin"))
        terminal.write(bytes: Array("n".utf8))
        #expect(terminal.read(until: "Stop 400"))
        terminal.write(bytes: Array("ь".utf8), pauseMicroseconds: pause)
        #expect(terminal.read(until: "You are here"), "the letter was lost with \(pause) µs between its bytes")
        #expect(terminal.waitForExit(pid, seconds: 0.2) == nil)
    }
}

/// Memory errors in drawing, as valgrind sees them (slow: half a minute).
@Suite struct DrawingMemoryTests {
    /// ncurses' waddnwstr reads one character past the count it is given when the text has no
    /// terminating 0: valgrind saw an invalid read of 4 bytes on every draw.
    @Test func drawingReadsNoMemoryItDoesNotOwn() throws {
        try Tool.require("valgrind")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-valgrind-\(UUID().uuidString.prefix(8)).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let terminal = try PseudoTerminal(columns: 80, rows: 24)
        let valgrind = try #require(["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let pid = try terminal.spawn(valgrind, ["--log-file=\(log)", Built.kiosk, "--lang", "en"])
        defer { terminal.reap(pid) }
        // Under valgrind the pack's loading (its search index included) takes half a minute
        // on an idle machine, several on a busy one.
        #expect(terminal.read(until: "Begin", seconds: 240))
        terminal.write("\r")
        #expect(terminal.read(until: "Choose a tour", seconds: 60))
        terminal.write("\r")
        #expect(terminal.read(until: "Before you begin", seconds: 60))
        terminal.write("n")
        #expect(terminal.read(until: "Stop 400", seconds: 60))
        terminal.write("q")
        #expect(terminal.waitForExit(pid, seconds: 30) == 0)
        let report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(report.contains("ERROR SUMMARY"), "valgrind wrote no report")
        // Each error is a block of lines from its first to a blank one; the Swift runtime's own
        // (uninitialised values in metadata) are not the kiosk's to fix.
        let errors = report.components(separatedBy: "==\n").filter { $0.contains("Invalid read") || $0.contains("Invalid write") }
        #expect(errors.isEmpty, "valgrind:\n\(errors.joined(separator: "\n"))")
    }
}

/// The staff exit's lock, across a restart of the kiosk process.
@Suite struct StaffLockAcrossRestartsTests {
    @Test func aRestartedKioskStillWaitsOutTheLock() throws {
        try Tool.require("tmux")
        let configuration = try StaffConfiguration(pin: "2468")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-state-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: state) }
        let command = "\(Built.kiosk) --kiosk --config \(configuration.path) --state-dir \(state)"
        let first = Tmux(columns: 80, rows: 24, command: command)
        first.waitFor("Press any key to begin")
        first.send("C-x", "C-c")
        first.waitFor("Staff exit")
        // A wrong PIN leaves the prompt open for the next; the third locks it.
        for attempt in 1...3 {
            first.type("1111")
            first.send("Enter")
            first.waitFor(attempt < 3 ? "That PIN is not right." : "Too many wrong PINs")
        }
        // However the kiosk ends (here a signal, as a crash or a restart would), the next one
        // remembers.
        first.send(signal: SIGKILL)
        #expect(first.wait(seconds: 5) { first.isDead })

        let second = Tmux(columns: 80, rows: 24, command: command)
        second.waitFor("Press any key to begin")
        second.send("Space")
        second.waitFor("Choose a language")
        second.send("C-x", "C-c")
        second.waitFor("Too many wrong PINs")
        #expect(!second.screen.contains("Staff exit"))
    }
}

/// The kiosk's accounts on the host: open SSH access is not an open local account.
@Suite(.serialized) struct AccountTests {
    /// Runs `command` as `nobody`, an ordinary local user, with no terminal and nothing on
    /// standard input (a password prompt gets an end of file).
    static func asNobody(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups"] + arguments)
    }

    @Test(arguments: ["tour", "guide"])
    func noLocalUserBecomesAKioskAccount(account: String) throws {
        if let missing = SSHServer.missing { try skip(missing) }
        let su = Self.asNobody(["/bin/su", account, "-c", "id"])
        #expect(su.status != 0, "su \(account) from another user succeeded: \(su.output)")
        #expect(!su.output.contains("uid="))
        let entry = run("/usr/bin/getent", ["shadow", account]).output
        let password = entry.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first ?? ""
        #expect(!password.isEmpty, "\(account) has an empty password")
    }

    /// The same accounts over SSH: a visitor gets the kiosk without a password, under the limits
    /// the deploy sets (1 GiB of address space for each process).
    @Test func openAccessOverSSHStillGivesTheKioskWithinItsLimits() throws {
        try Tool.require("tmux")
        let server = try SSHServer.start()
        let terminal = Tmux(columns: 80, rows: 24, command: server.login("tour"))
        terminal.waitFor("Begin the tour")
        let kiosk = try #require(server.kiosks.first)
        let limits = (try? String(contentsOfFile: "/proc/\(kiosk)/limits", encoding: .utf8)) ?? ""
        let addressSpace = limits.split(separator: "\n").first { $0.hasPrefix("Max address space") }.map(String.init) ?? ""
        #expect(addressSpace.contains("1073741824"), "\(addressSpace)")
        terminal.tmux(["kill-server"])
    }
}

/// Connections that hold the SSH server without a kiosk.
@Suite struct SSHConnectionLimitTests {
    /// `ssh -N` logs in and opens no session: no kiosk, so none of its limits. sshd closes
    /// the connection by itself (UnusedConnectionTimeout), for a visitor and a guide alike.
    @Test(arguments: ["tour", "guide"])
    func aConnectionWithoutASessionIsClosed(account: String) throws {
        let server = try SSHServer.start()
        let started = Date()
        let held = server.client("ssh", account, ["-N", "-o", "ServerAliveInterval=0", "-o", "ConnectTimeout=10", "\(account)@127.0.0.1"],
                                 timeoutSeconds: 40)
        let seconds = Date().timeIntervalSince(started)
        #expect(held.status == 255, "\(held.error)")
        #expect(seconds < 30, "the connection was held \(Int(seconds)) s")
        #expect(seconds >= 5, "closed at once: \(held.error)")
        #expect(server.forced.isEmpty)
    }
}

/// The log file named with --log, when something else has been put in its place.
@Suite struct LogFileTests {
    static func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-log-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A FIFO in the log's place hung every new session on open; now the session goes on, and
    /// logs to the system log.
    @Test func aFIFOInTheLogsPlaceHangsNothing() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(mkfifo(directory + "/kiosk.log", 0o660) == 0)
        let started = Date()
        let result = run("/usr/bin/timeout", ["10", Built.kiosk, "--plain", "--lang", "en", "--log", directory + "/kiosk.log"])
        #expect(result.status == 0, "\(result.error)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.output.contains("Stop") || result.output.contains("Begin"), "\(result.output)")
    }

    /// A symbolic link in the log's place is not followed: the file it points to is untouched.
    @Test func aLinkInTheLogsPlaceIsNotFollowed() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/precious"
        try "keep me\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/kiosk.log", withDestinationPath: target)
        let result = run("/usr/bin/timeout", ["10", Built.kiosk, "--plain", "--join", "123456", "--group-dir", directory,
                                              "--log", directory + "/kiosk.log"])
        #expect(result.status != 124, "the kiosk hung")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
    }
}

/// `museum-kiosk staff-pin`: never status 0 without the line written; trivial PINs refused.
@Suite struct StaffPINCommandTests {
    static func staffPIN(_ pin: String, _ arguments: String = "", to output: String? = nil) -> (status: Int32, output: String, error: String) {
        run("/bin/sh", ["-c", "echo \(pin) | \"$0\" staff-pin \(arguments)" + (output.map { " > \($0)" } ?? ""), Built.kiosk])
    }

    @Test func aLineThatCannotBeWrittenIsAnError() {
        let result = Self.staffPIN("482916", to: "/dev/full")
        #expect(result.status != 0)
        #expect(result.error.contains("cannot write"), "\(result.error)")
    }

    @Test(arguments: ["1234", "0000", "19900101"])
    func aTrivialPINIsRefused(pin: String) {
        let result = Self.staffPIN(pin)
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("a visitor would try first"), "\(result.error)")
    }

    @Test func writeReplacesThePINLineAtomicallyAndKeepsTheRest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-conf-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/kiosk.conf"
        try "# The stand by the entrance\nstaff-pin = $y$jCT$old$old\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        let result = Self.staffPIN("482916", "--write \(path)")
        #expect(result.status == 0, "\(result.error)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "# The stand by the entrance")
        #expect(lines.last?.hasPrefix("staff-pin = $y$jCT$") == true)
        #expect(!text.contains("$old"))
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600, "the file is private")
        #expect(!FileManager.default.fileExists(atPath: path + ".new"))

        // A folder that is not there: an error, and nothing made.
        let missing = Self.staffPIN("482916", "--write \(directory)/nowhere/kiosk.conf")
        #expect(missing.status != 0)
        #expect(missing.error.contains("cannot write"), "\(missing.error)")
    }
}

/// The command line's and the terminal's odd cases: absurd limits, a terminal that cannot draw,
/// lines that end with CR alone.
@Suite struct OddTerminalTests {
    /// Through a shell, so that standard input is a pipe with `input` in it.
    static func kiosk(_ arguments: String, input: String = "", environment: [String: String] = [:]) -> (status: Int32, output: String, error: String) {
        var all = ProcessInfo.processInfo.environment
        all.merge(environment) { $1 }
        return run("/bin/sh", ["-c", "printf '\(input)' | /usr/bin/timeout 10 \"$0\" \(arguments)", Built.kiosk], environment: all)
    }

    @Test(arguments: ["--idle-exit 9223372036854775807", "--max-session 9223372036854775807", "--idle-exit 604801", "--max-session 0"])
    func anAbsurdLimitIsRefusedNotACrash(option: String) {
        let result = Self.kiosk("--plain --lang en \(option)")
        #expect(result.status == 64, "\(result.error.prefix(300))")
        #expect(result.error.contains("from 1 to 604800"))
        #expect(!result.error.contains("Fatal error"))
    }

    /// TERM=dumb, or an output that is not a terminal: the tour line by line, no escape at all.
    @Test(arguments: [["TERM": "dumb"], ["TERM": "xterm-256color"], [:]])
    func aTerminalThatCannotDrawGetsLines(environment: [String: String]) {
        var environment = environment
        if environment.isEmpty { environment["TERM"] = "" }
        let result = Self.kiosk("--lang en", input: "n\\n", environment: environment)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Museum of Genocide"))
        #expect(!result.output.contains("\u{1B}"), "an escape sequence in: \(result.output.prefix(200))")
    }

    @Test func aKioskWithoutATerminalSaysSo() {
        let result = Self.kiosk("--kiosk", environment: ["TERM": "dumb"])
        #expect(result.status == 1)
        #expect(result.error.contains("not a terminal that can show one"), "\(result.error)")
    }

    /// A line of 100 MB without an end is cut at 4 KiB: the kiosk's memory does not grow with
    /// it, and the next line is a command as any other.
    @Test func aLineWithoutEndIsBounded() throws {
        try Tool.require("time")
        let result = run("/bin/sh", ["-c", "(head -c 100000000 /dev/zero | tr '\\0' x; printf '\\n?\\n') | /usr/bin/time -f 'peak %M KiB' \"$0\" --plain --lang en",
                                     Built.kiosk])
        #expect(result.status == 0, "\(result.error.suffix(300))")
        #expect(result.output.contains("Commands"))
        let peak = result.error.split(separator: "\n").last { $0.hasPrefix("peak ") }.flatMap { Int($0.split(separator: " ")[1]) } ?? .max
        #expect(peak < 80_000, "peak \(peak) KiB")
    }

    /// A terminal in raw mode sends CR alone at Enter: each CR ends a command.
    @Test func linesEndedByCRAloneAreCommands() {
        let result = Self.kiosk("--plain --lang en", input: "?\\r?\\r")
        #expect(result.output.components(separatedBy: "Commands").count - 1 == 2, "\(result.output.suffix(400))")
        #expect(!result.output.contains("Unknown command"))
    }
}

/// The group directory with the real accounts, set up as deploy/ssh/add-accounts sets up
/// /run/museum-kiosk: what a `tour` account can do there while a guide leads over SSH.
@Suite(.serialized) struct GroupDirectoryTrustTests {
    /// Runs a command as `tour`, in its group, as a visitor's kiosk (or anything it ran) would.
    static func asTour(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        run("/usr/bin/setpriv", ["--reuid=tour", "--regid=museum-kiosk", "--init-groups"] + arguments)
    }

    @Test func aVisitorAccountIsOnlyEverAParticipant() throws {
        try Tool.require("tmux")
        let server = try SSHServer.start()
        let guide = Tmux(columns: 80, rows: 40, command: server.login("guide"))
        guide.waitFor("Your group's code")
        let code = try #require(GroupScreen.code(of: guide))
        let groups = server.groups
        // No listing of live codes.
        let list = Self.asTour(["/bin/ls", groups])
        #expect(list.status != 0 && !list.output.contains(code), "tour listed the codes: \(list.output)")
        // No removing or replacing the guide's socket, no planted group, no link.
        #expect(Self.asTour(["/bin/rm", "-f", "\(groups)/\(code).sock"]).status != 0)
        #expect(FileManager.default.fileExists(atPath: "\(groups)/\(code).sock"))
        #expect(Self.asTour(["/usr/bin/touch", "\(groups)/999999.state"]).status != 0)
        #expect(Self.asTour(["/bin/ln", "-s", "/tmp", "\(groups)/999998.sock"]).status != 0)
        #expect(Self.asTour(["/bin/mv", "\(groups)/\(code).state", "\(groups)/\(code).old"]).status != 0)
        // What a participant needs still works: a visitor joins by the code.
        let visitor = Tmux(columns: 80, rows: 24, command: server.login("tour"))
        visitor.waitFor("Join a group tour")
        visitor.send("Down")
        visitor.send("Enter")
        visitor.waitFor("Type the six-digit code")
        visitor.type(code)
        visitor.send("Enter")
        visitor.waitFor("Leave it empty")
        visitor.send("Enter")
        visitor.waitFor("Choose a language")
        visitor.tmux(["kill-server"])
        guide.tmux(["kill-server"])
        #expect(guide.wait(seconds: 10) { server.forced.isEmpty })
    }

    /// The directory add-accounts made on this host, when it did: the guides', entered by the
    /// group, and nobody else's.
    @Test func theDeployedDirectoryIsTheGuides() throws {
        if let missing = SSHServer.missing { try skip(missing) }
        var status = stat()
        guard stat("/run/museum-kiosk", &status) == 0 else { try skip("no /run/museum-kiosk: run deploy/ssh/add-accounts") }
        #expect(status.st_uid == getpwnam("guide").pointee.pw_uid)
        #expect(status.st_gid == getgrnam("museum-kiosk").pointee.gr_gid)
        #expect(status.st_mode & 0o7777 == 0o2710, "mode \(String(status.st_mode & 0o7777, radix: 8))")
        #expect(Self.asTour(["/bin/ls", "/run/museum-kiosk"]).status != 0)
        let planted = "/run/museum-kiosk/planted-\(UUID().uuidString.prefix(8)).state"
        #expect(Self.asTour(["/usr/bin/touch", planted]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: planted))
        let tmpfiles = try String(contentsOfFile: Built.packageRoot.appendingPathComponent("deploy/ssh/museum-kiosk.tmpfiles").path, encoding: .utf8)
        #expect(tmpfiles.contains("d /run/museum-kiosk 2710 guide museum-kiosk -"))
    }
}

/// The stand's console: its own ways out, closed by deploy/console (checked without hardware).
@Suite struct ConsoleTests {
    static let console = Built.packageRoot.appendingPathComponent("deploy/console")

    /// Every modifier combination of Shift, AltGr, Ctrl and Alt.
    static let combinations: [[String]] = {
        let modifiers = ["shift", "altgr", "control", "alt"]
        return (0..<16).map { bits in modifiers.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element) }
    }()

    @Test func theKeymapBindsNoWayOut() throws {
        let keymap = try String(contentsOfFile: Self.console.appendingPathComponent("museum-kiosk.keymap").path, encoding: .utf8)
        let bindings = keymap.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("keycode") }
        for action in ["Console_", "Incr_Console", "Decr_Console", "Last_Console", "Spawn_Console", "KeyboardSignal", "Scroll_Lock",
                       "Scroll_Backward", "Scroll_Forward", "Boot", "Show_", "SAK", "Compose"] {
            #expect(!bindings.contains { $0.contains(action) }, "\(action) is bound")
        }
        // Each way out, in each combination that makes it one, is nothing.
        var void: Set<String> = []
        for line in bindings where line.hasSuffix("= VoidSymbol") {
            let words = line.split(separator: " ")
            guard let at = words.firstIndex(of: "keycode"), at + 1 < words.count else { continue }
            let modifiers = words[..<at].filter { $0 != "plain" }.map(String.init).sorted()
            void.insert("\(modifiers.joined(separator: "+")) \(words[at + 1])")
        }
        func voided(_ code: Int, when: ([String]) -> Bool) {
            for combination in Self.combinations where when(combination) {
                #expect(void.contains("\(combination.sorted().joined(separator: "+")) \(code)"), "keycode \(code) with \(combination)")
            }
        }
        for code in Array(59...68) + [87, 88] { voided(code) { !$0.allSatisfy { $0 == "shift" } } }       // Alt/Ctrl+F1..F12
        for code in [103, 105, 106] { voided(code) { $0.contains("alt") || $0.contains("altgr") } }        // Alt+arrows
        for code in [70, 99, 119] { voided(code) { _ in true } }                                          // Scroll Lock, SysRq, Pause
        for code in [104, 109] { voided(code) { $0.contains("shift") } }                                 // Shift+PgUp/PgDn
        for code in [111, 83, 14] { voided(code) { $0.contains("control") && ($0.contains("alt") || $0.contains("altgr")) } }
        if Tool.available("loadkeys") {
            let parsed = run("/usr/bin/env", ["loadkeys", "--parse", Self.console.appendingPathComponent("museum-kiosk.keymap").path])
            #expect(parsed.status == 0, "loadkeys: \(parsed.error)")
        }
    }

    @Test func setupStandInstallsEachClosing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-stand-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        var environment = ProcessInfo.processInfo.environment
        environment["ROOT"] = root
        let result = run(Self.console.appendingPathComponent("setup-stand").path, [], environment: environment)
        #expect(result.status == 0, "\(result.error)")
        let sysctl = try String(contentsOfFile: root + "/etc/sysctl.d/90-museum-kiosk.conf", encoding: .utf8)
        #expect(sysctl.split(separator: "\n").contains("kernel.sysrq = 0"))
        let logind = try String(contentsOfFile: root + "/etc/systemd/logind.conf.d/museum-kiosk.conf", encoding: .utf8)
        #expect(logind.contains("NAutoVTs=0") && logind.contains("ReserveVT=0"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/etc/systemd/system/ctrl-alt-del.target") == "/dev/null",
                "ctrl-alt-del.target is masked")
        let remap = try String(contentsOfFile: root + "/etc/console-setup/remap.inc", encoding: .utf8)
        #expect(remap == (try String(contentsOfFile: Self.console.appendingPathComponent("museum-kiosk.keymap").path, encoding: .utf8)))
    }

    /// The unit bounds the kiosk's memory and keeps the staff exit's lock across restarts.
    @Test func theUnitBoundsMemoryAndKeepsTheLock() throws {
        let unit = try String(contentsOfFile: DeployTests.unit, encoding: .utf8)
        let lines = Set(unit.split(separator: "\n").map(String.init))
        for line in ["MemoryMax=384M", "MemorySwapMax=0", "StateDirectory=museum-kiosk-stand"] {
            #expect(lines.contains(line), "\(line)")
        }
    }
}
