import KioskCore
import Logging

/// Warnings about what peers did, at most `perMinute` lines a minute; past that they are
/// counted, and one line says how many more there were when the minute is over. A flood of bad
/// messages, or of connections, is told in a few lines, not one line per byte (issue 11: 16 KiB
/// of junk wrote 16,384 lines, and the log grew to 499 MB in 40 s).
struct LogLimit {
    let logger: Logger
    let perMinute: Int
    let subject: String
    private var windowStart: Instant?
    private var told = 0
    private var untold = 0

    init(logger: Logger, perMinute: Int, subject: String) {
        self.logger = logger
        self.perMinute = perMinute
        self.subject = subject
    }

    mutating func warn(_ message: String, now: Instant) {
        flush(now: now)
        if windowStart == nil { windowStart = now }
        if told < perMinute {
            told += 1
            logger.warning("\(subject): \(message)")
        } else {
            untold += 1
        }
    }

    /// Closes a minute that is over: one line for the warnings it did not tell.
    mutating func flush(now: Instant) {
        guard let start = windowStart, start.milliseconds(until: now) >= 60_000 else { return }
        if untold > 0 { logger.warning("\(subject): … and \(untold) more warnings like these in a minute, not logged one by one") }
        windowStart = nil
        told = 0
        untold = 0
    }
}
