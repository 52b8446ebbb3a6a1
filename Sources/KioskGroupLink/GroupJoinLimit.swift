import Glibc
import KioskCore

/// How fast codes may be tried. A code is six digits, 900,000 of them: unlimited, one SSH
/// session tried 246 a second (all of them in an hour). Two limits:
///
/// - **per session**: three wrong codes freely (a visitor mistypes), then a wait before the
///   next try that doubles with each wrong one, 2 s, 4 s, 8 s… up to a minute;
/// - **per host**: every kiosk on the host draws wrong codes from one bucket of 60, refilled at
///   one a second, kept in the group directory's `join-attempts` file (made by the deploy, or by
///   a guide's kiosk when it opens a group there). Only kiosk processes run as the kiosk's
///   accounts (sshd forces the kiosk, and no password opens them), so the file is theirs alone
///   to count in. Without the file, only the per-session limit holds.
///
/// A try refused by either is answered with the seconds to wait, and logged.
struct GroupJoinLimit {
    /// Wrong codes a session may type before it waits.
    static let freeTries = 3
    static let longestWaitSeconds: Int64 = 60
    /// The host's bucket: this many wrong codes at once, refilled at one a second.
    static let hostBurst = 60.0
    static let hostPerSecond = 1.0

    private var wrong = 0
    private var nextTry: Instant?

    /// Seconds to wait before a try, or nil when a try may be made now.
    func wait(now: Instant) -> Int? {
        guard let nextTry, now < nextTry else { return nil }
        return Int((now.milliseconds(until: nextTry) + 999) / 1000)
    }

    /// A code that found no group: the next try waits, from the fourth wrong one on.
    mutating func wrongCode(now: Instant) {
        wrong += 1
        guard wrong > Self.freeTries else { return }
        let seconds = min(Self.longestWaitSeconds, Int64(1) << Int64(min(wrong - Self.freeTries, 6)))
        nextTry = now.adding(seconds: Double(seconds))
    }

    var wrongCodes: Int { wrong }

    // MARK: - The host's bucket

    /// Makes the directory's bucket file, when this account may (a guide's kiosk opening a
    /// group in a directory of its own; the deploy makes it in /run/museum-kiosk).
    static func prepare(_ directory: GroupDirectory) {
        let descriptor = open(directory.joinAttemptsPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o660)
        guard descriptor >= 0 else { return }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_uid == geteuid() { _ = fchmod(descriptor, 0o660) }
        close(descriptor)
    }

    /// Seconds until the host's bucket has a wrong code to give, 0 when it has one now; nil
    /// when there is no bucket. With `spending`, one is taken (a wrong code was typed).
    static func host(_ directory: GroupDirectory, now: Instant, spending: Bool) -> Int? {
        let descriptor = open(directory.joinAttemptsPath, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, flock(descriptor, LOCK_EX) == 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let fields = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).split(separator: " ") : []
        var tokens = hostBurst
        if fields.count == 2, let kept = Double(fields[0]), let then = Int64(fields[1].filter { $0 != "\n" }) {
            // A time ahead of now (another clock, a restart of the machine) refills nothing.
            let elapsed = max(0, Double(now.milliseconds - then) / 1000)
            tokens = min(hostBurst, max(0, kept) + elapsed * hostPerSecond)
        }
        let wait = tokens >= 1 ? 0 : Int(((1 - tokens) / hostPerSecond).rounded(.up))
        if spending, tokens >= 1 { tokens -= 1 }
        let line = Array("\(tokens) \(now.milliseconds)\n".utf8)
        if line.withUnsafeBytes({ pwrite(descriptor, $0.baseAddress, $0.count, 0) }) == line.count {
            _ = ftruncate(descriptor, off_t(line.count))
        }
        return wait
    }
}
