/// What each language of a pack has in its own words, hall by hall, and what it shows from the
/// original instead: `validate --coverage`. A visitor who chose a language reads every text
/// the language lacks in the default language, so this is the list of what is left to
/// translate.
///
/// Sources are not counted: a work is cited under its own title, in its own language.
public struct Coverage: Equatable, Sendable {
    /// Some of a whole: "5/5".
    public struct Count: Equatable, Sendable, CustomStringConvertible {
        public var have: Int
        public var of: Int

        public var isComplete: Bool { have == of }
        /// "–" for none of none: a hall without exhibits.
        public var description: String { of == 0 ? "–" : "\(have)/\(of)" }

        static func + (lhs: Count, rhs: Count) -> Count { Count(have: lhs.have + rhs.have, of: lhs.of + rhs.of) }
        static let zero = Count(have: 0, of: 0)
    }

    /// How much of a hall's narrative a language has.
    public enum NarrativeState: String, Sendable {
        /// Title, summary, label and "read more" layer (where the original has one).
        case complete
        /// Title, summary and label; the "read more" layer is the original's, or the original
        /// has none although a hall should.
        case noReadMore = "no read-more"
        /// Title, summary and "read more"; the label is the original's.
        case noLabel = "no label"
        /// Title and summary only: the narrative is the original's.
        case titleOnly = "title only"
        /// No file in this language, or one that could not be read.
        case missing
        /// The hall's own narrative could not be read (see the errors).
        case notRead = "not read"
    }

    /// One hall in one language.
    public struct HallLanguage: Equatable, Sendable {
        public var narrative: NarrativeState
        /// Exhibits with their title and summary in the language.
        public var titles: Count
        /// Exhibits with every record field their original gives (object name to rights) in the language.
        public var records: Count
        /// Exhibits with their label in the language.
        public var labels: Count
        /// Exhibits with their "read more" layer in the language, of those that have one.
        public var more: Count
        /// The language's files for this hall (narrative and exhibits) marked
        /// `translation: machine`, of the language's files.
        public var machine: Count
    }

    public struct HallRow: Equatable, Sendable {
        public var id: String
        public var stop: Int
        /// By language, in the order of `languages`.
        public var languages: [HallLanguage]
    }

    public var languages: [String]
    public var halls: [HallRow]
    /// tour.yaml's texts (museum name, address, floor, advisories), by language.
    public var tourTexts: [Count]
    /// The kiosk's own words in one language.
    public struct UIStrings: Equatable, Sendable {
        public var count: Count
        public var missing: [Message]
    }

    /// The kiosk's own words, by language.
    public var uiStrings: [UIStrings]

    /// One tour in one language.
    public struct TourLanguage: Equatable, Sendable {
        /// The tour's name and description in the language.
        public var texts: Count
        /// Stops whose title is in the language.
        public var titles: Count
        /// Stops whose label, as the tour shows it (a young label where a young visitors'
        /// tour has one), is in the language.
        public var labels: Count
        /// On a young visitors' tour, stops with a young label in the language; nil on others.
        public var youngLabels: Count?
    }

    public struct TourRow: Equatable, Sendable {
        public var id: String
        public var stops: Int
        /// How long the tour takes to read, as the choice of tour says.
        public var minutes: Int
        /// By language, in the order of `languages`.
        public var languages: [TourLanguage]
    }

    /// The pack's tours (the whole floor, for a pack that declares none).
    public var tours: [TourRow]

    /// The coverage of `pack`, whose halls are those of `tour` that could be read; the others
    /// are listed as not read.
    init(pack: Pack, tour: [(id: String, stop: Int)]) {
        languages = pack.languages
        let original = pack.defaultLanguage
        halls = tour.map { entry in
            guard let hall = pack.halls.first(where: { $0.id == entry.id }) else {
                let none = HallLanguage(narrative: .notRead, titles: .zero, records: .zero, labels: .zero,
                                        more: .zero, machine: .zero)
                return HallRow(id: entry.id, stop: entry.stop, languages: pack.languages.map { _ in none })
            }
            return HallRow(id: hall.id, stop: hall.stop,
                           languages: pack.languages.map { Self.measure(hall, in: $0, original: original) })
        }
        var texts = [pack.museumName, pack.address, pack.floor] + pack.advisories.map(\.text)
        texts.removeAll { $0.byLanguage[original] == nil }
        tourTexts = pack.languages.map { language in
            Count(have: texts.count { $0.byLanguage[language] != nil }, of: texts.count)
        }
        uiStrings = pack.languages.map { language in
            let missing = Message.allCases.filter { !pack.messages.has($0, in: language) }
            return UIStrings(count: Count(have: Message.allCases.count - missing.count, of: Message.allCases.count),
                             missing: missing)
        }
        tours = pack.tours.map { tour in
            TourRow(id: tour.id, stops: tour.route.count, minutes: tour.minutes,
                    languages: pack.languages.map { Self.measure(tour, in: $0, pack) })
        }
    }

    private static func measure(_ tour: GuidedTour, in language: String, _ pack: Pack) -> TourLanguage {
        // The whole floor of a pack that declares no tour has no name: nothing to count.
        let named = [tour.name, tour.description].filter { !$0.byLanguage.isEmpty }
        let texts = named.count { $0.byLanguage[language] != nil }
        var titles = Count.zero, labels = Count.zero, young = Count.zero
        for stop in tour.route {
            // The stop's text as the language has it, nil where it has no file for it.
            let text: (any StopText)?
            switch stop {
            case .hall(let hall):
                let narrative = pack.halls[hall].narrative
                text = language == pack.defaultLanguage ? narrative.original : narrative.translations[language]
            case .exhibit(let hall, let exhibit):
                let texts = pack.halls[hall].exhibits[exhibit].text
                text = language == pack.defaultLanguage ? texts.original : texts.translations[language]
            }
            let has = { (part: TextPart) in text.map { !$0.fromOriginal.contains(part) } ?? false }
            let hasYoung = text.map { !$0.youngLabel.isEmpty && !$0.fromOriginal.contains(.youngLabel) } ?? false
            let showsYoung = tour.isForYoungVisitors && (text?.youngLabel.isEmpty == false)
            titles = titles + Count(have: has(.title) ? 1 : 0, of: 1)
            labels = labels + Count(have: (showsYoung ? hasYoung : has(.label)) ? 1 : 0, of: 1)
            young = young + Count(have: hasYoung ? 1 : 0, of: 1)
        }
        return TourLanguage(texts: Count(have: texts, of: named.count), titles: titles, labels: labels,
                            youngLabels: tour.isForYoungVisitors ? young : nil)
    }

    private static func measure(_ hall: Hall, in language: String, original: String) -> HallLanguage {
        let isOriginal = language == original
        let narrative: NarrativeState
        var files = 0, machine = 0
        if isOriginal {
            let text = hall.narrative.original
            narrative = text.more.isEmpty ? .noReadMore : .complete
            files += 1
            if text.translation == .machine { machine += 1 }
        } else if let text = hall.narrative.translations[language] {
            switch (text.labelIsFallback, text.moreIsFallback) {
            case (false, false): narrative = .complete
            case (false, true): narrative = .noReadMore
            case (true, false): narrative = .noLabel
            case (true, true): narrative = .titleOnly
            }
            files += 1
            if text.translation == .machine { machine += 1 }
        } else {
            narrative = .missing
        }
        var titles = Count.zero, records = Count.zero, labels = Count.zero, more = Count.zero
        for exhibit in hall.exhibits {
            let text = isOriginal ? exhibit.text.original : exhibit.text.translations[language]
            let has = { (part: TextPart) in text.map { !$0.fromOriginal.contains(part) } ?? false }
            titles = titles + Count(have: has(.title) && has(.summary) ? 1 : 0, of: 1)
            records = records + Count(have: TextPart.record.allSatisfy(has) ? 1 : 0, of: 1)
            labels = labels + Count(have: has(.label) ? 1 : 0, of: 1)
            if !exhibit.text.original.more.isEmpty {
                more = more + Count(have: has(.more) ? 1 : 0, of: 1)
            }
            if let text {
                files += 1
                if text.translation == .machine { machine += 1 }
            }
        }
        return HallLanguage(narrative: narrative, titles: titles, records: records, labels: labels, more: more,
                            machine: Count(have: machine, of: files))
    }

    /// Every hall's narrative and every UI string complete in every language.
    public var isComplete: Bool {
        halls.allSatisfy { $0.languages.allSatisfy { $0.narrative == .complete } }
            && uiStrings.allSatisfy { $0.count.isComplete }
    }
}

extension Coverage {
    /// The coverage as a table to read in a terminal of 80 columns, with a legend.
    public func table() -> String {
        let original = languages.first ?? "en"
        var rows: [[String]] = [["Hall", "Lang", "Narrative", "Titles", "Records", "Labels", "More", "Machine"]]
        for hall in halls {
            for (index, language) in languages.enumerated() {
                let cell = hall.languages[index]
                rows.append([index == 0 ? "\(hall.stop) \(hall.id)" : "", language, cell.narrative.rawValue,
                             "\(cell.titles)", "\(cell.records)", "\(cell.labels)", "\(cell.more)", "\(cell.machine)"])
            }
        }
        for (index, language) in languages.enumerated() {
            let cells = halls.map { $0.languages[index] }
            let sum = { (part: KeyPath<HallLanguage, Count>) in cells.map { $0[keyPath: part] }.reduce(.zero, +) }
            let complete = cells.count { $0.narrative == .complete }
            rows.append([index == 0 ? "All halls" : "", language, "\(complete)/\(cells.count) complete",
                         "\(sum(\.titles))", "\(sum(\.records))", "\(sum(\.labels))", "\(sum(\.more))", "\(sum(\.machine))"])
        }
        var lines = ["Coverage: what each language has in its own words. What it lacks is shown",
                     "in \(original), and the screen says so.", ""]
        lines += Self.aligned(rows)
        lines.append("")
        var other: [[String]] = [["Other texts", "Lang", "Have", ""]]
        for (index, language) in languages.enumerated() {
            other.append([index == 0 ? "tour.yaml" : "", language, "\(tourTexts[index])", ""])
        }
        for (index, language) in languages.enumerated() {
            let (count, missing) = (uiStrings[index].count, uiStrings[index].missing)
            let note: String
            if missing.isEmpty { note = "" }
            else if count.have == 0 { note = "none: the kiosk's words are shown in en" }
            else { note = "missing: " + missing.map(\.rawValue).joined(separator: ", ") }
            other.append([index == 0 ? "kiosk's words" : "", language, "\(count)", note])
        }
        lines += Self.aligned(other)
        lines.append("")
        var tourRows: [[String]] = [["Tour", "Stops", "Minutes", "Lang", "Texts", "Titles", "Labels", "Young"]]
        for tour in tours {
            for (index, language) in languages.enumerated() {
                let cell = tour.languages[index]
                let first = index == 0
                tourRows.append([first ? tour.id : "", first ? "\(tour.stops)" : "", first ? "\(tour.minutes)" : "", language,
                                 "\(cell.texts)", "\(cell.titles)", "\(cell.labels)", cell.youngLabels.map { "\($0)" } ?? "–"])
            }
        }
        lines += Self.aligned(tourRows)
        lines += [
            "",
            "Narrative: complete = title, summary, label and \"read more\" in the language.",
            "Exhibits in the language: Titles = title and summary; Records = the record",
            "fields the original gives, object name to rights; Labels = the label; More = the",
            "\"read more\" layer, of the exhibits that have one. Machine = the language's files",
            "of the hall marked translation: machine. tour.yaml = museum name, address, floor",
            "and advisories.",
            "Tours: Minutes = how long the tour takes to read, as the choice of tour says",
            "(its words in the original at 160 a minute). Stop by stop in the language:",
            "Texts = the tour's name and description; Titles = the title; Labels = the label",
            "the tour shows (a young label on a tour for young visitors, where the stop has",
            "one); Young = stops with a young label.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Columns padded to their widest cell, two spaces apart, with a rule under the header.
    private static func aligned(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
            if index == 0 {
                lines.append(String(repeating: "─", count: widths.reduce(0, +) + 2 * (columns - 1)))
            }
        }
        return lines
    }
}
