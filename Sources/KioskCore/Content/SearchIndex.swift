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

    init(halls: [Hall], route: [Stop], languages: [String], names: [[String]]) {
        stops = route
        self.names = names.map { $0.compactMap { SearchFolding.words($0).first } }.filter { $0.count > 1 }
        var ids: [String: Int] = [:]
        var lists: [[UInt32]] = []
        var best: [Int: Rank] = [:]
        func add(_ text: String, _ rank: Rank, leadFirst: Bool = false) {
            var first = leadFirst
            SearchFolding.words(text) { bytes in
                let word = String(decoding: bytes, as: UTF8.self)
                let id: Int
                if let known = ids[word] { id = known } else {
                    id = lists.count
                    ids[word] = id
                    lists.append([])
                }
                let rank = first ? Rank.lead : rank
                first = false
                if let kept = best[id], kept.rawValue <= rank.rawValue { return }
                best[id] = rank
            }
        }
        for (index, stop) in route.enumerated() {
            best.removeAll(keepingCapacity: true)
            switch stop {
            case .hall(let hall):
                add(String(halls[hall].stop), .lead)
                for text in [halls[hall].narrative.original] + languages.compactMap({ halls[hall].narrative.translations[$0] }) {
                    add(text.title, .title, leadFirst: true)
                    add(text.summary, .summary)
                    for block in text.label + text.youngLabel { add(block.plainText, .label) }
                }
            case .exhibit(let hall, let exhibit):
                let item = halls[hall].exhibits[exhibit]
                if let number = item.stop { add(String(number), .lead) }
                add(item.objectNumber, .record)
                for text in [item.text.original] + languages.compactMap({ item.text.translations[$0] }) {
                    add(text.title, .title, leadFirst: true)
                    add(text.summary, .summary)
                    for block in text.label + text.youngLabel { add(block.plainText, .label) }
                    for field in [text.objectName, text.date, text.maker, text.materials, text.dimensions, text.creditLine, text.rights] {
                        add(field, .record)
                    }
                }
            }
            for (id, rank) in best { lists[id].append(UInt32(index) << Self.rankBits | rank.rawValue) }
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
            // A stop's words were gathered in no particular order; its postings are in stop order.
            postings.append(contentsOf: lists[id])
        }
        termStarts.append(Int32(termBytes.count))
        postingStarts.append(Int32(postings.count))
        self.termBytes = termBytes
        self.termStarts = termStarts
        self.postingStarts = postingStarts
        self.postings = postings
    }

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
