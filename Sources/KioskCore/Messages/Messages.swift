/// One language's message catalogue, as read from a pack's `Messages/<language>.po`: each
/// message's forms (one, or one per plural form), and the plural rule that chooses a form.
public struct Catalogue: Sendable {
    public let language: String
    /// The file, as findings name it.
    public let path: String
    public let plural: PluralRule
    let forms: [Message: [String]]
    /// The line of each message's entry, for findings.
    let lines: [Message: Int]

    init(language: String, path: String, plural: PluralRule, forms: [Message: [String]], lines: [Message: Int]) {
        self.language = language
        self.path = path
        self.plural = plural
        self.forms = forms
        self.lines = lines
    }

    /// How many of the kiosk's messages it has.
    public var count: Int { forms.count }

    public func has(_ message: Message) -> Bool { forms[message] != nil }
}

/// The kiosk's words in a pack's languages: the pack's own catalogues, then the kiosk's (those
/// of the bundled pack), for each language; a message missing in the visitor's language is
/// shown in the pack's first language, marked with that language's code, as a text that is
/// not yet translated is.
public struct Messages: Sendable {
    /// By language: the catalogues to look in, the pack's first.
    let catalogues: [String: [Catalogue]]
    /// The language every message falls back to: the pack's first.
    public let fallback: String

    public init(catalogues: [String: [Catalogue]], fallback: String) {
        self.catalogues = catalogues
        self.fallback = fallback
    }

    /// No words at all: a pack read without catalogues shows each message's name.
    public static let none = Messages(catalogues: [:], fallback: "en")

    /// The message in `language`, its arguments in place of `{0}`, `{1}`….
    public func text(_ message: Message, _ language: String, _ arguments: String...) -> String {
        render(message, language, arguments, count: nil)
    }

    public func text(_ message: Message, _ language: String, arguments: [String]) -> String {
        render(message, language, arguments, count: nil)
    }

    /// A message with plural forms, in the form for `count`, which is also its `{0}`.
    public func text(_ message: Message, _ language: String, count: Int, _ more: String...) -> String {
        render(message, language, [String(count)] + more, count: count)
    }

    /// Whether `language` has the message in its own words, not a fallback's.
    public func has(_ message: Message, in language: String) -> Bool {
        catalogues[language]?.contains { $0.has(message) } ?? false
    }

    /// The languages that have a catalogue.
    public var languages: [String] { catalogues.keys.sorted() }

    /// The catalogues of a language, the pack's first.
    public func catalogues(of language: String) -> [Catalogue] { catalogues[language] ?? [] }

    private func render(_ message: Message, _ language: String, _ arguments: [String], count: Int?) -> String {
        var chosen: (forms: [String], catalogue: Catalogue)?
        var marked: String?
        for candidate in [language, fallback, "en"] {
            if let catalogue = catalogues[candidate]?.first(where: { $0.has(message) }), let forms = catalogue.forms[message] {
                chosen = (forms, catalogue)
                if candidate != language { marked = candidate }
                break
            }
        }
        guard let (forms, catalogue) = chosen else { return message.rawValue }
        let text = Self.filled(forms[count.map { min(catalogue.plural.form(for: $0), forms.count - 1) } ?? 0], arguments)
        // A fallback says which language it is in, so a visitor knows it is not theirs.
        return marked.map { "[\($0)] " + text } ?? text
    }

    /// `{0}`, `{1}`… replaced by the arguments, in one pass: an argument's own text (a hall's
    /// title with braces in it) is never read as a placeholder.
    static func filled(_ text: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let index = Int(after[..<close]), arguments.indices.contains(index) {
                result += arguments[index]
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }

    /// The placeholders a text uses: the numbers inside `{…}`.
    static func placeholders(in text: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if let index = Int(after[..<close]) { found.insert(index) }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}
