import Glibc

/// The files of one pack on disk, read with care: nothing outside the pack's directory, no
/// symbolic links, no file too large to be a narrative, and text that is valid UTF-8.
struct PackFiles {
    /// A narrative or label file is a few kilobytes; a megabyte is a mistake or an attack.
    static let maximumFileSize = 1 << 20

    /// The directory as the curator named it.
    let root: String

    /// How findings name a file: the pack's path joined with the file's.
    func displayPath(_ relative: String) -> String {
        root == "." || root.isEmpty ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    enum Kind {
        case missing, file, directory
        /// A symbolic link: never followed, wherever it points.
        case link
        case other
    }

    /// What is at `relative`, following no symbolic link: neither the last name nor a folder
    /// on the way (a linked `Narratives/` or `Exhibits/<hall>/` is not a folder of the pack).
    func kind(of relative: String) -> Kind {
        let directory: Int32, name: String
        switch locate(relative) {
        case .missing: return .missing
        case .blocked: return .other
        case .found(let parent, let last): (directory, name) = (parent, last)
        }
        defer { close(directory) }
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in a directory of the pack, sorted by name; hidden files left out.
    func list(_ relative: String) -> [String] {
        guard case .found(let parent, let name) = locate(relative) else { return [] }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        close(parent)
        guard descriptor >= 0, let stream = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return []
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// The text of a file, or nil with a finding saying why it cannot be read. Invalid UTF-8
    /// is an error (with its line); the text is still returned with U+FFFD in its place, so
    /// the rest of the file can be checked. A file is opened without following a link and
    /// without waiting (a FIFO would block a plain open forever), and never read past the
    /// size limit, however large it is.
    func text(_ relative: String, log: FindingLog) -> String? {
        let shown = displayPath(relative)
        let directory: Int32, name: String
        switch locate(relative) {
        case .missing:
            log.error(shown, line: 1, "file not found")
            return nil
        case .blocked(let folder):
            log.error(shown, line: 1, "not read: \(displayPath(folder)) is a symbolic link or not a folder (links are not followed inside a pack)")
            return nil
        case .found(let parent, let last):
            (directory, name) = (parent, last)
        }
        // A device or FIFO is refused before it is opened: opening some devices does things.
        var before = stat()
        if fstatat(directory, name, &before, AT_SYMLINK_NOFOLLOW) == 0, before.st_mode & S_IFMT != S_IFREG {
            close(directory)
            log.error(shown, line: 1, "not a regular file (symbolic links and devices are not read)")
            return nil
        }
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        let openError = errno
        close(directory)
        guard descriptor >= 0 else {
            switch openError {
            case ENOENT: log.error(shown, line: 1, "file not found")
            case ELOOP: log.error(shown, line: 1, "not a regular file (symbolic links and devices are not read)")
            default: log.error(shown, line: 1, "cannot be read (permission denied?)")
            }
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            log.error(shown, line: 1, "not a regular file (symbolic links and devices are not read)")
            return nil
        }
        guard let bytes = Self.read(descriptor, upTo: Self.maximumFileSize + 1), bytes.count <= Self.maximumFileSize else {
            log.error(shown, line: 1, "file is larger than \(Self.maximumFileSize / 1024) KiB; a narrative or label is a few kilobytes")
            return nil
        }
        let unix = Self.withoutCarriageReturns(bytes)
        if let text = String(validating: unix, as: UTF8.self) { return text }
        let repaired = String(decoding: unix, as: UTF8.self)
        let scalars = repaired.unicodeScalars
        let firstBad = scalars.firstIndex(of: "\u{FFFD}") ?? scalars.endIndex
        let line = scalars[..<firstBad].count { $0 == "\n" } + 1
        log.error(shown, line: line, "invalid UTF-8; save the file as UTF-8")
        return repaired
    }

    /// Up to `limit` bytes of a file; nil when it cannot be read.
    private static func read(_ descriptor: Int32, upTo limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    /// CRLF line ends become LF, as a file saved on Windows is read like any other.
    private static func withoutCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(13) else { return bytes }
        var unix: [UInt8] = []
        unix.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) {
            unix.append(byte)
        }
        return unix
    }

    private enum Location: Equatable {
        /// The folder the last name is in, open, and that name.
        case found(Int32, String)
        case missing
        /// A folder on the way is a symbolic link or not a folder: its path in the pack.
        case blocked(String)
    }

    /// Opens the folders on the way to `relative` one by one from the pack's directory, each
    /// without following a link, so nothing outside the pack is ever reached. The caller
    /// closes the folder it gets.
    private func locate(_ relative: String) -> Location {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let last = parts.last, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            return .blocked(relative)
        }
        var directory = open(root.isEmpty ? "." : root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return .missing }
        for (index, part) in parts.dropLast().enumerated() {
            let next = openat(directory, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            close(directory)
            guard next >= 0 else {
                return failure == ENOENT ? .missing : .blocked(parts[...index].joined(separator: "/"))
            }
            directory = next
        }
        return .found(directory, last)
    }
}
