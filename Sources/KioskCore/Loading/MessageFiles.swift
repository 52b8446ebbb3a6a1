/// Reading a pack's message catalogues (`Messages/<language>.po`) and checking them as the
/// content is checked: every problem with its file and line, a bad entry left out without
/// losing the rest.
extension PackReading {
    static let messagesFolder = "Messages"

    /// The catalogues in the pack's `Messages/`, by language. `declared` are the pack's
    /// languages: a catalogue for another is read (it may be a language being added) and
    /// reported.
    func readCatalogues(declared: [String]) -> [String: Catalogue] {
        var catalogues: [String: Catalogue] = [:]
        switch files.kind(of: Self.messagesFolder) {
        case .missing: return [:]
        case .directory: break
        case .link:
            log.error(files.displayPath(Self.messagesFolder), line: 1, "a symbolic link: not read (links are not followed inside a pack)")
            return [:]
        case .file, .other:
            log.error(files.displayPath(Self.messagesFolder), line: 1, "Messages must be a folder of catalogues, Messages/<language>.po")
            return [:]
        }
        for name in files.list(Self.messagesFolder, log: log) {
            let relative = Self.messagesFolder + "/" + name
            let language = String(name.dropLast(3))
            guard name.hasSuffix(".po"), PackNames.isValidLanguage(language) else {
                // A template (.pot) is for translators; anything else is a mistake worth saying.
                if !name.hasSuffix(".pot") {
                    log.warning(files.displayPath(relative), line: 1, "ignored: a catalogue is named <language>.po, such as fr.po")
                }
                continue
            }
            guard let text = files.text(relative, log: log) else { continue }
            if !declared.contains(language) {
                log.warning(files.displayPath(relative), line: 1,
                            "a catalogue for '\(language)', which tour.yaml's languages do not list: it is not shown to visitors")
            }
            catalogues[language] = catalogue(POCatalogue.parse(text), language: language, path: files.displayPath(relative))
        }
        return catalogues
    }

    /// A parsed catalogue as the kiosk uses it, each entry checked against the message it
    /// names.
    private func catalogue(_ parsed: POCatalogue, language: String, path: String) -> Catalogue {
        for problem in parsed.problems { log.error(path, line: problem.line, problem.message) }
        let headerLine = parsed.headerLine ?? 1
        if let named = parsed.header["language"], !named.isEmpty, named != language, !named.hasPrefix(language + "_") {
            log.warning(path, line: headerLine, "the header says Language: \(shown(named)), but the file is \(language).po")
        }
        var plural = PluralRule.oneOther
        if let header = parsed.header["plural-forms"] {
            do {
                plural = try PluralRule(parsing: header)
            } catch {
                log.error(path, line: headerLine, error.message)
            }
        } else if parsed.entries.contains(where: { $0.idPlural != nil }) {
            log.warning(path, line: headerLine, "no Plural-Forms in the header: plural messages use two forms, for 1 and for the rest")
        }
        var forms: [Message: [String]] = [:]
        var lines: [Message: Int] = [:]
        for entry in parsed.entries {
            guard let name = entry.context else {
                log.warning(path, line: entry.line, "an entry without msgctxt: the kiosk names each message by its msgctxt")
                continue
            }
            guard let message = Message(rawValue: name) else {
                log.warning(path, line: entry.line, "'\(shown(name))' is not one of the kiosk's messages (museum-kiosk messages template lists them)")
                continue
            }
            if lines[message] != nil {
                log.warning(path, line: entry.line, "'\(name)' again: the first one, line \(lines[message]!), is used")
                continue
            }
            lines[message] = entry.line
            if entry.isFuzzy {
                log.warning(path, line: entry.line, "'\(name)' is marked fuzzy: it is not shown until a translator clears the mark")
                continue
            }
            if entry.translations.allSatisfy(\.isEmpty) { continue }
            guard let checked = check(entry, message, plural: plural, path: path) else { continue }
            forms[message] = checked
        }
        return Catalogue(language: language, path: path, plural: plural, forms: forms, lines: lines)
    }

    /// The entry's forms, or nil with the problem reported: the right number of forms, each
    /// with the placeholders the message gives it, each short enough for its place.
    private func check(_ entry: POCatalogue.Entry, _ message: Message, plural: PluralRule, path: String) -> [String]? {
        let name = message.rawValue
        if message.isPlural {
            guard entry.idPlural != nil else {
                log.error(path, line: entry.line, "'\(name)' has plural forms: give msgid_plural and msgstr[0] to msgstr[\(plural.count - 1)]")
                return nil
            }
            guard entry.translations.count == plural.count else {
                log.error(path, line: entry.line, "'\(name)' has \(entry.translations.count) forms, and Plural-Forms says nplurals=\(plural.count)")
                return nil
            }
        } else if entry.idPlural != nil {
            log.error(path, line: entry.line, "'\(name)' has no plural forms: give one msgstr")
            return nil
        }
        let expected = Set(0..<message.arguments)
        for form in entry.translations {
            guard !form.isEmpty else {
                log.warning(path, line: entry.line, "'\(name)' has an empty form: the message is shown in the pack's first language")
                return nil
            }
            let used = Messages.placeholders(in: form)
            let unknown = used.subtracting(expected)
            // A plural form may spell its number out ("one second"); every other placeholder
            // must be there.
            let lost = expected.subtracting(used).subtracting(message.isPlural ? [0] : [])
            if let first = (unknown.min() ?? lost.min()) {
                let what = unknown.contains(first) ? "uses {\(first)}, which the message does not give" : "has lost {\(first)}"
                log.error(path, line: entry.line, "'\(name)' \(what): its English has \(Self.placeholderList(message.arguments))")
                return nil
            }
            if let problem = TerminalSafety.problems(in: form).first?.problem {
                log.error(path, line: entry.line, "'\(name)': \(problem.message)")
                return nil
            }
            if let columns = message.columns {
                // Arguments filled in as a stop number or a count would fill them.
                let width = DisplayWidth.of(Messages.filled(form, Array(repeating: "000", count: message.arguments)))
                if width > columns {
                    log.warning(path, line: entry.line, "'\(name)' takes \(width) columns; its place leaves it \(columns) at 80 columns")
                }
            }
        }
        return entry.translations
    }

    private static func placeholderList(_ count: Int) -> String {
        count == 0 ? "no placeholder" : (0..<count).map { "{\($0)}" }.joined(separator: ", ")
    }

    /// Text from a catalogue, safe to quote in a finding.
    private func shown(_ text: String) -> String { TerminalSafety.flattened(String(text.prefix(40)), replacingWith: "?") }
}

/// Checks of the catalogues as a whole, once the pack's and the kiosk's are both read.
extension PackReading {
    /// How many missing messages are named one by one.
    static let missingNamed = 10

    /// Each declared language has its words: a catalogue, and every message in it (or in the
    /// kiosk's own catalogue for that language).
    func checkMessages(_ messages: Messages, declared: [String]) {
        for language in declared {
            let catalogues = messages.catalogues(of: language)
            // The first language is what every other falls back to: without its words the
            // kiosk has nothing to show but the messages' names.
            let fallback = language == messages.fallback ? "en" : messages.fallback
            let noFallback = !Message.allCases.allSatisfy { messages.has($0, in: fallback) }
            guard let own = catalogues.first else {
                let path = files.displayPath(Self.messagesFolder + "/\(language).po")
                let message = "no catalogue for '\(language)'; write one with: museum-kiosk messages template \(language)"
                if noFallback {
                    log.error(path, line: 1, message)
                } else {
                    log.warning(path, line: 1, message + " (until then the kiosk's words are shown in \(fallback), marked)")
                }
                continue
            }
            let missing = Message.allCases.filter { !messages.has($0, in: language) }
            // A catalogue just begun lacks most messages: the first few are named, the rest counted.
            for (index, message) in missing.enumerated() {
                let line = catalogues.compactMap { $0.lines[message] }.first ?? 1
                if !messages.has(message, in: fallback) {
                    log.error(own.path, line: line, "no \(language) text for '\(message.rawValue)', and none in \(fallback) to show instead")
                } else if index < Self.missingNamed {
                    log.warning(own.path, line: line, "no \(language) text for '\(message.rawValue)': it is shown in \(fallback), marked")
                } else if index == Self.missingNamed {
                    log.warning(own.path, line: 1, "and \(missing.count - index) more messages with no \(language) text; "
                                + "museum-kiosk messages template \(language) --write adds them all to fill in")
                }
            }
        }
    }
}

extension PackLoader {
    /// One catalogue of a pack as written, parsed but not checked, for the template command;
    /// nil, with the findings that say why, when there is none or it cannot be read.
    public static func catalogue(in directory: String, language: String) -> (catalogue: POCatalogue?, findings: [Finding]) {
        let reading = PackReading(files: PackFiles(root: directory))
        let relative = PackReading.messagesFolder + "/\(language).po"
        guard reading.files.kind(of: relative) != .missing, let text = reading.files.text(relative, log: reading.log) else {
            return (nil, reading.log.findings)
        }
        return (POCatalogue.parse(text), reading.log.findings)
    }
}
