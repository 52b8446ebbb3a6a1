import Glibc
import KioskCore
import KioskGroup

/// The runtime directory the kiosk's accounts share on one host (`/run/museum-kiosk`): a
/// group is a socket there, `<code>.sock`, and a state file, `<code>.state`, that its guide's
/// process holds locked while it lives. No network server: only processes that may enter
/// this directory can reach a group.
public struct GroupDirectory: Sendable {
    public let path: String

    /// The directory an operator sets up (docs/operations.md).
    public static let standard = "/run/museum-kiosk"

    public init(path: String) {
        self.path = path
    }

    /// Whether this process may make groups here (a guide): write and enter the directory.
    public var canLead: Bool { isDirectory && access(path, W_OK | X_OK) == 0 }

    /// Whether this process may join groups here (a participant): enter the directory, which
    /// is all a participant needs; it never writes or lists it.
    public var canJoin: Bool { isDirectory && access(path, X_OK) == 0 }

    private var isDirectory: Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The directory's owner and group. The owner is the guides' account: only it can make a
    /// group here (the directory is `2710 guide:museum-kiosk`), so a group's socket is trusted
    /// only when the process listening on it runs as the owner; the group is the kiosk's
    /// accounts, the only ones a guide takes participants from.
    var owner: (user: uid_t, group: gid_t)? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return (status.st_uid, status.st_gid)
    }

    /// The file of join attempts the accounts share (`GroupJoinLimit`).
    var joinAttemptsPath: String { "\(path)/join-attempts" }

    func socketPath(_ code: String) -> String { "\(path)/\(code).sock" }
    func statePath(_ code: String) -> String { "\(path)/\(code).state" }

    /// Groups whose guide is gone (the state file is not locked) since less than
    /// `Tour.guideReturnSeconds`. Older ones are removed on the way; a young one without a
    /// place is left alone, as it may be a group another guide has just made and not yet
    /// locked.
    public func orphans() -> [OrphanGroup] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var found: [(OrphanGroup, time_t)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".state") else { continue }
            let code = String(name.dropLast(".state".count))
            guard GroupVisit.isCode(code), let state = StateFile.open(statePath(code), creating: false) else { continue }
            defer { state.close() }
            // Only a group a guide of this account made: nothing another account put here.
            guard state.owner == geteuid() else { continue }
            // Locked: its guide is still there.
            guard state.lock() else { continue }
            let age = time(nil) - state.modified
            if age > time_t(Tour.guideReturnSeconds) {
                unlink(socketPath(code))
                unlink(statePath(code))
            } else if let place = state.place {
                found.append((OrphanGroup(code: code, place: place), state.modified))
            }
        }
        // The most recently left first: most likely this guide's own.
        return found.sorted { $0.1 > $1.1 }.map(\.0)
    }
}

/// A group's state file: where its guide last was. Its lock says the guide's process is
/// alive (the kernel drops it when the process ends, however it ends); its modification time
/// says when the guide was last heard of.
final class StateFile {
    private(set) var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    static func open(_ path: String, creating: Bool) -> StateFile? {
        let flags = O_RDWR | O_NOFOLLOW | O_CLOEXEC | (creating ? O_CREAT | O_EXCL : 0)
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(descriptor)
            return nil
        }
        return StateFile(descriptor: descriptor)
    }

    var owner: uid_t? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status.st_uid : nil
    }

    /// Takes the lock without waiting; false when another process holds it.
    func lock() -> Bool { flock(descriptor, LOCK_EX | LOCK_NB) == 0 }

    var modified: time_t {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status.st_mtim.tv_sec : 0
    }

    /// The place written last, checked like any message.
    var place: GuidePlace? {
        var buffer = [UInt8](repeating: 0, count: GroupWire.maximumBytes)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0, case .success(.guide(let place)) = GroupWire.decode(buffer[0..<count].prefix { $0 != UInt8(ascii: "\n") })
        else { return nil }
        return place
    }

    /// Writes the place as one line at the start, then cuts the file there. A reader never
    /// finds it empty (as between a truncate and a write), and a reader that comes mid-way
    /// reads a line that is whole, or one the checks refuse; the lock-holder is its only writer.
    func write(_ place: GuidePlace) {
        let line = GroupWire.encode(.guide(place))
        let written = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        if written == line.count { _ = ftruncate(descriptor, off_t(line.count)) }
    }

    /// Marks the guide as heard of now.
    func touch() { _ = futimens(descriptor, nil) }

    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }
}
