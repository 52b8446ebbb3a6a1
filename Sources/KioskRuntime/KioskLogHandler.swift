import Glibc
import KioskCore
import Logging

/// Where the kiosk logs: never the terminal (the visitor's screen), but the system log, or a
/// file the operator names with --log. Each line is made safe for a terminal first, since
/// an operator reads logs in one.
public struct KioskLogHandler: LogHandler {
    public enum Destination: Sendable {
        case systemLog
        case file(Int32)
    }

    let destination: Destination
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Sends every logger of the process to the system log, or to `file` when given.
    ///
    /// The file is opened safely, since its folder may be shared by the kiosk's accounts: a
    /// symbolic link is not followed, nothing but a regular file is written (a FIFO put in its
    /// place would hang every new session on open, a device would take what is written), and
    /// the open never waits. A file that is not a regular one is refused, and the kiosk logs to
    /// the system log instead, saying why there: the visitor still gets a tour. A file that
    /// cannot be opened at all (a missing folder, no permission) is an error, as before.
    public static func bootstrap(file: String?) throws {
        var destination = Destination.systemLog
        var refused: String?
        if let file {
            switch openLogFile(file) {
            case .success(let descriptor): destination = .file(descriptor)
            case .failure(.notARegularFile(let reason)): refused = "the log \(file) is not written: \(reason); logging here instead"
            case .failure(.cannotOpen(let reason)): throw LogError(path: file, reason: reason)
            }
        }
        if case .systemLog = destination { openlog(nil, LOG_PID, LOG_USER) }
        let chosen = destination
        LoggingSystem.bootstrap { _ in KioskLogHandler(destination: chosen) }
        if let refused { Logger(label: "museum-kiosk.log").error("\(refused)") }
    }

    enum OpenFailure: Error {
        case notARegularFile(String)
        case cannotOpen(String)
    }

    /// Opens `path` to append to it: never through a link, never waiting, a regular file only.
    static func openLogFile(_ path: String) -> Result<Int32, OpenFailure> {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o660)
        guard descriptor >= 0 else {
            let error = errno
            let reason = String(cString: strerror(error))
            // ELOOP: a symbolic link; ENXIO: a FIFO nobody reads, or a device without its driver.
            if error == ELOOP || error == ENXIO || error == EISDIR { return .failure(.notARegularFile(reason)) }
            return .failure(.cannotOpen(reason))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return .failure(.notARegularFile("not a regular file"))
        }
        // Writes wait as writes to a file do.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        // Shared by the kiosk's accounts, whatever the umask; only its owner can change it.
        _ = fchmod(descriptor, 0o660)
        return .success(descriptor)
    }

    public struct LogError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        public var description: String { "cannot write the log to \(path): \(reason)" }
    }

    public func log(event: LogEvent) {
        let text = TerminalSafety.flattened(event.message.description, replacingWith: "?")
        switch destination {
        case .systemLog:
            let priority: Int32
            switch event.level {
            case .trace, .debug: priority = LOG_DEBUG
            case .info: priority = LOG_INFO
            case .notice: priority = LOG_NOTICE
            case .warning: priority = LOG_WARNING
            case .error: priority = LOG_ERR
            case .critical: priority = LOG_CRIT
            }
            text.withCString { message in withVaList([message]) { vsyslog(priority, "%s", $0) } }
        case .file(let descriptor):
            _ = writeAll(descriptor, "museum-kiosk[\(getpid())] \(event.level): \(text)\n")
        }
    }
}
