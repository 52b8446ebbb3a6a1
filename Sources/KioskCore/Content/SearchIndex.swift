import Dispatch

/// Every hall and exhibit of a pack by the words in its title, summary, label and record, in
/// every language of the pack, made once when the pack is read, so that a key in the search
/// line costs a lookup, not a pass over the pack.
///
/// A word typed finds the words it begins ("xoc" finds "Xocalı"), folded (`SearchFolding`),
/// and, through the pack's name table, every other spelling of a name it begins: "xocali"
/// finds "Khojaly" and "Ходжалы" too. Every word typed must be found in a stop; the stops
/// found first are those where it is in the title, then in the summary, the label, the
/// record; a whole word before the beginning of one; a hall before its exhibits.
public struct SearchIndex: Sendable {
    /// The halls and exhibits in the order of the floor: what a posting names.
    let stops: [Stop]
    /// The folded words of the pack, sorted by their UTF-8 bytes, one after another.
    private let termBytes: [UInt8]
    /// Where each word starts in `termBytes`, and where the last ends.
    private let termStarts: [Int32]
    /// Where each word's postings start in `postings`, and where the last's end.
    private let postingStarts: [Int32]
    /// For each word, the stops it is in, in the order of the floor: a stop's index in
    /// `stops`, shifted past a `Rank`.
    private let postings: [UInt32]
    /// The pack's name table: each group the spellings of one name, folded.
    let names: [[String]]

    /// Where in a stop a word is: the lower, the better a match.
    enum Rank: UInt32, CaseIterable {
        /// The stop's number, or the first word of its title.
        case lead
        case title, summary, label, record
    }

    static let rankBits: UInt32 = 3
    /// The most results a search gives; the rest are counted.
    public static let shownResults = 30

    /// The index of a pack's halls and exhibits, with the spellings its name table joins:
    /// what the loader makes for every pack (`Pack.search`), made again.
    public init(indexing pack: Pack) {
        self.init(halls: pack.halls, route: pack.route, languages: pack.languages, names: pack.search.names)
    }

    init(halls: [Hall], route: [Stop], languages: [String], names: [[String]]) {
        stops = route
        self.names = names.map { $0.compactMap { SearchFolding.words($0).first } }.filter { $0.count > 1 }
        // Each hall's words on a core of their own, then put together in the order of the
        // floor: a word's stops stay in that order.
        var firstStop = 0
        let firstStops = halls.map { hall in
            defer { firstStop += 1 + hall.exhibits.count }
            return firstStop
        }
        var parts = [Part](repeating: Part(), count: halls.count)
        parts.withUnsafeMutableBufferPointer { slots in
            // Each iteration fills its own slot; the halls are only read.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: halls.count) { index in
                slots[index] = Part(hall: halls[index], index, firstStop: firstStops[index], languages: languages)
            }
        }
        var ids: [String: Int] = [:]
        var lists: [[UInt32]] = []
        for part in parts {
            for (local, word) in part.words.enumerated() {
                let id = ids[word] ?? lists.count
                if id == lists.count {
                    ids[word] = id
                    lists.append([])
                }
                lists[id] += part.lists[local]
            }
        }
        let sorted = ids.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var termBytes: [UInt8] = [], termStarts: [Int32] = [], postingStarts: [Int32] = [], postings: [UInt32] = []
        termStarts.reserveCapacity(sorted.count + 1)
        postingStarts.reserveCapacity(sorted.count + 1)
        postings.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for (word, id) in sorted {
            termStarts.append(Int32(termBytes.count))
            termBytes.append(contentsOf: word.utf8)
            postingStarts.append(Int32(postings.count))
            postings.append(contentsOf: lists[id])
        }
        termStarts.append(Int32(termBytes.count))
        postingStarts.append(Int32(postings.count))
        self.termBytes = termBytes
        self.termStarts = termStarts
        self.postingStarts = postingStarts
        self.postings = postings
    }

    /// One hall's words and the stops of the hall each is in, with its best rank there.
    private struct Part {
        /// The hall's words, each once, by their number here.
        var words: [String] = []
        /// For each word, its postings in this hall.
        var lists: [[UInt32]] = []
        /// Each word's number, found by its bytes: most words fit in three integers, which
        /// hash faster than a string; the few longer ones are strings.
        private var short: [ShortWord: Int] = [:]
        private var long: [String: Int] = [:]
        /// The stop being read: each word's best rank in it so far, and the words it has.
        private var best: [UInt8] = []
        private var found: [Int] = []

        init() {}

        /// A translation's parts that are the original's (`fromOriginal`) are the original's
        /// words, read once.
        init(hall: Hall, _ index: Int, firstStop: Int, languages: [String]) {
            add(String(hall.stop), .lead)
            for text in [hall.narrative.original] + languages.compactMap({ hall.narrative.translations[$0] }) {
                add(text, [(.title, [text.title]), (.summary, [text.summary])])
            }
            finish(stop: firstStop)
            for (offset, exhibit) in hall.exhibits.enumerated() {
                if let number = exhibit.stop { add(String(number), .lead) }
                add(exhibit.objectNumber, .record)
                for text in [exhibit.text.original] + languages.compactMap({ exhibit.text.translations[$0] }) {
                    add(text, [(.title, [text.title]), (.summary, [text.summary]), (.objectName, [text.objectName]),
                               (.date, [text.date]), (.maker, [text.maker]), (.materials, [text.materials]),
                               (.dimensions, [text.dimensions]), (.creditLine, [text.creditLine]), (.rights, [text.rights])])
                }
                finish(stop: firstStop + 1 + offset)
            }
        }

        /// A stop's text in one language: its `fields`, its label and young label, each at its
        /// rank, but for what it shows from the original.
        private mutating func add(_ text: some StopText, _ fields: [(part: TextPart, texts: [String])]) {
            let parts = fields + [(.label, text.label.map(\.plainText)), (.youngLabel, text.youngLabel.map(\.plainText))]
            for (part, texts) in parts where !text.fromOriginal.contains(part) {
                for field in texts { add(field, Self.rank(of: part), leadFirst: part == .title) }
            }
        }

        private static func rank(of part: TextPart) -> Rank {
            switch part {
            case .title: return .title
            case .summary: return .summary
            case .label, .youngLabel, .more: return .label
            case .objectName, .date, .maker, .materials, .dimensions, .creditLine, .rights, .sources: return .record
            }
        }

        /// The words of a text of the stop being read, at `rank` (the first at `lead`).
        private mutating func add(_ text: String, _ rank: Rank, leadFirst: Bool = false) {
            var first = leadFirst
            SearchFolding.words(text) { bytes in
                let id = number(of: bytes)
                let rank = UInt8((first ? Rank.lead : rank).rawValue)
                first = false
                if best[id] == Self.notFound { found.append(id) }
                if rank < best[id] { best[id] = rank }
            }
        }

        /// The stop's words into their postings; on to the next stop.
        private mutating func finish(stop: Int) {
            for id in found {
                lists[id].append(UInt32(stop) << SearchIndex.rankBits | UInt32(best[id]))
                best[id] = Self.notFound
            }
            found.removeAll(keepingCapacity: true)
        }

        private static let notFound = UInt8.max

        private mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if let key = ShortWord(bytes) {
                if let id = short[key] { return id }
                short[key] = words.count
            } else {
                let word = String(decoding: bytes, as: UTF8.self)
                if let id = long[word] { return id }
                long[word] = words.count
            }
            words.append(String(decoding: bytes, as: UTF8.self))
            lists.append([])
            best.append(Self.notFound)
            return words.count - 1
        }
    }

    /// A word of up to 24 bytes of UTF-8 in three integers (UTF-8 has no zero byte, so the
    /// zeros after it end it).
    private struct ShortWord: Hashable {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 24 else { return nil }
            for (index, byte) in bytes.enumerated() {
                let shifted = UInt64(byte) << (8 * UInt64(index % 8))
                switch index / 8 {
                case 0: a |= shifted
                case 1: b |= shifted
                default: c |= shifted
                }
            }
        }
    }

    /// How many different words the pack has, folded.
    public var wordCount: Int { termStarts.count - 1 }

    /// What a search found: the best `shownResults` stops, best first, and how many there are
    /// in all.
    public struct Results: Hashable, Sendable {
        public var stops: [Stop]
        public var total: Int

        public init(stops: [Stop] = [], total: Int = 0) {
            self.stops = stops
            self.total = total
        }
    }

    /// The stops that have every word of `query`, best first, of those `admits` lets in.
    public func find(_ query: String, admits: (Stop) -> Bool = { _ in true }) -> Results {
        let words = SearchFolding.words(query)
        guard !words.isEmpty, !stops.isEmpty else { return Results() }
        // For each stop, the sum of each word's best score; a stop missing a word is out.
        let missing = UInt16.max
        var scores = [UInt16](repeating: 0, count: stops.count)
        var wordScores = [UInt8](repeating: .max, count: stops.count)
        for word in words {
            for index in wordScores.indices { wordScores[index] = .max }
            for spelling in spellings(of: word) { score(spelling, into: &wordScores) }
            for index in scores.indices where scores[index] != missing {
                scores[index] = wordScores[index] == .max ? missing : scores[index] + UInt16(wordScores[index])
            }
        }
        // Best first: by score, halls before exhibits, then in the order of the floor. Scores
        // are small numbers, so stops are counted into buckets rather than sorted.
        var buckets: [Int] = []
        func bucket(_ index: Int) -> Int {
            2 * Int(scores[index]) + (stops[index].isHall ? 0 : 1)
        }
        var total = 0
        for index in scores.indices where scores[index] != missing {
            guard admits(stops[index]) else {
                scores[index] = missing
                continue
            }
            let slot = bucket(index)
            if slot >= buckets.count { buckets += [Int](repeating: 0, count: slot - buckets.count + 1) }
            buckets[slot] += 1
            total += 1
        }
        // The worst bucket shown, and how many of it.
        var cutoff = buckets.count - 1, room = Self.shownResults
        for (slot, count) in buckets.enumerated() {
            if count >= room { cutoff = slot; break }
            room -= count
        }
        var chosen: [[Stop]] = Array(repeating: [], count: cutoff + 1)
        var left = room
        for index in scores.indices where scores[index] != missing {
            let slot = bucket(index)
            guard slot <= cutoff else { continue }
            if slot == cutoff {
                guard left > 0 else { continue }
                left -= 1
            }
            chosen[slot].append(stops[index])
        }
        return Results(stops: Array(chosen.joined().prefix(Self.shownResults)), total: total)
    }

    /// The words `word` stands for: itself, and, where it begins a name of the name table (or
    /// goes on from one), every spelling of that name.
    private func spellings(of word: String) -> [String] {
        guard word.utf8.count >= 2 else { return [word] }
        var spellings = [word]
        for group in names where group.contains(where: { $0.hasPrefix(word) || word.hasPrefix($0) }) {
            spellings += group.filter { !spellings.contains($0) }
        }
        return spellings
    }

    /// Every word of the pack that `spelling` begins, into each stop's best score for it: its
    /// rank, then whether the word is whole.
    private func score(_ spelling: String, into scores: inout [UInt8]) {
        let key = Array(spelling.utf8)
        var term = firstTerm(notBefore: key)
        while term < termStarts.count - 1, let whole = begins(term, with: key) {
            let mask = UInt32(1) << Self.rankBits - 1
            for posting in postings[Int(postingStarts[term])..<Int(postingStarts[term + 1])] {
                let stop = Int(posting >> Self.rankBits)
                let score = UInt8(posting & mask) * 2 + (whole ? 0 : 1)
                if score < scores[stop] { scores[stop] = score }
            }
            term += 1
        }
    }

    /// The first word, in sorted order, that is not before `key`.
    private func firstTerm(notBefore key: [UInt8]) -> Int {
        var low = 0, high = termStarts.count - 1
        while low < high {
            let middle = (low + high) / 2
            if termBytes[Int(termStarts[middle])..<Int(termStarts[middle + 1])].lexicographicallyPrecedes(key) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// Whether word `term` begins with `key`: nil if not, else whether it is all of it.
    private func begins(_ term: Int, with key: [UInt8]) -> Bool? {
        let word = termBytes[Int(termStarts[term])..<Int(termStarts[term + 1])]
        guard word.count >= key.count, word.prefix(key.count).elementsEqual(key) else { return nil }
        return word.count == key.count
    }
}

extension Stop {
    var isHall: Bool {
        if case .hall = self { return true }
        return false
    }
}
