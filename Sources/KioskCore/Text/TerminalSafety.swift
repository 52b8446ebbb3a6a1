/// Which characters from a content pack may reach a terminal.
///
/// Pack text is untrusted: an escape sequence in a label could move the cursor, change the
/// title of the window or worse, and a bidirectional override can make a label read differently
/// from how it is stored. Every string is cleaned when it is loaded, and `validate` reports what
/// it removed, with the line.
public enum TerminalSafety {
    /// What is wrong with a character that may not be shown.
    public enum Problem: Equatable, Sendable {
        case control(Unicode.Scalar)
        case bidirectional(Unicode.Scalar)
        case invisible(Unicode.Scalar)

        public var message: String {
            switch self {
            case .control(let scalar) where scalar == "\u{1B}":
                return "escape character (U+001B) in text; terminal control sequences are not allowed"
            case .control(let scalar):
                return "control character \(scalar.codePoint) in text"
            case .bidirectional(let scalar):
                return "bidirectional control \(scalar.codePoint) in text; it can make text read differently from how it is stored"
            case .invisible(let scalar):
                return "invisible format character \(scalar.codePoint) in text"
            }
        }
    }

    /// The problem with `scalar`, or nil when it may be shown. Newline and tab are layout,
    /// not problems; the cleaner turns them into spaces where a line is expected.
    public static func problem(with scalar: Unicode.Scalar) -> Problem? {
        switch scalar.value {
        // Printable ASCII, most of what a pack holds, without a look at Unicode's tables.
        case 0x20...0x7E, 0x0A, 0x09:
            return nil
        case 0x00...0x1F, 0x7F...0x9F:
            return .control(scalar)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return .bidirectional(scalar)
        // Latin, Greek, Cyrillic, Armenian, Hebrew: of these only the soft hyphen is a format
        // character (checked against the properties in FastTextTests).
        case 0xAD:
            return .invisible(scalar)
        case 0xA0..<0x600:
            return nil
        case 0x2028, 0x2029:
            return .invisible(scalar)
        default:
            return scalar.properties.generalCategory == .format ? .invisible(scalar) : nil
        }
    }

    /// `text` with every unsafe character removed; tabs become spaces, and so do newlines
    /// unless `keepingNewlines`.
    public static func clean(_ text: String, keepingNewlines: Bool = false) -> String {
        // Most text is clean: do not rebuild it.
        if !text.unicodeScalars.contains(where: { needsWork($0, keepingNewlines: keepingNewlines) }) {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || (scalar == "\n" && !keepingNewlines) {
                scalars.append(" ")
            } else if problem(with: scalar) == nil {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `text` on one line, every character that may not reach a terminal, newlines and tabs
    /// too, made `replacement`: for text shown as it came (a log line, a reply in plain mode).
    public static func flattened(_ text: String, replacingWith replacement: Unicode.Scalar) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == "\n" || scalar == "\t" || problem(with: scalar) != nil ? replacement : scalar
        }))
    }

    /// Every unsafe character in `text`, with its 1-based line and column (in scalars, as the
    /// YAML parser counts), for findings that point at the exact place.
    public static func problems(in text: String) -> [(line: Int, column: Int, problem: Problem)] {
        var found: [(line: Int, column: Int, problem: Problem)] = []
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            // Printable ASCII first, without a call: most of every pack.
            if scalar.value >= 0x20 && scalar.value < 0x7F {
                column += 1
                continue
            }
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if let problem = problem(with: scalar) {
                found.append((line, column, problem))
            }
            column += 1
        }
        return found
    }

    private static func needsWork(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }
        if scalar == "\n" { return !keepingNewlines }
        return scalar == "\t" || problem(with: scalar) != nil
    }
}

extension Unicode.Scalar {
    /// "U+001B": how a curator looks a character up.
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
