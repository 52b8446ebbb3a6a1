/// The fields of one YAML mapping, read with findings for every missing, mistyped, unsafe or
/// unknown field, each at the line where the curator wrote it.
struct YAMLFields {
    let file: String
    let lineOffset: Int
    let log: FindingLog
    let line: Int
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    /// Reads `node` as a mapping, or logs that it is not one.
    init?(_ node: Node?, file: String, lineOffset: Int, log: FindingLog, what: String, line fallbackLine: Int = 1) {
        self.file = file
        self.lineOffset = lineOffset
        self.log = log
        guard let node, case .mapping(let mapping) = node else {
            let at = node?.mark.map { $0.line + lineOffset } ?? fallbackLine
            log.error(file, line: at, column: node?.mark?.column, "\(what) must be a set of 'name: value' fields")
            return nil
        }
        self.line = (mapping.mark?.line ?? 1) + lineOffset
        self.pairs = mapping.map { pair in (pair.key.scalar?.string ?? "", pair.key, pair.value) }
    }

    var keys: [String] { pairs.map(\.key) }

    func node(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    /// Where `key` itself is written, for findings about the name rather than its value.
    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    func place(of node: Node) -> (line: Int, column: Int?) {
        guard let mark = node.mark else { return (line, nil) }
        return (mark.line + lineOffset, mark.column)
    }

    func error(at node: Node?, _ message: String) {
        let (line, column) = node.map(place(of:)) ?? (self.line, nil)
        log.error(file, line: line, column: column, message)
    }

    func warning(at node: Node?, _ message: String) {
        let (line, column) = node.map(place(of:)) ?? (self.line, nil)
        log.warning(file, line: line, column: column, message)
    }

    /// A text field, cleaned for the terminal. An empty or missing required field is an error.
    func string(_ key: String, required: Bool = true) -> String? {
        guard let value = node(key) else {
            if required { error(at: nil, "missing field '\(key)'") }
            return nil
        }
        guard let scalar = value.scalar else {
            error(at: value, "'\(key)' must be a text")
            return nil
        }
        // `~` and `null` are YAML's way of writing nothing, not a text to show.
        let isNull = scalar.isPlain && ["~", "null", "Null", "NULL"].contains(scalar.string)
        guard !scalar.string.trimmingSpaces().isEmpty, !isNull else {
            if required { error(at: value, "'\(key)' is empty") }
            return nil
        }
        return cleaned(scalar.string, at: value)
    }

    /// A whole number in `range`.
    func int(_ key: String, required: Bool = true, in range: ClosedRange<Int>) -> Int? {
        guard let value = node(key) else {
            if required { error(at: nil, "missing field '\(key)'") }
            return nil
        }
        guard let text = value.scalar?.string, let number = Int(text), range.contains(number) else {
            error(at: value, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// true or false.
    func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        switch value.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(at: value, "'\(key)' must be true or false")
            return nil
        }
    }

    /// A list of texts, such as `[violence]` or one "- " line per item.
    func strings(_ key: String, required: Bool = true) -> [String]? {
        items(key, required: required)?.map(\.text)
    }

    /// A list of texts, each with its node, for findings about one item.
    func items(_ key: String, required: Bool = true) -> [(text: String, node: Node)]? {
        guard let value = node(key) else {
            if required { error(at: nil, "missing field '\(key)'") }
            return nil
        }
        guard case .sequence(let sequence) = value else {
            error(at: value, "'\(key)' must be a list, such as [a, b] or one '- ' line per item")
            return nil
        }
        var items: [(text: String, node: Node)] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                error(at: item, "each item of '\(key)' must be a text")
                continue
            }
            items.append((cleaned(text, at: item), item))
        }
        return items
    }

    /// A translatable text: a plain string in the default language, or a map from language
    /// code to text. Languages the tour does not declare are warned about; the default
    /// language must be there, since every text falls back to it.
    func localized(_ key: String, required: Bool = true, languages: [String]) -> LocalizedText? {
        guard let value = node(key) else {
            if required { error(at: nil, "missing field '\(key)'") }
            return nil
        }
        let defaultLanguage = languages.first ?? "en"
        if let scalar = value.scalar {
            return LocalizedText([defaultLanguage: cleaned(scalar.string, at: value)])
        }
        guard case .mapping = value else {
            error(at: value, "'\(key)' must be a text, or a text per language such as {en: …, az: …}")
            return nil
        }
        guard let fields = YAMLFields(value, file: file, lineOffset: lineOffset, log: log,
                                      what: "'\(key)'") else { return nil }
        var texts: [String: String] = [:]
        for language in fields.keys {
            if !languages.isEmpty && !languages.contains(language) {
                fields.warning(at: fields.keyNode(language), "'\(key)' has text in '\(language)', which tour.yaml does not declare in 'languages'")
            }
            if let text = fields.string(language, required: false) { texts[language] = text }
        }
        if texts[defaultLanguage] == nil && !languages.isEmpty {
            error(at: keyNode(key) ?? value, "'\(key)' has no text in the default language '\(defaultLanguage)'")
        }
        return LocalizedText(texts)
    }

    /// Warns about each field not in `known`, naming the known one it most resembles.
    func warnUnknown(known: [String]) {
        for (key, keyNode, _) in pairs where !known.contains(key) {
            let nearest = known.min { editDistance(key, $0) < editDistance(key, $1) }
            let hint = nearest.flatMap { editDistance(key, $0) <= max(2, key.count / 3) ? " (did you mean '\($0)'?)" : nil } ?? ""
            warning(at: keyNode, "unknown field '\(key)'\(hint)")
        }
    }

    private func cleaned(_ text: String, at node: Node) -> String {
        if let problem = TerminalSafety.problems(in: text).first?.problem {
            error(at: node, problem.message)
        }
        if log.keepsWarnings, let word = MixedScripts.words(in: text).first {
            warning(at: node, word.message)
        }
        let joined = DigitGroups.joined(TerminalSafety.clean(text))
        if log.keepsWarnings {
            for number in joined.numbers { warning(at: node, DigitGroups.warning(number)) }
        }
        return joined.text
    }
}

/// The number of single-character edits that turn one word into another.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
