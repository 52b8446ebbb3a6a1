import Glibc
import KioskCore

/// The packs installed on a stand: each version in a folder of its own, and two links, `current`
/// and `previous`, each switched by a rename. A power cut leaves the old version or the new,
/// never half of one; a broken update is rolled back by switching the links again.
///
///     ROOT/versions/20261204-153000-1a2b3c4d/   Narratives/ Exhibits/ Messages/
///     ROOT/current  -> versions/20261204-153000-1a2b3c4d
///     ROOT/previous -> versions/20261120-101500-9f8e7d6c
public struct PackStore: Sendable {
    public let root: String

    /// The standard place on a stand.
    public static let standardRoot = "/var/lib/museum-kiosk/packs"

    public init(root: String) {
        self.root = root
    }

    public var current: String { root + "/current" }
    public var previous: String { root + "/previous" }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// The pack's findings, when it was refused for its errors.
        public var findings: [Finding] = []
    }

    /// The version a link points at (its folder's name), if it points anywhere.
    public func version(_ link: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(link, &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return target.split(separator: "/").last.map(String.init)
    }

    /// The installed packs to serve, best first: current, then previous.
    public var candidates: [String] {
        [current, previous].filter { version($0) != nil }
    }

    /// Installs the pack in `directory` as the current version, the current one becoming the
    /// previous. The pack is checked first, and its copy again: one with errors is refused and
    /// the stand keeps what it has. Returns the new version's name.
    public func install(from directory: String, check: (String) -> PackLoadResult, now: String) throws(Failure) -> String {
        let checked = check(directory)
        guard !checked.hasErrors, !checked.isUnreadable else {
            throw Failure(description: "the pack in \(directory) has errors; nothing was installed", findings: checked.sortedFindings)
        }
        try makeDirectory(root)
        try makeDirectory(root + "/versions")
        var digest = Digest()
        let staging = root + "/versions/.installing-\(getpid())"
        removeTree(staging)
        try makeDirectory(staging)
        do throws(Failure) {
            for folder in ["Narratives", "Exhibits", "Messages"] {
                try copyTree(directory + "/" + folder, to: staging + "/" + folder, digest: &digest, optional: folder == "Messages")
            }
            let copied = check(staging)
            guard !copied.hasErrors else {
                throw Failure(description: "the copy of \(directory) has errors (did it change while it was copied?); nothing was installed",
                              findings: copied.sortedFindings)
            }
        } catch let problem {
            removeTree(staging)
            throw problem
        }
        let name = "\(now)-\(digest.hex)"
        let target = root + "/versions/" + name
        removeTree(target)
        guard rename(staging, target) == 0 else {
            removeTree(staging)
            throw failure("cannot put the new version in place at \(target)")
        }
        let old = version(current)
        if let old { try point(previous, at: "versions/" + old) }
        try point(current, at: "versions/" + name)
        syncDirectory(root)
        removeOldVersions(keeping: [name, old].compactMap { $0 })
        return name
    }

    /// Switches back to the previous version; the current one becomes the previous.
    public func rollback() throws(Failure) -> String {
        guard let old = version(previous) else { throw Failure(description: "there is no previous version to go back to") }
        let now = version(current)
        try point(current, at: "versions/" + old)
        if let now { try point(previous, at: "versions/" + now) }
        syncDirectory(root)
        return old
    }

    // MARK: - Files

    /// Makes `link` point at `target` by a rename over it, so it is never missing.
    private func point(_ link: String, at target: String) throws(Failure) {
        let fresh = link + ".new"
        unlink(fresh)
        guard symlink(target, fresh) == 0, rename(fresh, link) == 0 else {
            unlink(fresh)
            throw failure("cannot switch \(link)")
        }
    }

    private func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure("cannot make \(path)") }
    }

    /// Copies a pack's folder: regular files and folders only (a link inside a pack is never
    /// followed), each file written whole and synced.
    private func copyTree(_ source: String, to destination: String, digest: inout Digest, optional: Bool) throws(Failure) {
        var info = stat()
        guard lstat(source, &info) == 0 else {
            if optional { return }
            throw failure("cannot read \(source)")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure(description: "\(source) is not a folder") }
        try makeDirectory(destination)
        guard let directory = opendir(source) else { throw failure("cannot read \(source)") }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        for name in names.sorted() {
            let from = source + "/" + name, to = destination + "/" + name
            guard lstat(from, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try copyTree(from, to: to, digest: &digest, optional: false)
            case S_IFREG: try copyFile(from, to: to, digest: &digest)
            default: continue
            }
        }
        syncDirectory(destination)
    }

    private func copyFile(_ source: String, to destination: String, digest: inout Digest) throws(Failure) {
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw failure("cannot read \(source)") }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw failure("cannot write \(destination)") }
        defer { close(output) }
        digest.add(Array(destination.split(separator: "/").suffix(3).joined(separator: "/").utf8))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure("cannot read \(source)") }
            if count == 0 { break }
            digest.add(buffer[..<count])
            var written = 0
            while written < count {
                let result = buffer[written..<count].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw failure("cannot write \(destination)") }
                written += result
            }
        }
        guard fsync(output) == 0 else { throw failure("cannot write \(destination)") }
    }

    private func removeOldVersions(keeping kept: [String]) {
        guard let directory = opendir(root + "/versions") else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        for name in names where !kept.contains(name) { removeTree(root + "/versions/" + name) }
    }

    /// Removes a folder and what is in it, following no link.
    private func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    private func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }

    /// FNV-1a over the pack's names and bytes: enough to tell two versions apart by name.
    struct Digest {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }

        var hex: String {
            let text = String(hash >> 32, radix: 16)
            return String(repeating: "0", count: max(0, 8 - text.count)) + text
        }
    }
}
