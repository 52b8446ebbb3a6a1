import ArgumentParser
import Glibc
import KioskBook
import KioskCore
import KioskRuntime
import KioskStaff
import KioskStatistics

/// `museum-kiosk report`: the visit statistics for staff, in the terminal with bar charts (or
/// plain tables), or as CSV or JSON for the museum's own tools; and the retention rule that
/// forgets them after kiosk.conf's months, which the daily timer applies.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "What visitors read: the visit statistics, as charts, tables, CSV or JSON.",
        discussion: """
            The statistics keep what was shown and for how long, never who, a key or a text; a count \
            from 1 to \(Tally.threshold - 1) shows as <\(Tally.threshold). The database is the stand's \
            (\(BookOptions.standFolder)) unless --data or --database names another.
            """,
        subcommands: [Show.self, Retain.self],
        defaultSubcommand: Show.self
    )
}

extension ReportCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the report (the default).")

        @OptionGroup var book: BookOptions

        @OptionGroup var content: ContentOption

        @Option(help: ArgumentHelp("From this day on, as 2026-06-01.", valueName: "DATE"))
        var since: String?

        @Option(help: ArgumentHelp("Up to this day, included.", valueName: "DATE"))
        var until: String?

        @Option(help: ArgumentHelp("Only this stand (default: every stand in the database).", valueName: "NAME"))
        var stand: String?

        @Option(help: ArgumentHelp("text (charts on a terminal), csv or json.", valueName: "FORMAT"))
        var format: String = "text"

        @Flag(help: "Tables without bar charts, names never cut short: for a screen reader or a file.")
        var plain = false

        @Option(help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "FILE"))
        var output: String?

        func validate() throws {
            for (name, day) in [("--since", since), ("--until", until)] {
                if let day, !Self.isDay(day) { throw ValidationError("\(name) is a day, as 2026-06-01") }
            }
            if let since, let until, since > until { throw ValidationError("--since is after --until") }
            if format != "text", ReportData.Format(rawValue: format) == nil { throw ValidationError("--format is text, csv or json") }
            if plain, format != "text" { throw ValidationError("--plain is for the text report") }
        }

        func run() throws {
            let pack = try loadPack(content.content ?? Self.standPack())
            let statistics = try ReportCommand.open(book)
            do throws(BookError) {
                _ = try statistics.fold(before: ReportCommand.foldedBefore(), halls: pack.halls.map(\.id))
            } catch {
                // A database staff may only read: the report counts the raw rows instead.
                printToStandardError("museum-kiosk: the finished days are not folded (\(error)); the report reads their rows")
            }
            let period = ReportPeriod(since: since, until: until, stand: stand)
            let figures = try BookCommand.attempt { () throws(BookError) in
                try statistics.figures(period, halls: pack.halls.map(\.id))
            }
            let report = StatisticsReport(figures: figures, pack: pack, period: period)
            let text = ReportData.Format(rawValue: format).map { ReportData.text(report, format: $0) }
                ?? ReportText.render(report, width: Self.terminalWidth(), plain: plain)
            try deliver(text, to: output, mode: 0o644, what: "the report")
        }

        /// The pack a stand shows, for the stops' names: the installed one, where there is one.
        static func standPack() -> String? {
            let current = PackStore(root: PackStore.standardRoot).current
            return pathExists(current) ? current : nil
        }

        /// A day as 2026-06-01.
        static func isDay(_ text: String) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
            return (1...12).contains(month) && (1...31).contains(day)
        }

        /// The terminal's width when the report goes to one; 80 otherwise.
        static func terminalWidth() -> Int {
            var size = winsize()
            guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
            return min(160, max(40, Int(size.ws_col)))
        }
    }

    /// The statistics' retention rule, applied daily by the timer the package installs.
    struct Retain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retain",
            abstract: "Fold the finished days' visit statistics into counts; delete those older than kiosk.conf's statistics-keep-months (\(KioskConfiguration.standardStatisticsMonths) by default).",
            discussion: "Without the configuration file, the default applies.")

        @OptionGroup var book: BookOptions

        @OptionGroup var content: ContentOption

        @Option(help: ArgumentHelp("The configuration file with the rule.", valueName: "FILE"))
        var config: String = KioskConfiguration.defaultPath

        func run() throws {
            var months = KioskConfiguration.standardStatisticsMonths
            if pathExists(config) {
                do {
                    months = try KioskConfiguration.load(path: config).statisticsKeepMonths
                } catch {
                    printToStandardError("\(error)")
                    throw ExitCode(1)
                }
            }
            let cutoff = WallTime(unixSeconds: StandCalendar.moment(months: months, before: SystemClock().wall.unixSeconds)).local.date
            let halls = try loadPack(content.content ?? Show.standPack()).halls.map(\.id)
            let statistics = try ReportCommand.open(book)
            let before = ReportCommand.foldedBefore()
            let days = try BookCommand.attempt { () throws(BookError) in try statistics.fold(before: before, halls: halls) }
            let count = try BookCommand.attempt { () throws(BookError) in try statistics.forget(before: cutoff) }
            print("\(days) \(days == 1 ? "day" : "days") before \(before) folded into counts")
            print("\(count) \(count == 1 ? "event" : "events") and the counts of the days before \(cutoff) deleted (kept \(months) months)")
        }
    }

    /// Days are folded once finished: those before yesterday, by this machine's calendar. A
    /// day later than the day itself, so that a visit past midnight has ended and a stand
    /// whose clock or queue is a little behind has written its rows; rows that still came
    /// later would be counted as visits of their own.
    static func foldedBefore() -> String {
        WallTime(unixSeconds: SystemClock().wall.unixSeconds - 86_400).local.date
    }

    /// The statistics in the database the options name, or the command ends with why not. A
    /// server may take up to an hour over a statement: staff wait for a report, no visitor does.
    static func open(_ options: BookOptions) throws -> VisitStatistics {
        try BookCommand.attempt { () throws(BookError) in
            try options.staffLocation(environment: Environment.all).openStatistics(answerSeconds: 3_600)
        }
    }
}
