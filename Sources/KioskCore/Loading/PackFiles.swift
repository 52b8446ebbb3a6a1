import Foundation

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

    private func fullPath(_ relative: String) -> String { displayPath(relative) }

    enum Kind { case missing, file, directory, other }

    /// What is at `relative`, without following a symbolic link.
    func kind(of relative: String) -> Kind {
        var info = stat()
        guard lstat(fullPath(relative), &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The names in a directory of the pack, sorted by name; hidden files left out.
    func list(_ relative: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fullPath(relative))) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The text of a file, or nil with a finding saying why it cannot be read. Invalid UTF-8
    /// is an error (with its line); the text is still returned with U+FFFD in its place, so
    /// the rest of the file can be checked.
    func text(_ relative: String, log: FindingLog) -> String? {
        let shown = displayPath(relative)
        switch kind(of: relative) {
        case .missing:
            log.error(shown, line: 1, "file not found")
            return nil
        case .directory, .other:
            log.error(shown, line: 1, "not a regular file (symbolic links and devices are not read)")
            return nil
        case .file:
            break
        }
        guard let handle = FileHandle(forReadingAtPath: fullPath(relative)) else {
            log.error(shown, line: 1, "cannot be read (permission denied?)")
            return nil
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.maximumFileSize + 1)) ?? Data()
        if data.count > Self.maximumFileSize {
            log.error(shown, line: 1, "file is larger than \(Self.maximumFileSize / 1024) KiB; a narrative or label is a few kilobytes")
            return nil
        }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        let repaired = String(decoding: bytes, as: UTF8.self)
        let scalars = repaired.unicodeScalars
        let firstBad = scalars.firstIndex(of: "\u{FFFD}") ?? scalars.endIndex
        let before = scalars[..<firstBad]
        let line = before.count { $0 == "\n" } + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        log.error(shown, line: line, column: column, "invalid UTF-8; save the file as UTF-8")
        return repaired.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
