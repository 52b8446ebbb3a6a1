import Glibc

/// A Linux console font (PSF, version 1 or 2, not compressed), as far as the kiosk needs it:
/// the characters its Unicode table maps to a glyph. The console shows any other character
/// as the font's replacement glyph (U+FFFD), or as "?" when it has none, so a pack's text
/// is checked against it (`validate`), and the kiosk's own font against the pack and the
/// kiosk's symbols (ConsoleFontTests).
public struct ConsoleFont: Sendable {
    /// The file's name, as findings name the font.
    public let name: String
    public let glyphCount: Int
    public let width: Int
    public let height: Int
    /// Every character mapped to a glyph (sequences of several characters left out: the kiosk
    /// shows characters one at a time).
    public let characters: Set<Unicode.Scalar>

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case compressed
        case notPSF
        case noUnicodeTable
        case badUnicodeTable
        case truncated

        public var description: String {
            switch self {
            case .unreadable(let why): "cannot be read: \(why)"
            case .compressed: "is compressed; give the font uncompressed (gunzip it)"
            case .notPSF: "is not a console font (PSF 1 or 2)"
            case .noUnicodeTable: "has no Unicode table, so which characters it shows is not known"
            case .badUnicodeTable: "has a Unicode table that is not UTF-8"
            case .truncated: "is cut short"
            }
        }
    }

    public func canShow(_ scalar: Unicode.Scalar) -> Bool { characters.contains(scalar) }

    /// What the console shows in place of a character the font lacks.
    var replacement: String { canShow("\u{FFFD}") ? "the font's replacement mark" : "'?'" }

    public init(psf bytes: [UInt8], name: String) throws(Problem) {
        self.name = name
        if bytes.starts(with: [0x1F, 0x8B]) { throw .compressed }
        if bytes.starts(with: [0x36, 0x04]) {
            // PSF 1: a 4-byte header; 256 or 512 glyphs 8 pixels wide; a table of 16-bit
            // little-endian code points, 0xFFFE before sequences, 0xFFFF after each glyph's.
            guard bytes.count >= 4 else { throw .truncated }
            let mode = bytes[2]
            guard mode & 0x02 != 0 else { throw .noUnicodeTable }
            glyphCount = mode & 0x01 != 0 ? 512 : 256
            (width, height) = (8, Int(bytes[3]))
            var offset = 4 + glyphCount * height
            var found: Set<Unicode.Scalar> = []
            for _ in 0..<glyphCount {
                var inSequences = false
                while true {
                    guard offset + 1 < bytes.count else { throw .truncated }
                    let unit = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
                    offset += 2
                    if unit == 0xFFFF { break }
                    if unit == 0xFFFE { inSequences = true }
                    if !inSequences, let scalar = Unicode.Scalar(unit) { found.insert(scalar) }
                }
            }
            characters = found
        } else if bytes.starts(with: [0x72, 0xB5, 0x4A, 0x86]) {
            // PSF 2: a header of little-endian 32-bit fields; a table of UTF-8 text per glyph,
            // 0xFE before sequences, 0xFF after each glyph's.
            guard bytes.count >= 32 else { throw .truncated }
            func field(_ index: Int) -> Int {
                (0..<4).reduce(0) { $0 | Int(bytes[index * 4 + $1]) << (8 * $1) }
            }
            let (headerSize, flags, count, glyphSize) = (field(2), field(3), field(4), field(5))
            (height, width, glyphCount) = (field(6), field(7), count)
            guard flags & 0x01 != 0 else { throw .noUnicodeTable }
            var offset = headerSize + count * glyphSize
            guard headerSize >= 32, count <= 1 << 16, glyphSize <= 1 << 16, offset <= bytes.count else { throw .truncated }
            var found: Set<Unicode.Scalar> = []
            for _ in 0..<count {
                guard let end = bytes[offset...].firstIndex(of: 0xFF) else { throw .truncated }
                let singles = Array(bytes[offset..<end].prefix { $0 != 0xFE })
                guard let text = String(validating: singles, as: UTF8.self) else { throw .badUnicodeTable }
                found.formUnion(text.unicodeScalars)
                offset = end + 1
            }
            characters = found
        } else {
            throw .notPSF
        }
    }

    /// Reads the font at `path`; its name in findings is the file's.
    public static func read(path: String) throws(Problem) -> ConsoleFont {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= 4 << 20 {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw .unreadable(String(cString: strerror(errno))) }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return try ConsoleFont(psf: bytes, name: name)
    }
}

extension ConsoleFont {
    /// A warning for each text file of the pack in `directory` with a character this font
    /// cannot show: the first such character with its line and column, and how many others
    /// the file has. Comments of tour.yaml, of front matter and of catalogues are not shown to
    /// visitors and are not checked; neither are control characters, which the pack's own
    /// checks refuse.
    public func findings(inPack directory: String) -> [Finding] {
        let files = PackFiles(root: directory)
        // What cannot be read is validate's own finding, not the font's.
        let ignored = FindingLog(keepsWarnings: false)
        var relatives: [String] = []
        for name in files.list("Narratives", log: ignored) where name.hasSuffix(".md") || name.hasSuffix(".yaml") {
            relatives.append("Narratives/" + name)
        }
        for hall in files.list("Exhibits", log: ignored) where files.kind(of: "Exhibits/" + hall) == .directory {
            relatives += files.list("Exhibits/" + hall, log: ignored).filter { $0.hasSuffix(".md") }.map { "Exhibits/\(hall)/\($0)" }
            files.closeFolders()
        }
        relatives += files.list("Messages", log: ignored).filter { $0.hasSuffix(".po") }.map { "Messages/" + $0 }
        var findings: [Finding] = []
        for relative in relatives where files.kind(of: relative) == .file {
            guard let text = files.text(relative, log: ignored) else { continue }
            if let finding = finding(in: text, file: files.displayPath(relative), markdown: relative.hasSuffix(".md")) {
                findings.append(finding)
            }
        }
        return findings
    }

    /// The warning for one file's text, or nil when the font shows all of it.
    func finding(in text: String, file: String, markdown: Bool) -> Finding? {
        var first: (scalar: Unicode.Scalar, line: Int, column: Int)?
        var others: [Unicode.Scalar] = []
        var inFrontMatter = false
        for (index, line) in text.lines.enumerated() {
            if markdown, line == "---", index == 0 || inFrontMatter {
                inFrontMatter = index == 0
                continue
            }
            // A YAML or PO comment is never shown.
            if !markdown || inFrontMatter, line.trimmingSpaces().hasPrefix("#") { continue }
            for (column, scalar) in line.unicodeScalars.enumerated()
            where scalar.value >= 0x20 && scalar.value != 0x7F && !canShow(scalar) {
                if first == nil {
                    first = (scalar, index + 1, column + 1)
                } else if scalar != first?.scalar && !others.contains(scalar) {
                    others.append(scalar)
                }
            }
        }
        guard let first else { return nil }
        let more = others.isEmpty ? "" : "; the file has \(others.count) more it cannot show: "
            + others.prefix(5).map { "'\($0)' (\($0.codePoint))" }.joined(separator: ", ") + (others.count > 5 ? ", …" : "")
        return Finding(.warning, file, line: first.line, column: first.column,
                       "the console font \(name) has no '\(first.scalar)' (\(first.scalar.codePoint)): a visitor at the stand's console sees \(replacement) in its place\(more)")
    }
}
