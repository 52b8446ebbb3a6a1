import Foundation
import Testing

/// The built binary and the packs the end-to-end tests use.
enum Built {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `swift test` builds the executable beside the test bundle; MUSEUM_KIOSK_BINARY runs the
    /// tests against another, such as the release build.
    static let kiosk: String = {
        if let given = ProcessInfo.processInfo.environment["MUSEUM_KIOSK_BINARY"], !given.isEmpty {
            return given.hasPrefix("/") ? given : packageRoot.appendingPathComponent(given).path
        }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = directory.appendingPathComponent("museum-kiosk").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/museum-kiosk").path
    }()

    static let smallPack = packageRoot.appendingPathComponent("Tests/KioskCoreTests/Packs/small").path
}

/// A tool the test needs. In CI (CI is set) a missing tool fails the test; elsewhere the
/// test is skipped with the reason printed.
enum Tool {
    static func available(_ name: String) -> Bool {
        run("/usr/bin/env", ["which", name]).status == 0
    }

    /// Returns when the test may go on. Without the tool, the test fails in CI, and is
    /// cancelled elsewhere, saying why: it never passes without having run.
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if available(name) { return }
        try skip("\(name) is not installed", sourceLocation: sourceLocation)
    }
}

/// Stops a test that cannot run here: a failure in CI, where .ci/run must provide what it
/// needs; elsewhere the test is cancelled, and the reason printed.
func skip(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
    if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("\(reason), and CI is set: .ci/run must provide it", sourceLocation: sourceLocation)
        throw SkippedInCI()
    }
    print("skipping: \(reason) (CI would fail here)")
    try Test.cancel("skipped: \(reason) (CI would fail here)", sourceLocation: sourceLocation)
}

struct SkippedInCI: Error {}

extension Tool {
}

/// Runs a command and returns its exit status and output. posix_spawn and waitpid rather than
/// Foundation's Process, whose exit monitoring misses children under a test runner; output
/// goes to files, so a daemon the command starts (the tmux server) cannot hold a pipe open.
/// The child gets default signal handling and an empty mask, whatever the runner's thread had.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) -> (status: Int32, output: String, error: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-run-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outPath = directory.appendingPathComponent("out").path
    let errPath = directory.appendingPathComponent("err").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    guard let pid = spawn(executable, arguments, environment: environment, actions: &actions) else {
        return (-1, "", "cannot start \(executable)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    // Exited: its status; killed by a signal: 128 + the signal, as a shell reports it.
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, output, error)
}

/// Starts `executable` with `actions` on its descriptors, default signal handling and an empty
/// signal mask whatever the runner's thread had, and `flags` besides; its pid, or nil.
func spawn(_ executable: String, _ arguments: [String], environment: [String],
           actions: inout posix_spawn_file_actions_t, flags: Int32 = 0) -> pid_t? {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0, pid > 1 else { return nil }
    return pid
}

/// A terminal for one test: a tmux server of its own, so tests run side by side.
final class Tmux {
    let socket = "kiosk-test-\(UUID().uuidString.prefix(8))"
    let session = "visit"

    /// Starts `command` in a window of `columns` × `rows`. A shell around it writes its exit
    /// status to a file (tmux 3.3a loses the status of a program that ends at once), and the
    /// pane stays after it ends so its last screen can be read.
    init(columns: Int, rows: Int, command: String, environment: [String: String] = [:]) {
        let exports = environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        try? "set -g remain-on-exit on\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        tmux(["-f", configuration, "new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)",
              "env TERM=xterm-256color \(exports) sh -c '\(command); echo $? > \(statusFile)'"])
        // (tmux 3.3a's server dies on window-size in a configuration file: set it after.)
        tmux(["set-option", "-g", "window-size", "manual"])
        // The recording starts a moment after the program; checks read only its last bytes.
        tmux(["pipe-pane", "-t", session, "-o", "cat >> \(recording)"])
    }

    deinit {
        tmux(["kill-server"])
        for file in [recording, configuration, statusFile] { try? FileManager.default.removeItem(atPath: file) }
    }

    private let configuration = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-tmux-\(UUID().uuidString).conf").path
    private let statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-status-\(UUID().uuidString)").path

    /// How the program ended, as a shell says it (128 + the signal when killed by one), once
    /// it has.
    var exitStatus: Int? {
        (try? String(contentsOfFile: statusFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    var isDead: Bool { exitStatus != nil }

    /// Every byte the program writes to its terminal, from just after it starts.
    let recording = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-tty-\(UUID().uuidString)").path

    var written: String {
        (try? String(contentsOfFile: recording, encoding: .utf8)) ?? ""
    }

    /// Whether the program left the terminal as it found it: each mode it set is unset after
    /// it was last set. The sequences are xterm's, the TERM these tests use: the alternate
    /// screen (smcup/rmcup), the cursor (civis/cnorm), the keypad (smkx/rmkx). The recording
    /// lags a moment behind the program (tmux reads the pane, then cat writes the file), so an
    /// ended program's last bytes are waited for.
    func restoredTerminal() -> Bool {
        wait { Self.restores(written) }
    }

    static func restores(_ bytes: String) -> Bool {
        func undone(_ set: String, by unset: String) -> Bool {
            guard let last = bytes.range(of: unset, options: .backwards) else { return false }
            return bytes.range(of: set, options: .backwards).map { $0.lowerBound < last.lowerBound } ?? true
        }
        return undone("\u{1B}[?1049h", by: "\u{1B}[?1049l")
            && undone("\u{1B}[?25l", by: "\u{1B}[?25h")
            && undone("\u{1B}[?1h", by: "\u{1B}[?1l")
    }

    @discardableResult
    func tmux(_ arguments: [String]) -> String {
        run("/usr/bin/env", ["tmux", "-L", socket] + arguments).output
    }

    func send(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }

    /// Types text literally, one key after another.
    func type(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }

    var screen: String { tmux(["capture-pane", "-p", "-t", session]) }

    func format(_ variable: String) -> String {
        tmux(["display-message", "-p", "-t", session, "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's process id (the child of the pane's shell), or nil when there is none.
    var pid: Int32? {
        guard let shell = Int32(format("pane_pid")), shell > 1,
              let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        else { return nil }
        return children.split(separator: " ").first.flatMap { Int32($0) }.flatMap { $0 > 1 ? $0 : nil }
    }

    /// Sends `signal` to the kiosk in this terminal, and to nothing else: kill() with 0 or -1
    /// would reach the test runner's group or every process.
    func send(signal: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let pid, let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
              command.contains("museum-kiosk") else {
            Issue.record("no kiosk process to signal in this terminal", sourceLocation: sourceLocation)
            return
        }
        kill(pid, signal)
    }


    func resize(_ columns: Int, _ rows: Int) {
        tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"])
    }

    func wait(seconds: Double = 10, until condition: () -> Bool) -> Bool {
        eventually(seconds: seconds, condition)
    }

    /// Waits until the screen has not changed for a second (at most two minutes); returns it.
    @discardableResult
    func settle() -> String {
        var last = screen
        var unchanged = 0
        for _ in 0..<1_200 where unchanged < 10 {
            usleep(100_000)
            let now = screen
            unchanged = now == last ? unchanged + 1 : 0
            last = now
        }
        return last
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let found = wait(seconds: seconds) { screen.contains(text) }
        if !found { Issue.record("the screen never showed \"\(text)\"; it shows:\n\(screen)", sourceLocation: sourceLocation) }
        return found
    }
}

/// Waits until `condition` holds, polling; false after `seconds`. A liveness check with a
/// generous limit, not a measurement.
func eventually(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

/// Whether a process is gone (or a zombie, which holds nothing and runs nothing).
func isGone(_ pid: Int32) -> Bool {
    guard pid > 0, let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    let state = status.split(separator: ")").last?.split(separator: " ").first
    return state == "Z" || state == "X"
}
