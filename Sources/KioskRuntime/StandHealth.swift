import Glibc
import KioskCore
import Logging

/// A kiosk's health in the Prometheus text format, in a file for node_exporter's textfile
/// collector (`--metrics DIR`), so a museum's own monitoring sees each stand: when it started,
/// the pack it shows and the last pack that failed, visits begun, idle resets, the last key,
/// the sessions open, and the visit statistics' events dropped. No server of its own; no
/// visitor's identity, key or text.
///
/// A stand (`--kiosk`) writes `museum-kiosk-STAND.prom`. Each session of a host serving
/// many (SSH) writes `museum-kiosk-STAND.session-PID.prom`, labelled `session`, removed when it
/// ends; one a crash left behind is removed by the next session to start.
public final class StandHealth: SessionWatcher {
    public let path: String
    private let stand: String
    private let session: Int32?
    private let clock: Clock
    private let pack: () -> PackStatus
    private let statisticsDropped: () -> Int
    private let logger: Logger
    private let upSince: Int64
    private var shownVersion = ""
    private var visitsStarted = 0
    private var idleResets = 0
    private var visitInProgress = false
    private var lastKey: Int64?
    private var lastWrite: Instant?
    private var writeFailed = false

    /// The file is written again at least this often, so its age says the kiosk is alive.
    public static let heartbeatSeconds = 60.0
    /// The last key's time is written at most this often: a stand's keys are not a load.
    public static let keyResolutionSeconds: Int64 = 10

    /// What the health file says of the pack: the version shown, and the last failure.
    public struct PackStatus: Sendable {
        public var version: String
        public var lastError: (message: String, unixSeconds: Int64)?

        public init(version: String, lastError: (message: String, unixSeconds: Int64)? = nil) {
            self.version = version
            self.lastError = lastError
        }
    }

    /// `session`: this process's id, for a host where each session is a process; nil for a
    /// stand. `statisticsDropped`: the visit statistics' events dropped so far (the file says it
    /// at its next writing, within a minute).
    public init(directory: String, stand: String, session: Int32?, clock: Clock, pack: @escaping () -> PackStatus,
                statisticsDropped: @escaping () -> Int = { 0 }, logger: Logger = Logger(label: "museum-kiosk.health")) {
        self.stand = stand
        self.session = session
        self.clock = clock
        self.pack = pack
        self.statisticsDropped = statisticsDropped
        self.logger = logger
        path = directory + "/museum-kiosk-" + stand + (session.map { ".session-\($0)" } ?? "") + ".prom"
        upSince = clock.wall.unixSeconds
        if session != nil { Self.removeLeftBehind(in: directory, stand: stand) }
    }

    /// A stand's name as a file name and a label: letters, digits, `-`, `_` and `.`.
    public static func isValidStand(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    public func shows(_ tour: Tour) {
        write()
    }

    public func visitorActed() {
        let now = clock.wall.unixSeconds
        let due = lastKey.map { now - $0 >= Self.keyResolutionSeconds } ?? true
        if due {
            lastKey = now
            write()
        }
    }

    public func recorded(_ record: VisitRecord) {
        switch record {
        case .began:
            visitsStarted += 1
            visitInProgress = true
        case .ended(let end):
            if end == .idleReset { idleResets += 1 }
            visitInProgress = false
        // What a visitor does within a visit is the statistics' to keep, not the health's.
        case .showing, .readMore, .door, .steppedOut, .steppedBack, .graphicRevealed, .languageChanged, .joinedGroup, .ledGroup:
            return
        }
        write()
    }

    public func wake() {
        if let nextDeadline, clock.now >= nextDeadline { write() }
    }

    public var nextDeadline: Instant? { lastWrite?.adding(seconds: Self.heartbeatSeconds) }

    /// A session's file goes with it. A stand's stays, saying it is closed, for the monitoring
    /// to tell a stand staff stopped from one that is gone.
    public func ended() {
        if session != nil {
            unlink(path)
        } else {
            write(sessionsOpen: 0)
        }
    }

    /// The file's text.
    func text(sessionsOpen: Int) -> String {
        let status = pack()
        var labels = "stand=\"\(Self.escaped(stand))\""
        if let session { labels += ",session=\"\(session)\"" }
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ value: Int64, extra: String = "") {
            lines += ["# HELP museum_kiosk_\(name) \(help)", "# TYPE museum_kiosk_\(name) \(type)",
                      "museum_kiosk_\(name){\(labels)\(extra)} \(value)"]
        }
        metric("up_since_seconds", "gauge", "When this kiosk started, in seconds since 1970.", upSince)
        metric("pack_info", "gauge", "The version of the pack shown (an installed version's name, or the folder it was read from).", 1,
               extra: ",version=\"\(Self.escaped(status.version))\"")
        metric("last_pack_error_seconds", "gauge", "When a pack last failed to load, in seconds since 1970; 0 if none has.",
               status.lastError?.unixSeconds ?? 0)
        if let error = status.lastError {
            metric("last_pack_error_info", "gauge", "Why a pack last failed to load: the first error, as validate says it.", 1,
                   extra: ",error=\"\(Self.escaped(String(error.message.prefix(200))))\"")
        }
        metric("visits_started_total", "counter", "Visits begun since the kiosk started.", Int64(visitsStarted))
        metric("idle_resets_total", "counter", "Visits the idle reset ended since the kiosk started.", Int64(idleResets))
        metric("last_key_seconds", "gauge", "When a visitor last pressed a key, in seconds since 1970 (to within 10 s); 0 if none has.",
               lastKey ?? 0)
        metric("sessions_open", "gauge", "Sessions this kiosk has open: 1 while it runs.", Int64(sessionsOpen))
        metric("visit_in_progress", "gauge", "1 while a visitor is in a visit, 0 at rest.", visitInProgress ? 1 : 0)
        metric("statistics_dropped_total", "counter", "Visit statistics events dropped since the kiosk started: the database was full or unavailable.",
               Int64(statisticsDropped()))
        return lines.joined(separator: "\n") + "\n"
    }

    private func write(sessionsOpen: Int = 1) {
        lastWrite = clock.now
        // Readable by the collector, whoever it runs as; it holds nothing private.
        if AtomicFile.write(text(sessionsOpen: sessionsOpen), to: path, mode: 0o644, durable: false) {
            writeFailed = false
        } else if !writeFailed {
            // Said once, not at every key; the kiosk goes on.
            writeFailed = true
            logger.error("cannot write the stand's health to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// A label's value as the text format wants it: backslash, quote and newline escaped.
    static func escaped(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Session files whose process is gone (a crash, a kill): a session that ends well takes
    /// its own away.
    private static func removeLeftBehind(in directory: String, stand: String) {
        guard let folder = opendir(directory) else { return }
        defer { closedir(folder) }
        let prefix = "museum-kiosk-" + stand + ".session-"
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix), name.hasSuffix(".prom") else { continue }
            let middle = name.dropFirst(prefix.count).dropLast(".prom".count)
            guard !middle.isEmpty, middle.allSatisfy(\.isNumber), let pid = Int32(middle) else { continue }
            // EPERM: alive, another user's.
            if kill(pid, 0) != 0, errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}
