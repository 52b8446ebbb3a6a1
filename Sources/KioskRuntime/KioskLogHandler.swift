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
    public static func bootstrap(file: String?) throws {
        let destination: Destination
        if let file {
            let descriptor = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o660)
            guard descriptor >= 0 else { throw LogError(path: file, reason: String(cString: strerror(errno))) }
            // Shared by the kiosk's accounts, whatever the umask; only its owner can change it.
            _ = fchmod(descriptor, 0o660)
            destination = .file(descriptor)
        } else {
            openlog(nil, LOG_PID, LOG_USER)
            destination = .systemLog
        }
        LoggingSystem.bootstrap { _ in KioskLogHandler(destination: destination) }
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
