import KioskBook
import KioskCore

/// The visit statistics in the database the book of remembrance keeps (one database, one list
/// of migrations: `DatabaseSchema`): rows added a batch at a time, forgotten by the day, and
/// counted for the report. The counting is done by the database, one statement per table of
/// the report, in the SQL SQLite and PostgreSQL share.
public final class VisitStatistics {
    public let connection: SQLConnection

    /// Opens the statistics, bringing the database's tables to this kiosk's version.
    public init(connection: SQLConnection) throws(BookError) {
        self.connection = connection
        try DatabaseSchema.migrate(connection)
    }

    /// Rows a statement inserts at most: few round trips to a server, and far below SQLite's
    /// limit on parameters.
    static let rowsPerInsert = 50

    /// Keeps `events`, all or none.
    public func add(_ events: [VisitEvent]) throws(BookError) {
        guard !events.isEmpty else { return }
        try connection.transaction { () throws(BookError) in
            var start = 0
            while start < events.count {
                let chunk = events[start..<min(events.count, start + Self.rowsPerInsert)]
                let width = Self.columns.count
                let values = (0..<chunk.count).map { row in
                    "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")"
                }
                _ = try connection.run("""
                    INSERT INTO visit_events (\(Self.columns.joined(separator: ", "))) VALUES \(values.joined(separator: ", "))
                    """, chunk.flatMap(Self.values))
                start += chunk.count
            }
        }
    }

    static let columns = ["visit", "stand", "day", "hour", "kind", "place", "hall", "exhibit", "language", "detail", "amount"]

    /// An event's values in the order of `columns`, each bounded as the kiosk's own are.
    static func values(_ event: VisitEvent) -> [String?] {
        let visit = String(event.visit), hour = String(event.hour), amount = String(event.amount)
        let stand = String(event.stand.prefix(64)), hall = String(event.hall.prefix(64)), exhibit = String(event.exhibit.prefix(64))
        let language = String(event.language.prefix(8)), detail = String(event.detail.prefix(16))
        return [visit, stand, event.day, hour, event.kind.rawValue, event.place, hall, exhibit, language, detail, amount]
    }

    /// The retention rule: every row of a day before `day` (2025-11-04) is deleted, raw or
    /// folded. Returns how many raw events.
    public func forget(before day: String) throws(BookError) -> Int {
        try connection.transaction(exclusive: true) { () throws(BookError) -> Int in
            let count = try connection.run("SELECT count(*) FROM visit_events WHERE day < $1", day).first?.first.flatMap { $0.flatMap { Int($0) } } ?? 0
            for table in ["visit_events", "visit_counts", "visit_times"] { try connection.run("DELETE FROM \(table) WHERE day < $1", day) }
            // The month the rule cuts through: its sum, from the days it keeps.
            let first = String(day.prefix(8)) + "01"
            for time in [Time.stop, Time.hall] {
                try connection.run("DELETE FROM visit_times WHERE what = '\(time.month)' AND day = $1", first)
                try connection.run("""
                    INSERT INTO visit_times (day, stand, what, hall, exhibit, seconds, visits, month_last)
                    SELECT CAST($1 AS TEXT), '', '\(time.month)', hall, exhibit, seconds, sum(visits), month_last FROM visit_times
                    WHERE what = '\(time.name)' AND substr(day, 1, 8) || '01' = $1 GROUP BY hall, exhibit, seconds, month_last
                    """, first)
            }
            return count
        }
    }

    /// The stands that have recorded anything, and how many rows each, for `check`.
    public func rowsByStand() throws(BookError) -> [String: Int] {
        var rows: [String: Int] = [:]
        for row in try connection.run("SELECT stand, count(*) FROM visit_events GROUP BY stand", []) {
            if row.count == 2, let stand = row[0], let count = row[1].flatMap({ Int($0) }) { rows[stand] = count }
        }
        return rows
    }

    // MARK: - Counting

    /// A count the report shows: `value` for each group of `columns` over the rows of `kind`,
    /// kept under `name` in `visit_counts` once folded. Each is additive over days and stands:
    /// a visit is on one stand, and folded whole into one day (`fold`).
    struct Count {
        let name: String
        let kind: VisitEvent.Kind
        let columns: [String]
        let value: String
        var condition = "1 = 1"

        static let distinctVisits = "count(DISTINCT visit)"
        static let began = Count(name: "began", kind: .began, columns: ["day", "hour", "detail", "stand"], value: "count(*)")
        static let readMore = Count(name: "more", kind: .readMore, columns: ["hall", "exhibit"], value: distinctVisits)
        static let revealed = Count(name: "graphic", kind: .graphic, columns: ["hall", "exhibit"], value: distinctVisits)
        static let languages = Count(name: "languages", kind: .shown, columns: ["language"], value: distinctVisits,
                                     condition: "place <> '\(VisitEvent.Place.welcome)'")
        static let languageChanges = Count(name: "language-changes", kind: .language, columns: [], value: distinctVisits)
        static let groups = Count(name: "groups", kind: .group, columns: ["detail"], value: distinctVisits)
        static let endings = Count(name: "endings", kind: .ended, columns: ["detail"], value: "count(*)")
        static let endPlaces = Count(name: "end-places", kind: .ended, columns: ["place", "hall"], value: "count(*)")
        static let doors = Count(name: "doors", kind: .door, columns: ["hall", "detail"], value: distinctVisits)
        static let steppedOut = Count(name: "stepped-out", kind: .steppedOut, columns: ["hall"], value: distinctVisits)
        static let steppedBack = Count(name: "stepped-back", kind: .steppedBack, columns: ["hall"], value: distinctVisits)
        static let dropped = Count(name: "dropped", kind: .dropped, columns: [], value: "sum(amount)")
        static let all = [began, readMore, revealed, languages, languageChanges, groups, endings, endPlaces, doors, steppedOut, steppedBack, dropped]

        /// The columns other than the day and the stand, which `visit_counts` keeps as `a`, `b`.
        var keys: [String] { columns.filter { $0 != "day" && $0 != "stand" } }

        /// Each column as `visit_counts` names it.
        var folded: [String] {
            var keyNames = ["a", "b"].makeIterator()
            return columns.map { $0 == "day" || $0 == "stand" ? $0 : keyNames.next()! }
        }
    }

    /// Everything the report shows, counted over `period`, with the funnel along `halls` (the
    /// pack's hall ids in the tour's order): the folded days' counts and the rows not yet folded.
    public func figures(_ period: ReportPeriod, halls: [String]) throws(BookError) -> ReportFigures {
        let query = Query(connection: connection, period: period)
        var figures = ReportFigures()
        for row in try query.rows(.began) {
            guard let count = Int(row[4]), let hour = Int(row[1]) else { continue }
            figures.visits += count
            figures.visitsByDay[row[0], default: 0] += count
            figures.visitsByHour[hour, default: 0] += count
            figures.visitsByFront[row[2], default: 0] += count
            figures.visitsByStand[row[3], default: 0] += count
        }
        for row in try query.medians(Time.stop) {
            figures.stops[StopKey(hall: row[0], exhibit: row[1]), default: StopFigures()].shown = Median(row[2], row[3])
        }
        for row in try query.rows(.readMore) {
            figures.stops[StopKey(hall: row[0], exhibit: row[1]), default: StopFigures()].readMore = Int(row[2]) ?? 0
        }
        for row in try query.rows(.revealed) {
            figures.stops[StopKey(hall: row[0], exhibit: row[1]), default: StopFigures()].revealed = Int(row[2]) ?? 0
        }
        for row in try query.medians(Time.hall) { figures.halls[row[0]] = Median(row[1], row[2]) }
        for row in try query.furthest(halls: halls) {
            if let step = Int(row[0]), let count = Int(row[1]) { figures.furthest[step] = count }
        }
        for row in try query.rows(.languages) { figures.languages[row[0]] = Int(row[1]) ?? 0 }
        figures.languageChanges = try query.rows(.languageChanges).first.flatMap { Int($0[0]) } ?? 0
        for row in try query.rows(.groups) { figures.groups[row[0]] = Int(row[1]) ?? 0 }
        for row in try query.rows(.endings) { figures.endings[row[0]] = Int(row[1]) ?? 0 }
        for row in try query.rows(.endPlaces) {
            figures.endPlaces[EndPlace(place: row[0], hall: row[1])] = Int(row[2]) ?? 0
        }
        for row in try query.rows(.doors) {
            let count = Int(row[2]) ?? 0
            if row[1] == VisitEvent.entered { figures.doors[row[0], default: DoorFigures()].entered = count }
            if row[1] == VisitEvent.turnedBack { figures.doors[row[0], default: DoorFigures()].turnedBack = count }
        }
        for row in try query.rows(.steppedOut) { figures.stepOuts[row[0], default: StepOutFigures()].out = Int(row[1]) ?? 0 }
        for row in try query.rows(.steppedBack) { figures.stepOuts[row[0], default: StepOutFigures()].back = Int(row[1]) ?? 0 }
        figures.dropped = try query.rows(.dropped).first.flatMap { Int($0[0]) } ?? 0
        return figures
    }

    /// A median the report shows: each visit's time on a stop (`hall`, `exhibit`) or on a
    /// hall and its exhibits (`hall`), kept under `name` in `visit_times` once folded, and
    /// under `month` summed over a month's folded days and every stand: a day's histogram has
    /// tens of thousands of rows, too many to read for a year in a second.
    struct Time {
        let name: String
        let columns: [String]
        var month: String { name + "-month" }

        static let stop = Time(name: "stop", columns: ["hall", "exhibit"])
        static let hall = Time(name: "hall", columns: ["hall"])

        /// Each visit's time in the group, to the second (rounded, as the report shows it): the
        /// median of these is the same from the raw rows and from the folded histogram.
        static let seconds = "(CAST(sum(amount) AS BIGINT) + 500) / 1000"
    }

    /// The statements of one report: every one over the same period and stand, each a single
    /// statement over the folded counts and the raw rows together, so that a fold committed
    /// meanwhile moves rows from one to the other without any being counted twice or missed.
    struct Query {
        let connection: SQLConnection
        let period: ReportPeriod

        /// `$1` to `$3`: the first and last day, and the stand ('' for every stand).
        var parameters: [String?] { [period.since ?? "0000-00-00", period.until ?? "9999-99-99", period.stand ?? ""] }
        static let period = "day >= $1 AND day <= $2 AND (CAST($3 AS TEXT) = '' OR stand = $3)"
        /// Every stand: a month the period covers whole is read from its sum, and only the
        /// days of the months the period begins and ends in (ranges an index finds, written
        /// so, as `NOT`, where a bound is only a filter) are read one by one.
        static let everyStand = "CAST($3 AS TEXT) = ''"
        static let uncovered = "\(everyStand) AND NOT (substr(day, 1, 8) || '01' >= $1 AND month_last <= $2)"

        /// `count`'s value for each group of its columns: each row is the columns, then the
        /// value, as text ('' for NULL).
        func rows(_ count: Count) throws(BookError) -> [[String]] {
            let names = count.columns.indices.map { "k\($0)" }
            let grouped = names.isEmpty ? "" : "GROUP BY " + names.joined(separator: ", ")
            let raw = zip(count.columns, names).map { "CAST(\($0) AS TEXT) AS \($1)" }
            let rawGrouped = count.columns.isEmpty ? "" : "GROUP BY " + count.columns.joined(separator: ", ")
            let folded = zip(count.folded, names).map { "\($0) AS \($1)" }
            return try text(connection.run("""
                SELECT \((names + ["CAST(sum(n) AS BIGINT)"]).joined(separator: ", ")) FROM (
                    SELECT \((raw + ["\(count.value) AS n"]).joined(separator: ", ")) FROM visit_events
                    WHERE kind = '\(count.kind.rawValue)' AND \(Self.period) AND \(count.condition) \(rawGrouped)
                    UNION ALL
                    SELECT \((folded + ["visits AS n"]).joined(separator: ", ")) FROM visit_counts WHERE what = '\(count.name)' AND \(Self.period)
                ) AS counted \(grouped)
                """, parameters))
        }

        /// For each group of `time`'s columns: how many visits showed it, and the median of
        /// each visit's time on it in whole seconds (of the two middle ones, their mean), in
        /// milliseconds.
        func medians(_ time: Time) throws(BookError) -> [[String]] {
            let group = time.columns.joined(separator: ", ")
            return try text(connection.run("""
                WITH each_visit AS (
                    SELECT \(group), \(Time.seconds) AS seconds FROM visit_events
                    WHERE kind = 'shown' AND place = '\(VisitEvent.Place.stop)' AND \(Self.period) GROUP BY \(group), visit
                ), histogram AS (
                    SELECT \(group), seconds, CAST(sum(visits) AS BIGINT) AS visits FROM (
                        SELECT \(group), seconds, 1 AS visits FROM each_visit
                        UNION ALL
                        SELECT \(group), seconds, visits FROM visit_times WHERE what = '\(time.name)' AND \(Self.period) AND NOT \(Self.everyStand)
                        UNION ALL
                        SELECT \(group), seconds, visits FROM visit_times
                        WHERE what = '\(time.name)' AND day >= $1 AND day <= substr($1, 1, 8) || '31' AND NOT (day > $2) AND \(Self.uncovered)
                        UNION ALL
                        SELECT \(group), seconds, visits FROM visit_times
                        WHERE what = '\(time.name)' AND day >= substr($2, 1, 8) || '01' AND day <= $2 AND NOT (day <= substr($1, 1, 8) || '31')
                            AND \(Self.uncovered)
                        UNION ALL
                        SELECT \(group), seconds, visits FROM visit_times
                        WHERE what = '\(time.month)' AND \(Self.everyStand) AND day >= $1 AND month_last <= $2
                    ) AS timed GROUP BY \(group), seconds
                ), ranked AS (
                    SELECT \(group), seconds, CAST(sum(visits) OVER (PARTITION BY \(group) ORDER BY seconds) AS BIGINT) AS reached,
                           CAST(sum(visits) OVER (PARTITION BY \(group)) AS BIGINT) AS visits
                    FROM histogram
                )
                SELECT \(group), max(visits),
                       (min(CASE WHEN reached >= (visits + 1) / 2 THEN seconds END) + min(CASE WHEN reached >= (visits + 2) / 2 THEN seconds END)) * 500
                FROM ranked GROUP BY \(group)
                """, parameters))
        }

        /// How far each visit got along the tour: visits by the furthest step they showed (1
        /// the tour's advisory, 2 the first hall …, `halls.count + 2` the end). A stop in a
        /// hall the pack no longer has counts as the advisory passed. A folded day keeps the
        /// furthest place itself (`Fold.furthest`), given its step here by the same rule.
        func furthest(halls: [String]) throws(BookError) -> [[String]] {
            let end = halls.count + 2
            return try text(connection.run("""
                SELECT step, CAST(sum(visits) AS BIGINT) FROM (
                    SELECT step, count(*) AS visits FROM (
                        SELECT visit, \(Fold.step(halls: halls, place: "place", hall: "hall", first: 4)) AS step
                        FROM visit_events WHERE \(Fold.furthestRows) AND \(Self.period) GROUP BY visit
                    ) AS each_visit GROUP BY step
                    UNION ALL
                    SELECT CASE a WHEN '\(VisitEvent.Place.end)' THEN \(end) WHEN '\(VisitEvent.Place.advisory)' THEN 1
                                  ELSE \(Fold.hallStep(halls: halls, hall: "b", first: 4)) END AS step, visits
                    FROM visit_counts WHERE what = 'furthest' AND \(Self.period)
                ) AS reached GROUP BY step
                """, parameters + halls))
        }

        private func text(_ rows: [[String?]]) -> [[String]] { rows.map { $0.map { $0 ?? "" } } }
    }

    // MARK: - Folding

    /// Folds every day before `day` (2026-12-03) into the report's counts, a day at a time in
    /// order, and deletes its raw rows; returns how many days. A visit is folded whole into
    /// the day it began: its rows past midnight go with it, so no visit is counted in two days.
    /// `halls`: the pack's, in the tour's order, for how far each visit got.
    public func fold(before day: String, halls: [String]) throws(BookError) -> Int {
        // The days, listed once: asked for one at a time, PostgreSQL would step over every
        // row deleted so far (until a vacuum) to find the first left.
        let days = try connection.run("SELECT DISTINCT day FROM visit_events WHERE day < $1 ORDER BY day", day).compactMap { $0.first ?? nil }
        for first in days {
            // Under the migrations' lock (one writer in SQLite): a second folder waits, then
            // finds the day's rows gone and adds nothing.
            try connection.transaction(exclusive: true) { () throws(BookError) in
                let next = try connection.run("SELECT min(day) FROM visit_events WHERE day > $1", first).first?.first ?? nil
                try Fold(connection: connection, day: first, next: next).run(halls: halls)
            }
        }
        return days.count
    }

    /// The statements that fold one day.
    struct Fold {
        let connection: SQLConnection
        let day: String
        /// The next day with rows, where a visit that began on `day` may have gone on.
        let next: String?

        /// `$1` the day, `$2` the next: the day's rows, and those of its visits on the next.
        static let rows = "day IN ($1, $2) AND (day = $1 OR visit IN (SELECT visit FROM visit_events WHERE day = $1 AND visit <> 0))"
        static let furthestRows = """
            kind = 'shown' AND place IN ('\(VisitEvent.Place.advisory)', '\(VisitEvent.Place.door)', '\(VisitEvent.Place.stop)', '\(VisitEvent.Place.end)')
            """

        var parameters: [String?] { [day, next] }

        func run(halls: [String]) throws(BookError) {
            for count in Count.all {
                let keys = count.keys.map { "CAST(\($0) AS TEXT)" } + Array(repeating: "''", count: 2 - count.keys.count)
                try connection.run("""
                    INSERT INTO visit_counts (day, stand, what, a, b, visits)
                    SELECT CAST($1 AS TEXT), stand, '\(count.name)', \(keys.joined(separator: ", ")), \(count.value) FROM visit_events
                    WHERE kind = '\(count.kind.rawValue)' AND \(count.condition) AND \(Self.rows) GROUP BY \((["stand"] + count.keys).joined(separator: ", "))
                    """, parameters)
            }
            let month = String(day.prefix(8)) + "01", monthLast = Self.lastDay(ofMonth: day)
            for time in [Time.stop, Time.hall] {
                let group = (["stand"] + time.columns).joined(separator: ", ")
                let exhibit = time.columns.contains("exhibit") ? "exhibit" : "''"
                // The day's histogram, marked new until it is added to its month's sum: a day
                // folded again (rows a stand wrote late) adds only what this fold counted.
                try connection.run("""
                    INSERT INTO visit_times (day, stand, what, hall, exhibit, seconds, visits, month_last)
                    SELECT CAST($1 AS TEXT), stand, '\(time.name)-new', hall, \(exhibit), seconds, count(*), CAST($3 AS TEXT) FROM (
                        SELECT \(group), \(Time.seconds) AS seconds FROM visit_events
                        WHERE kind = 'shown' AND place = '\(VisitEvent.Place.stop)' AND \(Self.rows) GROUP BY \(group), visit
                    ) AS each_visit GROUP BY \(group), seconds
                    """, parameters + [monthLast])
                // The month's sum, with the day added: written anew, then put in place of the old.
                try connection.run("""
                    INSERT INTO visit_times (day, stand, what, hall, exhibit, seconds, visits, month_last)
                    SELECT CAST($1 AS TEXT), '', '\(time.month)-next', hall, exhibit, seconds, sum(visits), CAST($2 AS TEXT) FROM visit_times
                    WHERE (what = '\(time.month)' AND day = $1) OR what = '\(time.name)-new' GROUP BY hall, exhibit, seconds
                    """, month, monthLast)
                try connection.run("DELETE FROM visit_times WHERE what = '\(time.month)' AND day = $1", month)
                try connection.run("UPDATE visit_times SET what = '\(time.month)' WHERE what = '\(time.month)-next'")
                try connection.run("UPDATE visit_times SET what = '\(time.name)' WHERE what = '\(time.name)-new'")
            }
            try furthest(halls: halls)
            // The next day's rows first: their visits are found among the day's rows, which
            // one statement might already have deleted when it looks (SQLite does).
            try connection.run("DELETE FROM visit_events WHERE day = $2 AND visit IN (SELECT visit FROM visit_events WHERE day = $1 AND visit <> 0)",
                               parameters)
            try connection.run("DELETE FROM visit_events WHERE day = $1", day)
        }

        /// The last day of `day`'s month (2024-02-29 for 2024-02-10).
        static func lastDay(ofMonth day: String) -> String {
            let parts = day.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return day }
            let (year, month) = (parts[0], parts[1])
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
            return String(day.prefix(8)) + String(days)
        }

        /// How far each visit got, kept as the place itself (the end, the advisory, or a hall)
        /// so that a report finds its step along the tour it is given.
        func furthest(halls: [String]) throws(BookError) {
            let reached = try connection.run("""
                SELECT stand, step, count(*) FROM (
                    SELECT stand, visit, \(Self.step(halls: halls, place: "place", hall: "hall", first: 3)) AS step
                    FROM visit_events WHERE \(Self.furthestRows) AND \(Self.rows) GROUP BY stand, visit
                ) AS each_visit GROUP BY stand, step
                """, parameters + halls)
            for row in reached {
                guard row.count == 3, let stand = row[0], let step = row[1].flatMap({ Int($0) }), let visits = row[2] else { continue }
                let (place, hall) = step == halls.count + 2 ? (VisitEvent.Place.end, "")
                    : step >= 2 ? (VisitEvent.Place.stop, halls[step - 2]) : (VisitEvent.Place.advisory, "")
                try connection.run("INSERT INTO visit_counts (day, stand, what, a, b, visits) VALUES ($1, $2, 'furthest', $3, $4, $5)",
                                   day, stand, place, hall, visits)
            }
        }

        /// A visit's furthest step, over its rows; the halls' ids are parameters from `$first`.
        static func step(halls: [String], place: String, hall: String, first: Int) -> String {
            """
            max(CASE \(place) WHEN '\(VisitEvent.Place.end)' THEN \(halls.count + 2) WHEN '\(VisitEvent.Place.advisory)' THEN 1
                ELSE \(hallStep(halls: halls, hall: hall, first: first)) END)
            """
        }

        static func hallStep(halls: [String], hall: String, first: Int) -> String {
            halls.isEmpty ? "1" : "CASE \(hall) " + halls.indices.map { "WHEN $\($0 + first) THEN \($0 + 2)" }.joined(separator: " ") + " ELSE 1 END"
        }
    }
}

/// What a report covers: days from and to (2026-06-01, inclusive; nil: from the first, to the
/// last), and one stand or all.
public struct ReportPeriod: Hashable, Sendable {
    public var since: String?
    public var until: String?
    public var stand: String?

    public init(since: String? = nil, until: String? = nil, stand: String? = nil) {
        self.since = since
        self.until = until
        self.stand = stand
    }
}

/// A stop by its ids in the pack (exhibit "" for the hall itself).
public struct StopKey: Hashable, Sendable {
    public var hall: String
    public var exhibit: String

    public init(hall: String, exhibit: String) {
        self.hall = hall
        self.exhibit = exhibit
    }
}

/// How many visits showed something, and the median of each visit's time on it.
public struct Median: Hashable, Sendable {
    public var visits: Int
    public var milliseconds: Int64

    public init(visits: Int, milliseconds: Int64) {
        self.visits = visits
        self.milliseconds = milliseconds
    }

    init(_ visits: String, _ milliseconds: String) {
        self.init(visits: Int(visits) ?? 0, milliseconds: Int64(milliseconds) ?? 0)
    }
}

public struct StopFigures: Hashable, Sendable {
    public var shown = Median(visits: 0, milliseconds: 0)
    public var readMore = 0
    public var revealed = 0

    public init() {}
}

public struct DoorFigures: Hashable, Sendable {
    public var entered = 0
    public var turnedBack = 0

    public init() {}
}

public struct StepOutFigures: Hashable, Sendable {
    public var out = 0
    public var back = 0

    public init() {}
}

/// Where a visit ended: the kind of place (`VisitEvent.Place`) and its hall, if any.
public struct EndPlace: Hashable, Sendable {
    public var place: String
    public var hall: String

    public init(place: String, hall: String) {
        self.place = place
        self.hall = hall
    }
}

/// The counts a report is made of, as the database gave them: visits (each counted once per
/// line it belongs to), before any is left out for being small.
public struct ReportFigures: Hashable, Sendable {
    public var visits = 0
    public var visitsByDay: [String: Int] = [:]
    public var visitsByHour: [Int: Int] = [:]
    public var visitsByFront: [String: Int] = [:]
    public var visitsByStand: [String: Int] = [:]
    /// Visits that read in each language (a place other than the welcome shown in it).
    public var languages: [String: Int] = [:]
    public var languageChanges = 0
    public var stops: [StopKey: StopFigures] = [:]
    /// By hall id: the visits that showed a stop of it, and the median time.
    public var halls: [String: Median] = [:]
    /// Visits by the furthest step along the tour they showed (`Query.furthest`).
    public var furthest: [Int: Int] = [:]
    /// Visits by how they ended (`VisitEvent.detail`), and by where.
    public var endings: [String: Int] = [:]
    public var endPlaces: [EndPlace: Int] = [:]
    public var doors: [String: DoorFigures] = [:]
    public var stepOuts: [String: StepOutFigures] = [:]
    /// Visits by `group` detail: joined, led.
    public var groups: [String: Int] = [:]
    /// Events that could not be kept.
    public var dropped = 0

    public init() {}
}
