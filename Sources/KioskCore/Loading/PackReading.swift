/// One reading of a pack: the files, the findings so far, and what `tour.yaml` declared, which
/// the halls' files are checked against.
final class PackReading {
    let files: PackFiles
    let log: FindingLog
    private(set) var languages: [String] = ["en"]
    private(set) var advisoryTags: [String] = []
    /// The stops and object numbers taken so far, in reading order: a duplicate is only known
    /// once every hall is read, so they are checked then (`settleClaims`).
    private(set) var claims: [Claim] = []

    static let tourFile = "Narratives/tour.yaml"
    static let supportedFormat = 1

    init(files: PackFiles, keepsWarnings: Bool = true) {
        self.files = files
        log = FindingLog(keepsWarnings: keepsWarnings)
    }

    /// Reads `Narratives/tour.yaml`, or nil when it cannot be read at all.
    func readTour() -> TourSpec? {
        let path = files.displayPath(Self.tourFile)
        guard files.kind(of: Self.tourFile) != .missing else {
            log.error(path, line: 1, "not a content pack: a pack starts with Narratives/tour.yaml, and there is none")
            return nil
        }
        guard let text = files.text(Self.tourFile, log: log),
              let root = YAMLDocument.parse(text, file: path, firstLine: 1, log: log),
              let fields = YAMLFields(root, file: path, lineOffset: 0, log: log, what: "tour.yaml")
        else { return nil }

        fields.warnUnknown(known: ["format", "languages", "museum", "floor", "advisories", "halls", "remembrance", "welcome",
                                   "advisory_introduction", "age_guidance", "commemorations", "tours", "names"])
        // Another format may mean other things by the same fields: read no further.
        guard let format = fields.int("format", in: 0...Int.max) else { return nil }
        guard format == Self.supportedFormat else {
            fields.error(at: fields.node("format"), "format \(format) is not one this kiosk reads; it reads format \(Self.supportedFormat)")
            return nil
        }
        languages = readLanguages(fields)
        if fields.node("museum") == nil { fields.error(at: nil, "missing field 'museum': its 'name' is on every screen") }
        let museum = fields.node("museum").flatMap {
            YAMLFields($0, file: path, lineOffset: 0, log: log, what: "'museum'", line: fields.line)
        }
        museum?.warnUnknown(known: ["name", "address"])
        let name = museum?.localized("name", languages: languages)
        let address = museum?.localized("address", required: false, languages: languages)
        let floor = fields.localized("floor", languages: languages)
        let advisories = readAdvisories(fields, path: path)
        let (halls, listedIDs) = readHalls(fields, path: path)
        // The museum's own words about the tour, each shown only where the pack gives it.
        let words = MuseumWords(
            welcome: fields.localized("welcome", required: false, languages: languages) ?? LocalizedText([:]),
            advisoryIntroduction: fields.localized("advisory_introduction", required: false, languages: languages) ?? LocalizedText([:]),
            ageGuidance: fields.localized("age_guidance", required: false, languages: languages) ?? LocalizedText([:]))
        return TourSpec(languages: languages, museumName: name ?? LocalizedText([:]),
                        address: address ?? LocalizedText([:]), floor: floor ?? LocalizedText([:]),
                        advisories: advisories, halls: halls, listedIDs: listedIDs,
                        remembrance: readRemembrance(fields, listedIDs: listedIDs), museumWords: words,
                        commemorations: readCommemorations(fields, languages: languages),
                        tours: readTours(fields, languages: languages), names: readNames(fields))
    }

    /// `remembrance:`, the hall `x` steps out to; it must be a hall the tour lists.
    private func readRemembrance(_ fields: YAMLFields, listedIDs: Set<String>) -> String? {
        guard let id = fields.string("remembrance", required: false) else { return nil }
        guard listedIDs.contains(id) else {
            fields.error(at: fields.node("remembrance"), "remembrance: '\(id)' is not a hall of the tour")
            return nil
        }
        return id
    }

    private func readLanguages(_ fields: YAMLFields) -> [String] {
        guard let codes = fields.items("languages"), !codes.isEmpty else {
            if fields.node("languages") != nil {
                fields.error(at: fields.node("languages"), "'languages' must name at least one language")
            }
            return ["en"]
        }
        var seen: [String] = []
        for (code, item) in codes {
            if !PackNames.isValidLanguage(code) {
                fields.error(at: item, "'\(code)' is not a language code; use two or three lowercase letters, such as en, az, ru")
            } else if seen.contains(code) {
                fields.error(at: item, "language '\(code)' is listed twice")
            } else {
                seen.append(code)
            }
        }
        return seen.isEmpty ? ["en"] : seen
    }

    private func readAdvisories(_ fields: YAMLFields, path: String) -> [Advisory] {
        guard fields.node("advisories") != nil,
              let table = YAMLFields(fields.node("advisories"), file: path, lineOffset: 0, log: log, what: "'advisories'")
        else { return [] }
        var advisories: [Advisory] = []
        for tag in table.keys {
            if !PackNames.isValidID(tag) {
                table.error(at: table.keyNode(tag), "advisory tag '\(tag)' must be lowercase letters, digits and hyphens")
            }
            if let text = table.localized(tag, languages: languages) {
                advisories.append(Advisory(tag: tag, text: text))
            }
        }
        advisoryTags = advisories.map(\.tag)
        return advisories
    }

    private func readHalls(_ fields: YAMLFields, path: String) -> ([TourSpec.HallEntry], listed: Set<String>) {
        guard let node = fields.node("halls") else {
            fields.error(at: nil, "missing field 'halls': the tour needs at least one hall")
            return ([], [])
        }
        guard case .sequence(let list) = node, !list.isEmpty else {
            fields.error(at: node, "'halls' must be a list of halls, each starting with '- id:'")
            return ([], [])
        }
        var entries: [TourSpec.HallEntry] = []
        var listed: Set<String> = []
        for item in list {
            guard let hall = YAMLFields(item, file: path, lineOffset: 0, log: log, what: "a hall") else { continue }
            hall.warnUnknown(known: ["id", "stop", "map", "exits"])
            guard let id = hall.string("id") else { continue }
            if !PackNames.isValidID(id) {
                hall.error(at: hall.node("id"), "hall id '\(id)' must be lowercase letters, digits and hyphens; it names the hall's files")
                continue
            }
            guard listed.insert(id).inserted else {
                hall.error(at: hall.node("id"), "hall '\(id)' is listed twice")
                continue
            }
            let stop = hall.int("stop", in: 0...999_999)
            if let stop { claimStop(stop, by: "hall '\(id)'", fields: hall) }
            let map = readMapCell(hall)
            var exits: [(id: String, line: Int, column: Int?)] = []
            if let exitNode = hall.node("exits"), case .sequence(let exitList) = exitNode {
                for exit in exitList {
                    let (line, column) = hall.place(of: exit)
                    if let exitID = exit.scalar?.string { exits.append((exitID, line, column)) }
                    else { hall.error(at: exit, "each exit must be a hall id") }
                }
            } else if let exitNode = hall.node("exits") {
                hall.error(at: exitNode, "'exits' must be a list of hall ids, such as [guba, khojaly]")
            }
            guard let stop, let map else { continue }
            entries.append(.init(id: id, stop: stop, map: map, exits: exits, line: hall.line))
        }
        return (entries, listed)
    }

    private func readMapCell(_ hall: YAMLFields) -> MapCell? {
        guard let node = hall.node("map") else {
            hall.error(at: nil, "missing field 'map': the hall's [column, row] on the floor map")
            return nil
        }
        guard case .sequence(let pair) = node, pair.count == 2,
              let column = pair[0].scalar.flatMap({ Int($0.string) }),
              let row = pair[1].scalar.flatMap({ Int($0.string) }),
              (0...63).contains(column), (0...63).contains(row)
        else {
            hall.error(at: node, "'map' must be [column, row], two whole numbers from 0 to 63")
            return nil
        }
        return MapCell(column: column, row: row)
    }

    /// A stop or an object number, and who took it where.
    struct Claim {
        enum Number: Hashable {
            case stop(Int)
            case object(String)
        }

        var number: Number
        /// For a stop, "hall 'x'" or "exhibit 'y'"; for an object number, its file.
        var owner: String
        var file: String
        var line: Int
        var column: Int?
    }

    /// Records that `owner` uses stop `number`.
    func claimStop(_ number: Int, by owner: String, fields: YAMLFields) {
        let (line, column) = fields.node("stop").map(fields.place(of:)) ?? (fields.line, nil)
        claims.append(Claim(number: .stop(number), owner: owner, file: fields.file, line: line, column: column))
    }

    /// Records an exhibit's object number.
    func claimObjectNumber(_ fields: YAMLFields) {
        guard let node = fields.node("object_number"), let number = node.scalar?.string else { return }
        let (line, column) = fields.place(of: node)
        claims.append(Claim(number: .object(number), owner: fields.file, file: fields.file, line: line, column: column))
    }

    /// Reports every claim on a number taken before it, naming the first taker: a visitor who
    /// types a stop can only be taken to one place, and accession numbers are unique in a
    /// catalogue.
    func settleClaims() {
        var owners: [Claim.Number: String] = [:]
        for claim in claims {
            guard let first = owners[claim.number] else {
                owners[claim.number] = claim.owner
                continue
            }
            switch claim.number {
            case .stop(let stop):
                log.error(claim.file, line: claim.line, column: claim.column, "stop \(stop) is already the stop of \(first)")
            case .object(let number):
                log.error(claim.file, line: claim.line, column: claim.column, "object number \(number) is already used by \(first)")
            }
        }
    }

    /// A reading of one hall's files, which may run on another thread: the same pack and
    /// declarations, its own findings, folders and claims, taken back in tour order by `adopt`.
    func hallReading() -> PackReading {
        let reading = PackReading(files: PackFiles(root: files.root), keepsWarnings: log.keepsWarnings)
        reading.languages = languages
        reading.advisoryTags = advisoryTags
        return reading
    }

    /// Takes in what a hall's reading found and claimed, as if it had been read here.
    func adopt(_ hall: PackReading) {
        log.take(hall.log)
        claims += hall.claims
    }

    /// A Markdown file with front matter, read and parsed; its body checked for characters
    /// that must not reach a terminal and for words that mix alphabets.
    func readDocument(_ relative: String) -> (fields: YAMLFields, file: FrontMatterFile, path: String)? {
        let path = files.displayPath(relative)
        guard let text = files.text(relative, log: log),
              let file = FrontMatterFile.split(text, file: path, log: log) else { return nil }
        reportCharacterProblems(in: file.body, file: path, firstLine: file.bodyFirstLine)
        guard let root = YAMLDocument.parse(file.yaml, file: path, firstLine: file.yamlFirstLine, log: log),
              let fields = YAMLFields(root, file: path, lineOffset: file.yamlFirstLine - 1, log: log,
                                      what: "the front matter", line: file.yamlFirstLine)
        else { return nil }
        return (fields, file, path)
    }

    /// At most a screenful of findings of each kind per file: a binary file, or a file typed
    /// on the wrong keyboard layout, would otherwise bury the rest.
    private func reportCharacterProblems(in text: String, file: String, firstLine: Int) {
        let problems = TerminalSafety.problems(in: text)
        for found in problems.prefix(10) {
            log.error(file, line: found.line + firstLine - 1, column: found.column, found.problem.message)
        }
        if problems.count > 10 {
            log.error(file, line: problems[10].line + firstLine - 1, column: problems[10].column,
                      "\(problems.count - 10) more characters that must not reach a terminal")
        }
        guard log.keepsWarnings else { return }
        let mixed = MixedScripts.words(in: text)
        for word in mixed.prefix(10) {
            log.warning(file, line: word.line + firstLine - 1, column: word.column, word.message)
        }
        if mixed.count > 10 {
            log.warning(file, line: mixed[10].line + firstLine - 1, column: mixed[10].column,
                        "\(mixed.count - 10) more words that mix alphabets")
        }
    }

    /// The advisory tags in `key`, each checked against those `tour.yaml` defines.
    func advisoryTags(_ fields: YAMLFields, _ key: String = "advisory") -> [String] {
        guard let tags = fields.items(key, required: false) else { return [] }
        for (tag, item) in tags where !advisoryTags.contains(tag) {
            fields.error(at: item, "advisory '\(tag)' is not defined under 'advisories' in tour.yaml")
        }
        return tags.map(\.text).filter(advisoryTags.contains)
    }

    /// The sources of a hall or exhibit: required, and not empty, in the original.
    func sources(_ fields: YAMLFields, required: Bool) -> [String]? {
        guard let sources = fields.strings("sources", required: required) else { return nil }
        if case .sequence(let items) = fields.node("sources"), items.isEmpty {
            fields.error(at: fields.node("sources"), "no sources: every hall and exhibit names where its facts come from")
        }
        return sources
    }

    /// `translation:`, which a translation file must have and an original may have.
    func translationStatus(_ fields: YAMLFields, isTranslation: Bool) -> TranslationStatus {
        guard let value = fields.string("translation", required: isTranslation) else {
            return isTranslation ? .machine : .original
        }
        switch value {
        case "machine": return .machine
        case "reviewed": return .reviewed
        default:
            fields.error(at: fields.node("translation"), "'translation' must be machine or reviewed")
            return .machine
        }
    }

    /// The label and "more" layer of a document, parsed, with the label's shape checked, and
    /// for an original the length of its "more" layer (`moreLimit`, said of `what`).
    func layers(of document: (fields: YAMLFields, file: FrontMatterFile, path: String),
                moreLimit: (words: Int, what: String)?) -> (label: [Block], more: [Block]) {
        let layers = document.file.layers()
        let label = Markdown.parse(prepared(layers.label, file: document.path, firstLine: layers.labelLine))
        let more = Markdown.parse(prepared(layers.more, file: document.path, firstLine: layers.moreLine))
        if log.keepsWarnings {
            TextChecks.checkLabel(layers.label, file: document.path, firstLine: layers.labelLine, log: log)
            if let moreLimit {
                TextChecks.checkMore(layers.more, limit: moreLimit.words, of: moreLimit.what, file: document.path,
                                     firstLine: layers.moreLine, log: log)
            }
        }
        return (label, more)
    }

    /// A layer of Markdown as the visitor is shown it: made safe for a terminal, with each
    /// number's digit groups kept together. A plain space inside a number, and an HTML comment
    /// other than the "read more" marker (which a visitor would see as it is written), are
    /// reported with their lines.
    private func prepared(_ text: String, file: String, firstLine: Int) -> String {
        let joined = DigitGroups.joined(TerminalSafety.clean(text, keepingNewlines: true))
        if log.keepsWarnings {
            for (offset, line) in text.lines.enumerated() {
                for number in DigitGroups.joined(String(line)).numbers {
                    log.warning(file, line: firstLine + offset, DigitGroups.warning(number))
                }
                if let comment = Markdown.comment(line), comment.lowercased() != "more" {
                    log.warning(file, line: firstLine + offset,
                                "'\(TerminalSafety.flattened(String(line.trimmingSpaces()), replacingWith: "?"))' is shown to visitors as it is written: the only comment a pack may have is \(Markdown.moreMarker)")
                }
            }
        }
        return joined.text
    }

    /// `young_label`: a label for young readers, in the front matter, in Markdown; checked as
    /// a label is. Empty where the file gives none.
    func youngLabel(_ fields: YAMLFields) -> [Block] {
        guard let node = fields.node("young_label"), let text = fields.string("young_label", required: false) else { return [] }
        if log.keepsWarnings { TextChecks.checkLabel(text, file: fields.file, firstLine: fields.place(of: node).line, log: log) }
        return Markdown.parse(text)
    }

    /// Summary, with its shape checked.
    func summary(_ fields: YAMLFields, required: Bool = true) -> String? {
        guard let summary = fields.string("summary", required: required) else { return nil }
        let line = fields.node("summary").map { fields.place(of: $0).line } ?? fields.line
        if log.keepsWarnings { TextChecks.checkSummary(summary, file: fields.file, line: line, log: log) }
        return summary
    }

    /// The translation files beside an original, by language: `<id>.<lang>.md` in `folder`.
    func translationFiles(of id: String, in folder: String) -> [(language: String, relative: String)] {
        languages.dropFirst().compactMap { language in
            let relative = "\(folder)/\(id).\(language).md"
            return files.kind(of: relative) == .missing ? nil : (language, relative)
        }
    }
}
