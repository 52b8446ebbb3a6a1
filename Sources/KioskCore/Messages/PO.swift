/// A gettext PO catalogue, as translators write it in Poedit or Weblate: entries of `msgctxt`,
/// `msgid`, `msgid_plural` and `msgstr` (or `msgstr[n]`), each with its translator comments,
/// and a header entry (the empty `msgid`) with `Language` and `Plural-Forms`.
///
/// Only what a catalogue of the kiosk's words needs is read: no previous-message (`#|`)
/// history, no obsolete entries (`#~`, skipped). Anything else is an error with its line,
/// and a bad entry is skipped without losing the rest of the file.
public struct POCatalogue: Sendable {
    public struct Entry: Equatable, Sendable {
        public var context: String?
        public var id: String
        public var idPlural: String?
        /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… in order.
        public var translations: [String]
        /// Translator comments (`#.` and `# `), for the template and for the curator.
        public var comments: [String]
        /// `#,` flags, such as `fuzzy`.
        public var flags: [String]
        /// The line of the entry's first keyword.
        public var line: Int

        /// A fuzzy entry is a translator's guess awaiting review: it is not used.
        public var isFuzzy: Bool { flags.contains("fuzzy") }
    }

    public struct Problem: Equatable, Sendable, Error {
        public var line: Int
        public var message: String
    }

    public var entries: [Entry] = []
    /// The header's fields (`Language: fr`, `Plural-Forms: …`), by name.
    public var header: [String: String] = [:]
    public var headerLine: Int?
    public var problems: [Problem] = []

    /// The largest catalogue read: the kiosk's words are a few kilobytes in any language.
    public static let largestFile = 1 << 20

    public init(entries: [Entry] = [], header: [String: String] = [:]) {
        self.entries = entries
        self.header = header
    }

    /// Parses a catalogue's text.
    public static func parse(_ text: String) -> POCatalogue {
        var catalogue = POCatalogue()
        var parser = Parser()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            parser.take(line, number: index + 1, into: &catalogue)
        }
        parser.finish(into: &catalogue)
        return catalogue
    }

    /// One entry being read, and the keyword whose string the next continuation line extends.
    private struct Parser {
        enum Field: Equatable { case context, id, idPlural, translation(Int) }

        var comments: [String] = []
        var flags: [String] = []
        var context: String?
        var id: String?
        var idPlural: String?
        var translations: [Int: String] = [:]
        var current: Field?
        var line = 0
        var broken = false

        var isEmpty: Bool { context == nil && id == nil && idPlural == nil && translations.isEmpty }

        mutating func take(_ raw: Substring, number: Int, into catalogue: inout POCatalogue) {
            var text = raw
            if text.hasSuffix("\r") { text = text.dropLast() }
            let trimmed = text.trimmingSpaces()
            if trimmed.isEmpty {
                finish(into: &catalogue)
                return
            }
            if trimmed.hasPrefix("#") {
                // A comment after an entry's strings begins the next entry.
                if !isEmpty { finish(into: &catalogue) }
                if trimmed.hasPrefix("#~") { return }
                if let flagText = trimmed.dropPrefix("#,") {
                    flags += flagText.split(separator: ",").map { String($0.trimmingSpaces()) }
                } else if let comment = trimmed.dropPrefix("#.") ?? trimmed.dropPrefix("# ") {
                    comments.append(String(comment.trimmingSpaces()))
                }
                return
            }
            if trimmed.hasPrefix("\"") {
                guard let field = current else {
                    problem("a string on its own, outside any msgid or msgstr", number, &catalogue)
                    return
                }
                guard let value = Self.string(trimmed, number, &catalogue) else {
                    broken = true
                    return
                }
                append(value, to: field)
                return
            }
            let keyword = trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "\"" }
            let rest = trimmed.dropFirst(keyword.count).trimmingSpaces()
            guard let field = Self.field(String(keyword)) else {
                problem("unknown keyword '\(Self.shown(keyword))': a PO entry has msgctxt, msgid, msgid_plural and msgstr", number, &catalogue)
                return
            }
            // msgctxt or msgid after a msgstr starts the next entry.
            if (field == .context || (field == .id && context == nil)), !translations.isEmpty || id != nil {
                finish(into: &catalogue)
            }
            if isEmpty { line = number }
            guard let value = Self.string(rest, number, &catalogue) else {
                broken = true
                current = nil
                return
            }
            guard !isSet(field) else {
                problem("a second \(keyword) in one entry", number, &catalogue)
                broken = true
                return
            }
            set(value, field)
            current = field
        }

        mutating func finish(into catalogue: inout POCatalogue) {
            defer { self = Parser() }
            guard !isEmpty else { return }
            guard !broken else { return }
            guard let id else {
                catalogue.problems.append(Problem(line: line, message: "an entry without msgid"))
                return
            }
            let count = (translations.keys.max() ?? -1) + 1
            guard count > 0, (0..<count).allSatisfy({ translations[$0] != nil }) else {
                catalogue.problems.append(Problem(line: line, message: "an entry without msgstr, or with a msgstr[n] missing"))
                return
            }
            if idPlural == nil && count > 1 {
                catalogue.problems.append(Problem(line: line, message: "plural forms (msgstr[n]) without msgid_plural"))
                return
            }
            let entry = Entry(context: context, id: id, idPlural: idPlural, translations: (0..<count).map { translations[$0]! },
                              comments: comments, flags: flags, line: line)
            if id.isEmpty && context == nil {
                catalogue.headerLine = line
                catalogue.header = Self.headerFields(entry.translations[0])
            } else {
                catalogue.entries.append(entry)
            }
        }

        private func isSet(_ field: Field) -> Bool {
            switch field {
            case .context: return context != nil
            case .id: return id != nil
            case .idPlural: return idPlural != nil
            case .translation(let index): return translations[index] != nil
            }
        }

        private mutating func set(_ value: String, _ field: Field) {
            switch field {
            case .context: context = value
            case .id: id = value
            case .idPlural: idPlural = value
            case .translation(let index): translations[index] = value
            }
        }

        private mutating func append(_ value: String, to field: Field) {
            switch field {
            case .context: context? += value
            case .id: id? += value
            case .idPlural: idPlural? += value
            case .translation(let index): translations[index]? += value
            }
        }

        private mutating func problem(_ message: String, _ number: Int, _ catalogue: inout POCatalogue) {
            catalogue.problems.append(Problem(line: number, message: message))
            broken = true
        }

        static func field(_ keyword: String) -> Field? {
            switch keyword {
            case "msgctxt": return .context
            case "msgid": return .id
            case "msgid_plural": return .idPlural
            case "msgstr": return .translation(0)
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                      let index = Int(keyword.dropFirst(7).dropLast()), (0..<10).contains(index) else { return nil }
                return .translation(index)
            }
        }

        /// A quoted C string with the escapes PO uses (\" \\ \n \t); nil, with the problem
        /// recorded, for anything else.
        static func string(_ text: Substring, _ line: Int, _ catalogue: inout POCatalogue) -> String? {
            guard text.first == "\"" else {
                catalogue.problems.append(Problem(line: line, message: "a string must be in double quotes"))
                return nil
            }
            var value = ""
            var escaped = false
            var closed = false
            for character in text.dropFirst() {
                if closed {
                    guard character == " " || character == "\t" else {
                        catalogue.problems.append(Problem(line: line, message: "text after the closing quote"))
                        return nil
                    }
                    continue
                }
                if escaped {
                    switch character {
                    case "\"": value.append("\"")
                    case "\\": value.append("\\")
                    case "n": value.append("\n")
                    case "t": value.append("\t")
                    default:
                        catalogue.problems.append(Problem(line: line, message: "unknown escape '\\\(shown(String(character)))': PO strings know \\\" \\\\ \\n \\t"))
                        return nil
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    closed = true
                } else {
                    value.append(character)
                }
            }
            guard closed else {
                catalogue.problems.append(Problem(line: line, message: "the string is not closed: end it with a double quote on the same line"))
                return nil
            }
            return value
        }

        /// `Name: value` lines of a header's msgstr.
        static func headerFields(_ text: String) -> [String: String] {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon]).trimmingSpaces().lowercased()] = String(line[line.index(after: colon)...].trimmingSpaces())
            }
            return fields
        }

        /// Text from a catalogue made safe to quote in a message for a terminal.
        static func shown(_ text: some StringProtocol) -> String {
            TerminalSafety.flattened(String(text.prefix(40)), replacingWith: "?")
        }
    }
}
