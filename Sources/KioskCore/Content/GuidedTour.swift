/// One of the walks a pack offers over its floor (`tours:` in tour.yaml): the whole floor in
/// its order, a short walk through some of its stops, a walk for young visitors. `n` and `p`
/// follow the visitor's tour; the map marks its halls; free walking and stop numbers still
/// reach every hall and exhibit.
public struct GuidedTour: Sendable {
    public var id: String
    public var name: LocalizedText
    /// One line: what the walk shows, for a visitor choosing between tours.
    public var description: LocalizedText
    /// The youngest visitor the tour is written for; nil when the pack says nothing (a pack
    /// that declares no tour).
    public var age: Int?
    /// A tour for young visitors leaves out every hall and exhibit the pack marks `for_adults`,
    /// and shows a stop's `young_label` in place of its label and "read more" layer where the
    /// pack gives one.
    public var isForYoungVisitors: Bool
    /// The stops in the tour's order.
    public let route: [Stop]
    /// Stop → its place on `route`.
    public let positions: [Stop: Int]
    /// The halls the tour goes into: a hall of the route, or the hall of an exhibit on it.
    public let halls: Set<Int>
    /// The words the tour offers at its stops, in the pack's original: how long it takes to
    /// read (`minutes`).
    let words: Int

    public init(id: String, name: LocalizedText, description: LocalizedText, age: Int?, isForYoungVisitors: Bool,
                route: [Stop], in pack: Pack) {
        self.id = id
        self.name = name
        self.description = description
        self.age = age
        self.isForYoungVisitors = isForYoungVisitors
        self.route = route
        var positions: [Stop: Int] = [:]
        for (position, stop) in route.enumerated() where positions[stop] == nil { positions[stop] = position }
        self.positions = positions
        halls = Set(route.map(\.hall))
        words = route.reduce(0) { $0 + pack.words(at: $1, in: pack.defaultLanguage, youngVisitors: isForYoungVisitors) }
    }

    /// The tour of a pack that declares none: every hall, then its exhibits, in the order of
    /// the floor.
    static func wholeFloor(of pack: Pack) -> GuidedTour {
        GuidedTour(id: "full", name: LocalizedText([:]), description: LocalizedText([:]), age: nil, isForYoungVisitors: false,
                   route: pack.route, in: pack)
    }

    /// The pace a tour's length is reckoned at, and the demonstration reads at unless told
    /// otherwise: words a minute, read standing at a terminal.
    public static let readingPace = 160

    /// How long the tour takes to read, at `readingPace`: every label and "read more" layer
    /// it offers at its stops, counted in the pack's original. One length in every language:
    /// a translation says the same in more words or fewer (Azerbaijani in about a sixth
    /// fewer than English), not in more or less time. Whole minutes under ten; above, to the
    /// nearest five, which is as much as a reckoning from words can say.
    public var minutes: Int { Self.minutes(reading: words) }

    static func minutes(reading words: Int) -> Int {
        let exact = Double(words) / Double(readingPace)
        guard exact >= 9.5 else { return max(1, Int(exact.rounded())) }
        return Int((exact / 5).rounded()) * 5
    }

    /// Whether the tour goes past the hall or exhibit: a young visitors' tour leaves out what
    /// the pack marks for adults.
    static func admits(_ stop: Stop, in pack: Pack, youngVisitors: Bool) -> Bool {
        guard youngVisitors else { return true }
        let hall = pack.halls[stop.hall]
        if hall.forAdults { return false }
        if case .exhibit(let hallIndex, let exhibit) = stop { return !pack.halls[hallIndex].exhibits[exhibit].forAdults }
        return true
    }
}

extension Pack {
    /// The words a visitor reads at a stop on a tour, in `language` (or the original's, where
    /// the language has none): its young label alone on a young visitors' tour, where it has
    /// one; otherwise its label and "read more" layer.
    func words(at stop: Stop, in language: String, youngVisitors: Bool) -> Int {
        let (label, more, young): ([Block], [Block], [Block])
        switch stop {
        case .hall(let hall):
            let text = narrative(hall, language).value
            (label, more, young) = (text.label, text.more, text.youngLabel)
        case .exhibit(let hall, let exhibit):
            let text = exhibitText(hall, exhibit, language).value
            (label, more, young) = (text.label, text.more, text.youngLabel)
        }
        if youngVisitors, !young.isEmpty { return Block.words(in: young) }
        return Block.words(in: label) + Block.words(in: more)
    }
}

extension Block {
    /// The words a visitor reads in some blocks, as a reader counts them: apart by spaces.
    /// Counted scalar by scalar (a space is one scalar), as every exhibit of a pack is counted
    /// when it loads.
    static func words(in blocks: [Block]) -> Int {
        var words = 0
        for block in blocks {
            var inWord = false
            for span in block.spans {
                for scalar in span.text.unicodeScalars {
                    let value = scalar.value
                    // ASCII's spaces are the space and tab to carriage return, as `Character.isWhitespace` says.
                    let space = value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : scalar.properties.isWhitespace
                    if !space, !inWord { words += 1 }
                    inWord = !space
                }
            }
        }
        return words
    }
}
