/// What loading a pack gave: the pack when it has no error, and every finding either way.
public struct PackLoadResult: Sendable {
    public var findings: [Finding]
    /// Not even `tour.yaml` could be read: the directory is not a pack.
    public var isUnreadable: Bool
    /// What was read, errors and all, and the tour's halls by id and stop, for the coverage.
    var read: (pack: Pack, tour: [(id: String, stop: Int)])?

    /// The pack, when it has no error: a pack with one is not shown; what was read of it
    /// only serves the coverage.
    public var pack: Pack? { hasErrors ? nil : read?.pack }

    /// What each language covers, from the halls and exhibits that could be read; nil when
    /// `tour.yaml` could not be. Worked out when asked: only `validate --coverage` asks.
    public var coverage: Coverage? { read.map { Coverage(pack: $0.pack, tour: $0.tour) } }

    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// A pack's languages and words, read even when the pack has errors: enough to say, in the
    /// museum's languages, that it cannot be shown.
    public var languagesAndWords: (languages: [String], messages: Messages)? {
        read.map { ($0.pack.languages, $0.pack.messages) }
    }

    /// The findings by file, then line and column, as `validate` lists them; the same every run.
    public var sortedFindings: [Finding] {
        findings.sorted {
            ($0.file, $0.line, $0.column ?? 0, $0.severity.rawValue, $0.message)
                < ($1.file, $1.line, $1.column ?? 0, $1.severity.rawValue, $1.message)
        }
    }

    /// `validate`'s exit status: 0 no error, 1 errors, 2 not a readable pack.
    public var exitStatus: Int32 { isUnreadable ? 2 : (hasErrors ? 1 : 0) }
}

/// Reads a content pack (`Narratives/`, `Exhibits/`) from a directory and checks it. The kiosk
/// and `validate` use the same reading, so a pack that validates is a pack that runs.
public struct PackLoader {
    public let directory: String
    /// Whether warnings are looked for and kept: `validate` wants them; the kiosk, which
    /// shows none, starts faster without them.
    public let keepsWarnings: Bool

    /// The pack whose message catalogues are the kiosk's own words (the bundled pack), which
    /// this pack's own catalogues override message by message; nil for none.
    public let kioskWords: String?

    /// `directory` is shown in findings as given, so a curator can follow the paths.
    public init(directory: String, keepsWarnings: Bool = true, kioskWords: String? = nil) {
        self.directory = directory
        self.keepsWarnings = keepsWarnings
        self.kioskWords = kioskWords
    }

    public func load() -> PackLoadResult {
        let reading = PackReading(files: PackFiles(root: directory), keepsWarnings: keepsWarnings)
        guard let tour = reading.readTour() else {
            return PackLoadResult(findings: reading.log.findings, isUnreadable: true, read: nil)
        }
        var read: [(entry: TourSpec.HallEntry, narrative: PackReading.NarrativeReading, exhibits: [Exhibit])] = []
        for (entry, hall) in zip(tour.halls, HallReadings.read(tour.halls, from: reading)) {
            reading.adopt(hall.reading)
            if let narrative = hall.narrative { read.append((entry, narrative, hall.exhibits)) }
        }
        // Exits by position among the halls read, so they hold also when one could not be.
        let halls = read.map { entry, narrative, exhibits in
            Hall(id: entry.id, stop: entry.stop, map: entry.map,
                 exits: entry.exits.compactMap { exit in read.firstIndex { $0.entry.id == exit.id } },
                 advisories: narrative.advisories, forAdults: narrative.forAdults, narrative: narrative.text, exhibits: exhibits)
        }
        reading.settleClaims()
        // Without a readable list of halls every file would look unused: that error is enough.
        if !tour.listedIDs.isEmpty { reading.checkFolders(tour: tour) }
        reading.checkReferences(tour: tour)
        let messages = readMessages(reading, declared: tour.languages)
        var pack = Pack(languages: tour.languages, museumName: tour.museumName, address: tour.address,
                        floor: tour.floor, advisories: tour.advisories, halls: halls, words: tour.museumWords,
                        messages: messages, names: tour.names)
        pack.remembranceHall = tour.remembrance.flatMap { id in halls.firstIndex { $0.id == id } }
        pack.commemorations = tour.commemorations
        pack.tours = reading.tours(tour.tours, in: pack)
        return PackLoadResult(findings: reading.log.findings, isUnreadable: false,
                              read: (pack, tour.halls.map { ($0.id, $0.stop) }))
    }
}

extension PackLoader {
    /// The pack's catalogues over the kiosk's own, by language, checked.
    private func readMessages(_ reading: PackReading, declared: [String]) -> Messages {
        var catalogues = reading.readCatalogues(declared: declared).mapValues { [$0] }
        if let kioskWords, !PackFiles.isSameDirectory(kioskWords, directory) {
            // The kiosk's own words: only their errors matter to this pack.
            let kiosk = PackReading(files: PackFiles(root: kioskWords), keepsWarnings: false)
            for (language, catalogue) in kiosk.readCatalogues(declared: []) { catalogues[language, default: []].append(catalogue) }
            reading.adopt(kiosk)
        }
        let messages = Messages(catalogues: catalogues, fallback: declared.first ?? "en")
        reading.checkMessages(messages, declared: declared)
        return messages
    }
}

/// `tour.yaml` as read, before the halls' files are.
struct TourSpec {
    struct HallEntry {
        var id: String
        var stop: Int
        var map: MapCell
        var exits: [(id: String, line: Int, column: Int?)]
        var line: Int
    }

    var languages: [String]
    var museumName: LocalizedText
    var address: LocalizedText
    var floor: LocalizedText
    var advisories: [Advisory]
    var halls: [HallEntry]
    /// Every hall id the tour lists, including halls left out for an error in their entry:
    /// their files and the exits to them are not reported again.
    var listedIDs: Set<String>
    /// The id of the hall `x` steps out to, if the pack names one.
    var remembrance: String?
    var museumWords: MuseumWords
    var commemorations: [Commemoration]
    var tours: [PackReading.TourEntry]
    /// The name table: the spellings of each name, for search.
    var names: [[String]]
}

/// Names a curator chooses for halls and exhibits: they become file and folder names, so
/// they are kept to what is safe in a path on every system.
public enum PackNames {
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isLowercaseASCIIOrDigit else { return false }
        return id.unicodeScalars.allSatisfy { $0.isLowercaseASCIIOrDigit || $0 == "-" }
    }

    static func isValidLanguage(_ code: String) -> Bool {
        (2...3).contains(code.count) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }

    /// "khojaly.az.md" → ("khojaly", "az"); "khojaly.md" → ("khojaly", nil); nil if not Markdown.
    static func split(fileName: String) -> (id: String, language: String?)? {
        guard fileName.hasSuffix(".md") else { return nil }
        let parts = fileName.dropLast(3).split(separator: ".", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (String(parts[0]), nil)
        case 2: return (String(parts[0]), String(parts[1]))
        default: return nil
        }
    }
}

extension Unicode.Scalar {
    fileprivate var isLowercaseASCIIOrDigit: Bool { ("a"..."z").contains(self) || ("0"..."9").contains(self) }
}
