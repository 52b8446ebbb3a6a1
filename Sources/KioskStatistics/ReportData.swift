import KioskBook

/// The report for the museum's own tools: CSV, one figure a line (`section,key,name,measure,
/// value`, which a spreadsheet's pivot table takes as it is), or JSON, each table an array of
/// objects. A count too small to show is `<5` in CSV and null in JSON; a time is in whole
/// seconds.
public enum ReportData {
    public enum Format: String, CaseIterable, Sendable {
        case csv, json
    }

    public static func text(_ report: StatisticsReport, format: Format) -> String {
        switch format {
        case .csv: return csv(report)
        case .json: return json(report)
        }
    }

    static func csv(_ report: StatisticsReport) -> String {
        var lines = [DataText.csvLine(["section", "key", "name", "measure", "value"])]
        for section in report.sections {
            for row in section.rows {
                let key = row.key.filter { !$0.isEmpty }.joined(separator: "/")
                for (column, value) in zip(section.columns, row.values) {
                    let shown = switch value {
                    case .visits(.fewerThanThreshold): "<\(Tally.threshold)"
                    default: number(value) ?? ""
                    }
                    lines.append(DataText.csvLine([section.id, key, row.label, column.id, shown]))
                }
            }
        }
        return lines.joined()
    }

    static func json(_ report: StatisticsReport) -> String {
        func string(_ text: String?) -> String { text.map(DataText.jsonString) ?? "null" }
        let sections = report.sections.map { section in
            let rows = section.rows.map { row in
                let keys = zip(section.keyNames, row.key).map { DataText.jsonString($0.0) + ":" + DataText.jsonString($0.1) }
                let values = zip(section.columns, row.values).map { DataText.jsonString($0.0.id) + ":" + (number($0.1) ?? "null") }
                return "{" + (keys + ["\"name\":" + DataText.jsonString(row.label)] + values).joined(separator: ",") + "}"
            }
            return DataText.jsonString(section.id) + ":[" + rows.joined(separator: ",") + "]"
        }
        let fields = [
            "\"museum\":" + string(report.museum),
            "\"since\":" + string(report.period.since),
            "\"until\":" + string(report.period.until),
            "\"stand\":" + string(report.period.stand),
            "\"stands\":[" + report.stands.map(DataText.jsonString).joined(separator: ",") + "]",
            "\"visits\":" + (report.visits.shown.map(String.init) ?? "null"),
            "\"smallest_count_shown\":\(Tally.threshold)",
            "\"sections\":{" + sections.joined(separator: ",") + "}",
        ]
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    /// A figure as a number, or nil where it is not shown.
    static func number(_ value: ReportValue) -> String? {
        switch value {
        case .visits(let tally): return tally.shown.map(String.init)
        case .events(let count): return String(count)
        case .time(let milliseconds): return milliseconds.map { String(ReportValue.seconds($0)) }
        case .percent(let percent): return percent.map(String.init)
        }
    }
}
