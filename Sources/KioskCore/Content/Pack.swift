/// A content pack: the museum, its floor, its halls and their exhibits, as loaded from
/// `Narratives/` and `Exhibits/`. Every string in it has been cleaned for the terminal.
public struct Pack: Sendable {
    // Constants, so that what is worked out from them below stays true.
    public let languages: [String]
    public let museumName: LocalizedText
    public let address: LocalizedText
    public let floor: LocalizedText
    public let advisories: [Advisory]
    public let halls: [Hall]
    /// Every stop on the guided route, in order: each hall, then its exhibits.
    public let route: [Stop]
    /// Stop number → the place it names.
    public let stopNumbers: [Int: Stop]
    /// Stop → its place on the route, so that the next stop is found at once in any pack.
    public let routePositions: [Stop: Int]
    /// By hall, the advisory tags the hall and its exhibits carry: its door lists these.
    public let advisoryTagsInside: [Set<String>]
    /// The advisory tags some hall or exhibit carries: the tour's advisory lists these, and
    /// finding them means looking at every exhibit.
    public let usedAdvisoryTags: Set<String>
    /// Whether any exhibit's record stands in for the museum's catalogue: the first screen
    /// says so once.
    public let hasDemonstrationRecords: Bool
    /// What the museum says about its tour, where it says it (tour.yaml).
    public let words: MuseumWords
    /// The kiosk's own words, in the pack's languages.
    public let messages: Messages
    /// The hall `x` steps out to from anywhere (`remembrance:` in tour.yaml), if the pack
    /// names one.
    public var remembranceHall: Int? = nil
    /// The days the pack marks on every screen (`commemorations:` in tour.yaml).
    public var commemorations: [Commemoration] = []
    /// The walks the pack offers (`tours:` in tour.yaml), the first offered first; a pack that
    /// declares none has one, the whole floor in its order.
    public internal(set) var tours: [GuidedTour] = []
    /// Every hall and exhibit by the words in its title, summary, label and record, in every
    /// language, made when the pack is read.
    public let search: SearchIndex

    public init(languages: [String], museumName: LocalizedText, address: LocalizedText,
                floor: LocalizedText, advisories: [Advisory], halls: [Hall], words: MuseumWords = MuseumWords(),
                messages: Messages = .none, names: [[String]] = []) {
        self.languages = languages
        self.words = words
        self.messages = messages
        self.museumName = museumName
        self.address = address
        self.floor = floor
        self.advisories = advisories
        self.halls = halls
        var route: [Stop] = []
        var numbers: [Int: Stop] = [:]
        for (hallIndex, hall) in halls.enumerated() {
            route.append(.hall(hallIndex))
            numbers[hall.stop] = .hall(hallIndex)
            for (exhibitIndex, exhibit) in hall.exhibits.enumerated() {
                route.append(.exhibit(hallIndex, exhibitIndex))
                if let stop = exhibit.stop { numbers[stop] = .exhibit(hallIndex, exhibitIndex) }
            }
        }
        self.route = route
        self.stopNumbers = numbers
        routePositions = Dictionary(uniqueKeysWithValues: route.enumerated().map { ($0.element, $0.offset) })
        advisoryTagsInside = halls.map { Set($0.advisories + $0.exhibits.flatMap(\.advisories)) }
        usedAdvisoryTags = advisoryTagsInside.reduce(into: []) { $0.formUnion($1) }
        hasDemonstrationRecords = halls.contains { $0.exhibits.contains { $0.recordSource == .demonstration } }
        search = SearchIndex(halls: halls, route: route, languages: languages, names: names)
        tours = [GuidedTour.wholeFloor(of: self)]
    }

    /// The language every text falls back to.
    public var defaultLanguage: String { languages[0] }

    public func advisory(_ tag: String) -> Advisory? { advisories.first { $0.tag == tag } }

    /// The advisories with these tags, in the order tour.yaml gives them.
    public func advisories(tagged tags: Set<String>) -> [Advisory] { advisories.filter { tags.contains($0.tag) } }

    public func hall(id: String) -> Int? { halls.firstIndex { $0.id == id } }

    /// The number a visitor types for `stop`; an exhibit may have none.
    public func number(of stop: Stop) -> Int? {
        switch stop {
        case .hall(let hall): return halls[hall].stop
        case .exhibit(let hall, let exhibit): return halls[hall].exhibits[exhibit].stop
        }
    }
}

/// What a museum says about its tour beyond its halls, each only where the pack says it: the
/// kiosk says nothing museum-specific of its own.
public struct MuseumWords: Equatable, Sendable {
    /// On the first screen: what this tour is (the bundled pack: a simulation of the halls).
    public var welcome: LocalizedText
    /// Before the tour's advisories: what the floor tells of.
    public var advisoryIntroduction: LocalizedText
    /// After them: who should take the tour with an adult.
    public var ageGuidance: LocalizedText

    public init(welcome: LocalizedText = LocalizedText([:]), advisoryIntroduction: LocalizedText = LocalizedText([:]),
                ageGuidance: LocalizedText = LocalizedText([:])) {
        self.welcome = welcome
        self.advisoryIntroduction = advisoryIntroduction
        self.ageGuidance = ageGuidance
    }
}

/// A place on the guided route.
public enum Stop: Hashable, Sendable {
    case hall(Int)
    case exhibit(Int, Int)

    public var hall: Int {
        switch self {
        case .hall(let hall), .exhibit(let hall, _): return hall
        }
    }
}

/// A warning shown before difficult material, named by a tag.
public struct Advisory: Equatable, Sendable {
    public var tag: String
    public var text: LocalizedText
}

/// A cell on the floor map.
public struct MapCell: Hashable, Sendable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

public struct Hall: Sendable {
    public var id: String
    public var stop: Int
    public var map: MapCell
    /// Indices of the halls one can walk to from here.
    public var exits: [Int]
    public var advisories: [String]
    /// Left out of a tour for young visitors, with all its exhibits (`for_adults: true`).
    public var forAdults: Bool
    public var narrative: Translated<Narrative>
    public var exhibits: [Exhibit]
}

/// A part of a hall's or exhibit's text that a translation may leave to its original.
public enum TextPart: Hashable, Sendable {
    case title, summary, objectName, date, maker, materials, dimensions, creditLine, rights, sources
    case label, more, youngLabel

    /// The parts of an exhibit's record, below its title.
    public static let record: [TextPart] = [.objectName, .date, .maker, .materials, .dimensions, .creditLine, .rights]
}

/// A hall's text in one language.
public struct Narrative: Sendable {
    public var title: String
    public var summary: String
    public var sources: [String]
    public var translation: TranslationStatus
    public var label: [Block]
    public var more: [Block]
    /// The label for young readers (`young_label`), empty where the pack gives none.
    public var youngLabel: [Block]
    public var fromOriginal: Set<TextPart>
}

public struct Exhibit: Sendable {
    public enum RecordSource: String, Sendable {
        /// Stands in for the museum's own catalogue.
        case demonstration
        case collection
    }

    public var id: String
    public var stop: Int?
    public var objectNumber: String
    public var recordSource: RecordSource
    public var advisories: [String]
    /// Only the text alternative is shown until the visitor asks to see more.
    public var graphic: Bool
    /// Left out of a tour for young visitors (`for_adults: true`).
    public var forAdults: Bool
    public var text: Translated<ExhibitText>
}

/// An exhibit's record and label in one language.
public struct ExhibitText: Sendable {
    public var title: String
    public var summary: String
    public var objectName: String
    public var date: String
    /// Empty when the pack leaves it out: the museum does not know it, and it is not shown.
    public var maker: String
    public var materials: String
    public var dimensions: String
    public var creditLine: String
    public var rights: String
    public var sources: [String]
    public var translation: TranslationStatus
    public var label: [Block]
    public var more: [Block]
    /// The label for young readers (`young_label`), empty where the pack gives none.
    public var youngLabel: [Block]
    public var fromOriginal: Set<TextPart>
}
