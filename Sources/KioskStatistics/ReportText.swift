import KioskCore

/// The report on a terminal: each table under its title, its first figure drawn as a bar in
/// block characters, eighths of a cell at a time, beside the figures; or (`plain`) the same
/// tables without bars and without cutting a name short, for a screen reader, a braille
/// display or a file. Whatever came from the database is cleaned before it is shown, as the
/// book's desk cleans visitors' words.
public enum ReportText {
    public static func render(_ report: StatisticsReport, width: Int = 80, plain: Bool = false) -> String {
        var lines = header(report)
        for section in report.sections {
            lines += [""] + table(section, width: max(40, width), plain: plain)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ report: StatisticsReport) -> [String] {
        let period = report.period
        let days = switch (period.since, period.until) {
        case (nil, nil): "every day kept"
        case (let since?, nil): "from \(since)"
        case (nil, let until?): "until \(until)"
        case (let since?, let until?): "\(since) to \(until)"
        }
        let stands = period.stand.map { "stand \($0)" }
            ?? (report.stands.isEmpty ? "every stand" : (report.stands.count == 1 ? "stand " : "stands ") + report.stands.joined(separator: ", "))
        return [
            clean("Visit statistics: \(report.museum)"),
            clean("\(days) · \(stands) · \(text(.visits(report.visits))) visits"),
            "A count from 1 to \(Tally.threshold - 1) shows as <\(Tally.threshold). Times are medians of the visits'",
            "times, without the time a screen stood beyond the idle timeout with no key.",
        ]
    }

    static func table(_ section: ReportSection, width: Int, plain: Bool) -> [String] {
        var lines = [section.title]
        if let note = section.note { lines.append("  (\(note))") }
        guard !section.rows.isEmpty else { return lines + ["  none"] }
        let cells = section.rows.map { $0.values.map(text) }
        let columnWidths = section.columns.indices.map { column in
            ([section.columns[column].title] + cells.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        let figures = columnWidths.reduce(0) { $0 + 2 + $1 }
        let labels = section.rows.map { clean($0.label) }
        let longest = labels.map { DisplayWidth.of($0) }.max() ?? 0
        // A bar needs room: names are cut to leave it at least a few cells.
        let labelWidth = plain ? longest : min(longest, max(12, width - 2 - figures - 2 - Self.shortestBar))
        let barWidth = plain ? 0 : width - 2 - labelWidth - 2 - figures
        let largest = section.rows.compactMap { row -> Int? in
            if case .visits(let tally)? = row.values.first { return tally.shown }
            return nil
        }.max() ?? 0
        func figuresText(_ texts: [String]) -> String {
            zip(texts, columnWidths).map { "  " + padded($0.0, $0.1, right: true) }.joined()
        }
        let headings = figuresText(section.columns.map(\.title))
        lines.append(trimmed("  " + String(repeating: " ", count: labelWidth) + (barWidth > 0 ? "  " + String(repeating: " ", count: barWidth) : "") + headings))
        for (index, row) in section.rows.enumerated() {
            var line = "  " + padded(cut(labels[index], labelWidth), labelWidth, right: false)
            if barWidth > 0 {
                var count = 0
                if case .visits(let tally)? = row.values.first { count = tally.shown ?? 0 }
                line += "  " + padded(bar(count, of: largest, width: barWidth), barWidth, right: false)
            }
            lines.append(trimmed(line + figuresText(cells[index])))
        }
        return lines
    }

    /// The fewest cells a bar's largest count takes.
    static let shortestBar = 12

    /// `count` of `largest` as a bar `width` cells long at most, in eighths of a cell; a count
    /// above zero shows at least an eighth.
    static func bar(_ count: Int, of largest: Int, width: Int) -> String {
        guard count > 0, largest > 0 else { return "" }
        let eighths = max(1, Int((Double(count) * Double(width * 8) / Double(largest)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }

    static func text(_ value: ReportValue) -> String {
        switch value {
        case .visits(.count(let count)), .events(let count): return grouped(count)
        case .visits(.fewerThanThreshold): return "<\(Tally.threshold)"
        case .time(let milliseconds?): return duration(milliseconds)
        case .percent(let percent?): return "\(percent) %"
        case .time(nil), .percent(nil): return "-"
        }
    }

    /// 1,234,567.
    static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (count < 0 ? "-" : "") + result
    }

    /// 45 s, 3 min 05 s: to the second.
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = ReportValue.seconds(milliseconds)
        guard seconds >= 60 else { return "\(seconds) s" }
        let rest = seconds % 60
        return "\(seconds / 60) min \(rest < 10 ? "0" : "")\(rest) s"
    }

    private static func clean(_ text: String) -> String { TerminalSafety.flattened(text, replacingWith: " ") }

    private static func cut(_ text: String, _ columns: Int) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        return String(text.prefix(fittingColumns: max(0, columns - 1)).text) + "…"
    }

    private static func padded(_ text: String, _ columns: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, columns - DisplayWidth.of(text)))
        return right ? padding + text : text + padding
    }

    private static func trimmed(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " }.reversed())
    }
}
