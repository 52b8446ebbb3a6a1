/// `commemorations:` in tour.yaml: the days the pack marks on every screen.
///
///     commemorations:
///       - date: 02-26             # month-day, every year
///         notice: {en: "26 February: Day of the Khojaly Genocide", …}
///         silence:
///           at: "17:00"           # the stand's local time
///           minutes: 1              # a longer one needs its own title:
///           text: {en: "…", …}
extension PackReading {
    func readCommemorations(_ fields: YAMLFields, languages: [String]) -> [Commemoration] {
        guard let node = fields.node("commemorations") else { return [] }
        guard case .sequence(let list) = node else {
            fields.error(at: node, "'commemorations' must be a list, one '- date:' per day")
            return []
        }
        var read: [Commemoration] = []
        var seen: Set<Int> = []
        for item in list {
            guard let entry = YAMLFields(item, file: fields.file, lineOffset: 0, log: log, what: "a commemoration") else { continue }
            entry.warnUnknown(known: ["date", "notice", "silence"])
            guard let date = entry.string("date") else { continue }
            guard let (month, day) = Self.monthAndDay(date) else {
                entry.error(at: entry.node("date"), "'date' must be a month and day as 02-26 (MM-DD), a day that is in the calendar")
                continue
            }
            guard seen.insert(month * 100 + day).inserted else {
                entry.error(at: entry.node("date"), "\(date) is given twice; put its notice and its silence in one entry")
                continue
            }
            let notice = entry.localized("notice", required: false, languages: languages)
            if let notice { checkWidth(of: notice, entry, "notice") }
            let silence = entry.node("silence") != nil ? readSilence(entry, languages: languages) : nil
            if notice == nil, entry.node("silence") == nil {
                entry.error(at: nil, "a commemoration needs a 'notice', a 'silence' or both")
            }
            read.append(Commemoration(month: month, day: day, notice: notice, silence: silence))
        }
        return read
    }

    private func readSilence(_ entry: YAMLFields, languages: [String]) -> Commemoration.Silence? {
        guard let fields = YAMLFields(entry.node("silence"), file: entry.file, lineOffset: 0, log: log, what: "'silence'") else { return nil }
        fields.warnUnknown(known: ["at", "minutes", "title", "text"])
        let at = fields.string("at")
        let start = at.flatMap(OpeningHours.minute(of:))
        if at != nil, start == nil || start! >= 1440 {
            fields.error(at: fields.node("at"), "'at' must be a time of day as 17:00")
        }
        let minutes = fields.node("minutes") == nil ? 1 : fields.int("minutes", in: 1...60)
        let title = fields.localized("title", required: false, languages: languages)
        let text = fields.localized("text", languages: languages)
        guard let start, start < 1440, let minutes, let text else { return nil }
        if start + minutes > 1440 { fields.error(at: fields.node("minutes"), "the silence must end by midnight") }
        // The kiosk's own heading says "a minute".
        if minutes > 1, title == nil { fields.error(at: fields.node("minutes"), "a silence of more than a minute needs its own 'title'") }
        return Commemoration.Silence(start: start, minutes: minutes, title: title, text: text)
    }

    /// A notice shows over the page in the header's two rows: longer than fits them on the
    /// narrowest screen, it would be cut.
    private func checkWidth(of text: LocalizedText, _ fields: YAMLFields, _ key: String) {
        for (language, said) in text.byLanguage.sorted(by: { $0.key < $1.key }) where !StaffNotice.fitsOverThePage(said) {
            fields.error(at: fields.node(key), "the \(language) \(key) is too long to show over the page; at most \(StaffNotice.limit) fit")
        }
    }

    /// `MM-DD` with a day the month has (29 February included: it comes in leap years).
    static func monthAndDay(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month) else { return nil }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day) ? (month, day) : nil
    }
}
