import Glibc

/// The files of one pack on disk, read with care: nothing outside the pack's directory, no
/// symbolic links, no file too large to be a narrative, and text that is valid UTF-8.
struct PackFiles {
    /// A narrative or label file is a few kilobytes; a megabyte is a mistake or an attack.
    static let maximumFileSize = 1 << 20

    /// The directory as the curator named it.
    let root: String

    /// Whether two paths name the same directory (the same device and inode).
    static func isSameDirectory(_ one: String, _ other: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(one, &first) == 0, stat(other, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

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
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in a directory of the pack, sorted by name; hidden files left out. A folder
    /// that is there but cannot be read (its permissions, as the reading account sees them)
    /// is an error in `log`: its files would otherwise vanish without a word.
    func list(_ relative: String, log: FindingLog) -> [String] {
        guard case .found(let parent, let name) = locate(relative) else { return [] }
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        let openError = errno
        guard descriptor >= 0, let stream = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            // A missing folder, a link or a file are said by the checks that expect a folder.
            if descriptor >= 0 || ![ENOENT, ELOOP, ENOTDIR].contains(openError) {
                log.error(displayPath(relative), line: 1,
                          "folder cannot be read (\(String(cString: strerror(openError)))): none of its files is checked or shown; validate as the account the kiosk runs as")
            }
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
            log.error(shown, line: 1, "not a regular file (symbolic links and devices are not read)")
            return nil
        }
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        let openError = errno
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
        guard info.st_size <= Self.maximumFileSize,
              let bytes = Self.read(descriptor, size: Int(info.st_size), upTo: Self.maximumFileSize + 1),
              bytes.count <= Self.maximumFileSize else {
            log.error(shown, line: 1, "file is larger than \(Self.maximumFileSize / 1024) KiB; a narrative or label is a few kilobytes")
            return nil
        }
        let unix = Self.withoutCarriageReturns(bytes)
        if let text = String(validating: unix, as: UTF8.self) { return CombiningMarks.bounded(text, file: shown, log: log) }
        let repaired = CombiningMarks.bounded(String(decoding: unix, as: UTF8.self), file: shown, log: log)
        let scalars = repaired.unicodeScalars
        let firstBad = scalars.firstIndex(of: "\u{FFFD}") ?? scalars.endIndex
        let good = scalars[..<firstBad]
        let line = good.count { $0 == "\n" } + 1
        let column = good.count - (good.lastIndex(of: "\n").map { good.distance(from: good.startIndex, to: $0) + 1 } ?? 0) + 1
        log.error(shown, line: line, column: column, "invalid UTF-8; save the file as UTF-8")
        return repaired
    }

    /// Up to `limit` bytes of a file, in a buffer the size the file says it is (plus a byte,
    /// to see one that grew); nil when it cannot be read.
    private static func read(_ descriptor: Int32, size: Int, upTo limit: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: min(max(size, 0), limit) + 1)
        var filled = 0
        while filled < limit {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, limit - bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
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
        /// The folder the last name is in (open, and owned by `folders`), and that name.
        case found(Int32, String)
        case missing
        /// A folder on the way is a symbolic link or not a folder: its path in the pack.
        case blocked(String)
    }

    /// The pack's folders, opened once each: a pack of ten thousand exhibits would otherwise
    /// open `Exhibits/` and its hall again for every file.
    private let folders: Folders

    init(root: String) {
        self.root = root
        folders = Folders(root: root)
    }

    /// Closes the folders opened so far; they are opened again if needed. A hall's reading
    /// closes its own when it is done, so a pack of many halls never holds more than a few
    /// folders open at once.
    func closeFolders() {
        folders.closeAll()
    }

    /// Finds the folder `relative` is in, opening the folders on the way one by one from the
    /// pack's directory, each without following a link, so nothing outside the pack is ever
    /// reached.
    private func locate(_ relative: String) -> Location {
        let parts = relative.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard let last = parts.last, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            return .blocked(relative)
        }
        return folders.open(parts.dropLast()).map { .found($0, last) } ?? folders.failure(parts.dropLast())
    }

    private final class Folders {
        let root: String
        private var open: [String: Int32] = [:]
        private var failed: [String: Location] = [:]

        init(root: String) { self.root = root }

        deinit { closeAll() }

        func closeAll() {
            open.values.forEach { close($0) }
            open = [:]
        }

        func open(_ parts: ArraySlice<String>) -> Int32? {
            let key = parts.joined(separator: "/")
            if let descriptor = open[key] { return descriptor }
            if failed[key] != nil { return nil }
            let descriptor: Int32
            if let name = parts.last {
                guard let parent = self.open(parts.dropLast()) else {
                    failed[key] = failure(parts.dropLast())
                    return nil
                }
                descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if descriptor < 0 { failed[key] = errno == ENOENT ? .missing : .blocked(key) }
            } else {
                descriptor = Glibc.open(root.isEmpty ? "." : root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if descriptor < 0 { failed[key] = .missing }
            }
            guard descriptor >= 0 else { return nil }
            open[key] = descriptor
            return descriptor
        }

        /// Why `parts` could not be opened.
        func failure(_ parts: ArraySlice<String>) -> Location { failed[parts.joined(separator: "/")] ?? .missing }
    }
}
