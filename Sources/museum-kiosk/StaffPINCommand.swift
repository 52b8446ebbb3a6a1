import ArgumentParser
import KioskRuntime
import Glibc
import KioskStaff

/// `museum-kiosk staff-pin [--write [FILE]]`: asks for a PIN (twice, without echo, on a
/// terminal; one line on standard input otherwise) and prints the line for the configuration
/// file, or writes the file itself. The PIN itself is never written anywhere. A PIN a visitor
/// would try first (0000, 1234, a date) is refused, and so is a line that could not be written:
/// the command never ends with status 0 having written nothing.
struct StaffPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-pin",
        abstract: "Make the configuration line for the staff PIN (its salted hash, never the PIN).",
        discussion: """
            Prints `staff-pin = <hash>` for \(KioskConfiguration.defaultPath), or with --write puts \
            it in that file (or FILE) itself: the file's other lines are kept, and it is replaced \
            whole, private to its owner (a new file, synced, renamed over the old). A PIN is \
            \(StaffPINHash.lengths.lowerBound) to \(StaffPINHash.lengths.upperBound) digits, and not \
            one a visitor would try first: one digit repeated, digits in a row, a pair repeated, a \
            date or a year.
            """
    )

    @Flag(help: "Write the configuration file instead of printing the line.")
    var write = false

    @Argument(help: ArgumentHelp("The configuration file --write writes (default: \(KioskConfiguration.defaultPath)).", valueName: "FILE"))
    var file: String?

    func validate() throws {
        if file != nil, !write { throw ValidationError("a FILE is written with --write: museum-kiosk staff-pin --write FILE") }
    }

    func run() throws {
        let pin: String
        if isatty(STDIN_FILENO) == 1 {
            pin = try readHidden(prompt: "New staff PIN (\(StaffPINHash.lengths.lowerBound) to \(StaffPINHash.lengths.upperBound) digits): ")
            try check(pin)
            guard try readHidden(prompt: "The same PIN again: ") == pin else {
                throw ValidationError("the two PINs differ; nothing was made")
            }
        } else {
            pin = (readLine() ?? "").trimmingBlanks()
        }
        try check(pin)
        let line = "staff-pin = \(try StaffPINHash.make(pin: pin))"
        guard write else {
            // Written and checked: a full disk or a closed output is an error, not a silent 0.
            guard writeAll(STDOUT_FILENO, line + "\n") else {
                printToStandardError("museum-kiosk: cannot write the line: \(String(cString: strerror(errno))); nothing was made")
                throw ExitCode(1)
            }
            return
        }
        let path = file ?? KioskConfiguration.defaultPath
        let text = Self.replacingPIN(in: Self.existing(path), with: line)
        guard AtomicFile.write(text, to: path, mode: 0o600) else {
            printToStandardError("museum-kiosk: cannot write \(path): \(String(cString: strerror(errno))); it is unchanged")
            throw ExitCode(1)
        }
        printToStandardError("museum-kiosk: \(path) written; restart the kiosk to use the new PIN")
    }

    private func check(_ pin: String) throws {
        guard StaffPINHash.isValidPIN(pin) else { throw ValidationError("\(StaffPINError.notAPIN)") }
        if let weakness = StaffPINHash.weakness(of: pin) {
            throw ValidationError("that PIN is one a visitor would try first (\(weakness)); choose another, of 6 digits or more")
        }
    }

    /// The file's text now, or nothing when there is none yet.
    static func existing(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 1 << 20 else { return "" }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` with its staff-pin line (or lines) replaced by `line`, which is added at the end
    /// when there was none; every other line kept.
    static func replacingPIN(in text: String, with line: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        func isPIN(_ candidate: String) -> Bool {
            candidate.split(separator: "=", maxSplits: 1).first.map { String($0).trimmingBlanks() } == "staff-pin"
        }
        if let first = lines.firstIndex(where: { isPIN($0) }) {
            lines[first] = line
            lines = lines.enumerated().filter { $0.offset == first || !isPIN($0.element) }.map(\.element)
        } else {
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line from the terminal with echo off, restored on every way out of here.
    private func readHidden(prompt: String) throws -> String {
        var standardError = StandardError()
        standardError.write(prompt)
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw ValidationError("cannot read the terminal's settings") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            standardError.write("\n")
        }
        return (readLine() ?? "").trimmingBlanks()
    }
}
