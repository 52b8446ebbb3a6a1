/// Reading a hall's narrative and its exhibits.
extension PackReading {
    struct NarrativeReading {
        var text: Translated<Narrative>
        var advisories: [String]
        var forAdults: Bool
    }

    /// `Narratives/<id>.md` and its translations.
    func readNarrative(of hall: TourSpec.HallEntry) -> NarrativeReading? {
        let relative = "Narratives/\(hall.id).md"
        if files.kind(of: relative) == .missing {
            log.error(files.displayPath(PackReading.tourFile), line: hall.line,
                      "hall '\(hall.id)' has no narrative: write \(files.displayPath(relative))")
            return nil
        }
        guard let document = readDocument(relative) else { return nil }
        let fields = document.fields
        fields.warnUnknown(known: ["title", "summary", "advisory", "sources", "translation", "for_adults", "young_label"])
        let title = fields.string("title")
        let summary = self.summary(fields)
        let advisories = self.advisoryTags(fields)
        let forAdults = fields.bool("for_adults") ?? false
        let sources = self.sources(fields, required: true)
        let status = translationStatus(fields, isTranslation: false)
        let (label, more) = layers(of: document, moreLimit: (TextChecks.hallMoreWordLimit, "a hall's"))
        if label.isEmpty { fields.error(at: nil, "the narrative is empty: write the hall's label after the front matter") }
        let youngLabel = self.youngLabel(fields)
        guard let title, let summary, let sources else { return nil }
        let original = Narrative(title: title, summary: summary, sources: sources, translation: status,
                                 label: label, more: more, youngLabel: youngLabel, fromOriginal: [])

        var translations: [String: Narrative] = [:]
        for (language, relative) in translationFiles(of: hall.id, in: "Narratives") {
            guard let document = readDocument(relative) else { continue }
            let fields = document.fields
            fields.warnUnknown(known: ["title", "summary", "sources", "translation", "young_label", "advisory", "for_adults"])
            for key in ["advisory", "for_adults"] {
                if let node = fields.node(key) {
                    fields.warning(at: node, "'\(key)' is read from the original, \(hall.id).md, for every language")
                }
            }
            let title = fields.string("title")
            let summary = self.summary(fields)
            let sources = self.sources(fields, required: false)
            let status = translationStatus(fields, isTranslation: true)
            let layers = layers(of: document, moreLimit: nil)
            let youngLabel = self.youngLabel(fields)
            guard let title, let summary else { continue }
            var fromOriginal: Set<TextPart> = sources == nil ? [.sources] : []
            let (label, more) = Self.translated(layers, original: original, &fromOriginal)
            translations[language] = Narrative(
                title: title, summary: summary, sources: sources ?? original.sources, translation: status,
                label: label, more: more, youngLabel: Self.translated(youngLabel, original: original, &fromOriginal),
                fromOriginal: fromOriginal)
        }
        return NarrativeReading(text: Translated(original: original, translations: translations),
                                advisories: advisories, forAdults: forAdults)
    }

    static let exhibitRecordFields = ["object_number", "stop", "record_source", "advisory", "graphic", "for_adults"]
    static let exhibitTextFields = ["title", "summary", "object_name", "date", "maker", "materials",
                                    "dimensions", "credit_line", "rights", "sources", "translation", "young_label"]

    /// `Exhibits/<hall-id>/*.md`, in file-name order, each with its translations.
    func readExhibits(of hall: TourSpec.HallEntry) -> [Exhibit] {
        let folder = "Exhibits/\(hall.id)"
        guard files.kind(of: folder) == .directory else { return [] }
        var exhibits: [Exhibit] = []
        for name in files.list(folder, log: log) {
            guard let (id, language) = PackNames.split(fileName: name), language == nil else { continue }
            if !PackNames.isValidID(id) {
                log.error(files.displayPath("\(folder)/\(name)"), line: 1,
                          "exhibit file names must be lowercase letters, digits and hyphens, then .md")
                continue
            }
            if let exhibit = readExhibit(id: id, folder: folder) { exhibits.append(exhibit) }
        }
        return exhibits
    }

    private func readExhibit(id: String, folder: String) -> Exhibit? {
        guard let document = readDocument("\(folder)/\(id).md") else { return nil }
        let fields = document.fields
        fields.warnUnknown(known: Self.exhibitRecordFields + Self.exhibitTextFields)
        let objectNumber = fields.string("object_number")
        let stop = fields.int("stop", required: false, in: 0...999_999)
        if let stop { claimStop(stop, by: "exhibit '\(id)'", fields: fields) }
        if objectNumber != nil { claimObjectNumber(fields) }
        let recordSource = readRecordSource(fields)
        let advisories = self.advisoryTags(fields)
        let graphic = fields.bool("graphic") ?? false
        let forAdults = fields.bool("for_adults") ?? false
        let original = readExhibitText(fields, document: document, fallback: nil)
        if let objectNumber, let recordSource {
            let isDemo = objectNumber.hasPrefix("DEMO")
            if recordSource == .demonstration && !isDemo {
                fields.warning(at: fields.node("object_number"), "a demonstration record's object number starts with DEMO, so that nobody takes it for the museum's own")
            } else if recordSource == .collection && isDemo {
                fields.warning(at: fields.node("object_number"), "object number starts with DEMO but record_source is collection")
            }
        }
        guard let objectNumber, let recordSource, let original else { return nil }

        var translations: [String: ExhibitText] = [:]
        for (language, relative) in translationFiles(of: id, in: folder) {
            guard let document = readDocument(relative) else { continue }
            let fields = document.fields
            fields.warnUnknown(known: Self.exhibitTextFields + Self.exhibitRecordFields)
            for key in Self.exhibitRecordFields {
                if let node = fields.node(key) {
                    fields.warning(at: node, "'\(key)' is read from the original, \(id).md, for every language")
                }
            }
            if let text = readExhibitText(fields, document: document, fallback: original) {
                translations[language] = text
            }
        }
        return Exhibit(id: id, stop: stop, objectNumber: objectNumber, recordSource: recordSource,
                       advisories: advisories, graphic: graphic, forAdults: forAdults,
                       text: Translated(original: original, translations: translations))
    }

    private func readRecordSource(_ fields: YAMLFields) -> Exhibit.RecordSource? {
        guard let value = fields.string("record_source") else { return nil }
        guard let source = Exhibit.RecordSource(rawValue: value) else {
            fields.error(at: fields.node("record_source"), "'record_source' must be demonstration (a stand-in record) or collection (the museum's catalogue)")
            return nil
        }
        return source
    }

    /// An exhibit's texts. A translation (with `fallback`, its original) may leave any field
    /// out and is then shown the original's.
    private func readExhibitText(_ fields: YAMLFields, document: (fields: YAMLFields, file: FrontMatterFile, path: String),
                                 fallback: ExhibitText?) -> ExhibitText? {
        let isTranslation = fallback != nil
        var fromOriginal: Set<TextPart> = []
        func given<Value>(_ value: Value?, _ part: TextPart, _ original: KeyPath<ExhibitText, Value>) -> Value? {
            guard let fallback, value == nil else { return value }
            fromOriginal.insert(part)
            return fallback[keyPath: original]
        }
        func text(_ key: String, _ part: TextPart, _ original: KeyPath<ExhibitText, String>) -> String? {
            given(fields.string(key, required: !isTranslation), part, original)
        }
        /// A record field the museum may not know: left out, it is empty and not shown, and a
        /// translation has nothing of the original's to stand in for.
        func optional(_ key: String, _ part: TextPart, _ original: KeyPath<ExhibitText, String>) -> String {
            if let value = fields.string(key, required: false) { return value }
            guard let fallback, !fallback[keyPath: original].isEmpty else { return "" }
            fromOriginal.insert(part)
            return fallback[keyPath: original]
        }
        let title = text("title", .title, \.title)
        let summary = given(self.summary(fields, required: !isTranslation), .summary, \.summary)
        let objectName = text("object_name", .objectName, \.objectName)
        let date = text("date", .date, \.date)
        let maker = optional("maker", .maker, \.maker)
        let materials = optional("materials", .materials, \.materials)
        let dimensions = optional("dimensions", .dimensions, \.dimensions)
        let creditLine = optional("credit_line", .creditLine, \.creditLine)
        let rights = optional("rights", .rights, \.rights)
        let sources = given(self.sources(fields, required: !isTranslation), .sources, \.sources)
        let status = translationStatus(fields, isTranslation: isTranslation)
        var (label, more) = layers(of: document, moreLimit: isTranslation ? nil : (TextChecks.exhibitMoreWordLimit, "an exhibit's"))
        var youngLabel = self.youngLabel(fields)
        if let fallback {
            (label, more) = Self.translated((label, more), original: fallback, &fromOriginal)
            youngLabel = Self.translated(youngLabel, original: fallback, &fromOriginal)
        } else if label.isEmpty {
            fields.error(at: nil, "the label is empty: write it after the front matter")
        }
        guard let title, let summary, let objectName, let date, let sources else { return nil }
        return ExhibitText(
            title: title, summary: summary, objectName: objectName, date: date, maker: maker,
            materials: materials, dimensions: dimensions, creditLine: creditLine, rights: rights,
            sources: sources, translation: status, label: label, more: more, youngLabel: youngLabel,
            fromOriginal: fromOriginal)
    }

    /// A translation's label and "read more" layer, the original's standing in for each one
    /// it leaves out, and noted in `fromOriginal` (a "read more" only where the original has one).
    static func translated(_ layers: (label: [Block], more: [Block]), original: some StopText,
                           _ fromOriginal: inout Set<TextPart>) -> (label: [Block], more: [Block]) {
        if layers.label.isEmpty { fromOriginal.insert(.label) }
        if layers.more.isEmpty && !original.more.isEmpty { fromOriginal.insert(.more) }
        return (layers.label.isEmpty ? original.label : layers.label, layers.more.isEmpty ? original.more : layers.more)
    }

    /// A translation's label for young readers, or the original's where it gives none and
    /// the original has one: a young visitor reads the young label in the original rather
    /// than the label for adults in their language.
    static func translated(_ youngLabel: [Block], original: some StopText, _ fromOriginal: inout Set<TextPart>) -> [Block] {
        guard youngLabel.isEmpty, !original.youngLabel.isEmpty else { return youngLabel }
        fromOriginal.insert(.youngLabel)
        return original.youngLabel
    }
}
