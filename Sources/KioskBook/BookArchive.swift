import KioskCore

/// The book as the museum's archive takes it: every entry with every decision about it, in CSV
/// (a spreadsheet) or JSON Lines (a script), words as visitors typed them. Times are UTC, as
/// ISO 8601 writes them.
public enum BookArchive {
    public enum Format: String, CaseIterable, Sendable {
        case csv, jsonl
    }

    public static func text(_ records: [BookRecord], decisions: [BookDecision], format: Format) -> String {
        let byEntry = Dictionary(grouping: decisions, by: \.entryID)
        switch format {
        case .csv:
            let header = ["id", "written_at", "language", "words", "name", "place", "stand", "front", "status", "decisions"]
            let rows = records.map { record in
                let history = (byEntry[record.id] ?? []).map { decision in
                    "\(decision.action.rawValue) by \(decision.decidedBy) at \(utc(decision.decidedAt))"
                        + (decision.reason.isEmpty ? "" : ": \(decision.reason)")
                }.joined(separator: "; ")
                return [record.id, utc(record.writtenAt), record.language, record.words, record.name, record.place,
                        record.stand, record.front, record.status.rawValue, history]
            }
            return ([header] + rows).map(DataText.csvLine).joined()
        case .jsonl:
            return records.map { record in
                let history = (byEntry[record.id] ?? []).map { decision in
                    DataText.json([("action", decision.action.rawValue), ("by", decision.decidedBy), ("at", utc(decision.decidedAt)),
                                   ("reason", decision.reason)])
                }
                let fields = [("id", record.id), ("written_at", utc(record.writtenAt)), ("language", record.language),
                              ("words", record.words), ("name", record.name), ("place", record.place), ("stand", record.stand),
                              ("front", record.front), ("status", record.status.rawValue)]
                return String(DataText.json(fields).dropLast()) + ",\"decisions\":[" + history.joined(separator: ",") + "]}\n"
            }.joined()
        }
    }

    /// Seconds since 1970 as UTC: 2026-12-04T14:02:00Z.
    static func utc(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = seconds - days * 86_400
        // Howard Hinnant's days-to-civil, so no C library's time zone comes into it.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
}
