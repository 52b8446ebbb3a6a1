import Glibc
import KioskCore

/// Where a public kiosk keeps its staff exit's lock between processes: a small file in the
/// service's state directory (systemd's `StateDirectory=`, handed over as STATE_DIRECTORY), so
/// that a kiosk restarted by its service manager, however it ended, still counts the wrong
/// PINs typed before and still waits out a lock. One line, `failures lockedUntil`, the time in
/// the monotonic clock's milliseconds (it runs on across restarts of the process; after a
/// restart of the machine a lock is cut to its full time, `StaffLock.resumed`).
public struct StaffLockFile: Sendable {
    public let path: String

    public static let name = "staff-lock"

    public init(directory: String) {
        path = directory.hasSuffix("/") ? directory + Self.name : directory + "/" + Self.name
    }

    /// The lock kept, or none when there is no file or it is not one this kiosk wrote.
    public func load() -> StaffLock {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return StaffLock() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return StaffLock() }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return StaffLock() }
        let fields = String(decoding: buffer[..<count], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count == 2, let failures = Int(fields[0]), let until = Int64(fields[1]) else { return StaffLock() }
        return StaffLock(failures: failures, lockedUntil: until > 0 ? Instant(milliseconds: until) : nil)
    }

    /// Writes the lock whole or not at all (a new file, synced, renamed over the old); false
    /// when it cannot.
    @discardableResult
    public func save(_ lock: StaffLock) -> Bool {
        AtomicFile.write("\(lock.failures) \(lock.lockedUntil?.milliseconds ?? 0)\n", to: path, mode: 0o600)
    }
}
