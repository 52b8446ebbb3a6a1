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

    /// The retention rule: every row of a day before `day` (2025-11-04) is deleted. Returns
    /// how many.
    public func forget(before day: String) throws(BookError) -> Int {
        try connection.transaction { () throws(BookError) -> Int in
            let count = try connection.run("SELECT count(*) FROM visit_events WHERE day < $1", day).first?.first.flatMap { $0.flatMap { Int($0) } } ?? 0
            try connection.run("DELETE FROM visit_events WHERE day < $1", day)
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

    /// Everything the report shows, counted over `period`, with the funnel along `halls` (the
    /// pack's hall ids in the tour's order).
    public func figures(_ period: ReportPeriod, halls: [String]) throws(BookError) -> ReportFigures {
        let query = Query(connection: connection, period: period)
        var figures = ReportFigures()
        for row in try query.rows(["day", "hour", "detail", "stand"], "count(*)", kind: .began) {
            guard let count = Int(row[4]), let hour = Int(row[1]) else { continue }
            figures.visits += count
            figures.visitsByDay[row[0], default: 0] += count
            figures.visitsByHour[hour, default: 0] += count
            figures.visitsByFront[row[2], default: 0] += count
            figures.visitsByStand[row[3], default: 0] += count
        }
        for row in try query.medians(["hall", "exhibit"]) {
            figures.stops[StopKey(hall: row[0], exhibit: row[1]), default: StopFigures()].shown = Median(row[2], row[3])
        }
        for row in try query.rows(["hall", "exhibit"], "count(DISTINCT visit)", kind: .readMore) {
            figures.stops[StopKey(hall: row[0], exhibit: row[1]), default: StopFigures()].readMore = Int(row[2]) ?? 0
        }
        for row in try query.rows(["hall", "exhibit"], "count(DISTINCT visit)", kind: .graphic) {
            figures.stops[StopKey(hall: row[0], exhibit: row[1]), default: StopFigures()].revealed = Int(row[2]) ?? 0
        }
        for row in try query.medians(["hall"]) { figures.halls[row[0]] = Median(row[1], row[2]) }
        for row in try query.furthest(halls: halls) {
            if let step = Int(row[0]), let count = Int(row[1]) { figures.furthest[step] = count }
        }
        for row in try query.rows(["language"], "count(DISTINCT visit)", kind: .shown, where: "place <> '\(VisitEvent.Place.welcome)'") {
            figures.languages[row[0]] = Int(row[1]) ?? 0
        }
        figures.languageChanges = try query.rows([], "count(DISTINCT visit)", kind: .language).first.flatMap { Int($0[0]) } ?? 0
        for row in try query.rows(["detail"], "count(DISTINCT visit)", kind: .group) { figures.groups[row[0]] = Int(row[1]) ?? 0 }
        for row in try query.rows(["detail"], "count(*)", kind: .ended) { figures.endings[row[0]] = Int(row[1]) ?? 0 }
        for row in try query.rows(["place", "hall"], "count(*)", kind: .ended) {
            figures.endPlaces[EndPlace(place: row[0], hall: row[1])] = Int(row[2]) ?? 0
        }
        for row in try query.rows(["hall", "detail"], "count(DISTINCT visit)", kind: .door) {
            let count = Int(row[2]) ?? 0
            if row[1] == VisitEvent.entered { figures.doors[row[0], default: DoorFigures()].entered = count }
            if row[1] == VisitEvent.turnedBack { figures.doors[row[0], default: DoorFigures()].turnedBack = count }
        }
        for row in try query.rows(["hall"], "count(DISTINCT visit)", kind: .steppedOut) { figures.stepOuts[row[0], default: StepOutFigures()].out = Int(row[1]) ?? 0 }
        for row in try query.rows(["hall"], "count(DISTINCT visit)", kind: .steppedBack) { figures.stepOuts[row[0], default: StepOutFigures()].back = Int(row[1]) ?? 0 }
        figures.dropped = try query.rows([], "sum(amount)", kind: .dropped).first.flatMap { Int($0[0]) } ?? 0
        return figures
    }

    /// The statements of one report: every one over the same period and stand.
    struct Query {
        let connection: SQLConnection
        let period: ReportPeriod

        /// `$1` to `$3`: the first and last day, and the stand ('' for every stand).
        var parameters: [String?] { [period.since ?? "0000-00-00", period.until ?? "9999-99-99", period.stand ?? ""] }
        static let period = "day >= $1 AND day <= $2 AND (CAST($3 AS TEXT) = '' OR stand = $3)"

        /// `value` for each group of `columns`, over the rows of `kind`: each row is the
        /// columns, then the value, as text ('' for NULL).
        func rows(_ columns: [String], _ value: String, kind: VisitEvent.Kind, where condition: String = "1 = 1") throws(BookError) -> [[String]] {
            let grouped = columns.isEmpty ? "" : "GROUP BY " + columns.joined(separator: ", ")
            let selected = (columns + [value]).joined(separator: ", ")
            return try text(connection.run("""
                SELECT \(selected) FROM visit_events WHERE kind = '\(kind.rawValue)' AND \(Self.period) AND \(condition) \(grouped)
                """, parameters))
        }

        /// For each group of `columns` of the stops shown: how many visits showed it, and the
        /// median of each visit's time on it (of the two middle ones, their mean).
        func medians(_ columns: [String]) throws(BookError) -> [[String]] {
            let group = columns.joined(separator: ", ")
            return try text(connection.run("""
                WITH each_visit AS (
                    SELECT \(group), visit, sum(amount) AS spent FROM visit_events
                    WHERE kind = 'shown' AND place = '\(VisitEvent.Place.stop)' AND \(Self.period) GROUP BY \(group), visit
                ), ranked AS (
                    SELECT \(group), spent, row_number() OVER (PARTITION BY \(group) ORDER BY spent) AS position,
                           count(*) OVER (PARTITION BY \(group)) AS visits
                    FROM each_visit
                )
                SELECT \(group), max(visits), CAST(sum(spent) AS BIGINT) / count(*) FROM ranked
                WHERE position IN ((visits + 1) / 2, (visits + 2) / 2) GROUP BY \(group)
                """, parameters))
        }

        /// How far each visit got along the tour: visits by the furthest step they showed (1
        /// the tour's advisory, 2 the first hall …, `halls.count + 2` the end). A stop in a
        /// hall the pack no longer has counts as the advisory passed.
        func furthest(halls: [String]) throws(BookError) -> [[String]] {
            let byHall = halls.isEmpty ? "1" : "CASE hall " + halls.indices.map { "WHEN $\($0 + 4) THEN \($0 + 2)" }.joined(separator: " ") + " ELSE 1 END"
            return try text(connection.run("""
                SELECT step, count(*) FROM (
                    SELECT visit, max(CASE place WHEN '\(VisitEvent.Place.end)' THEN \(halls.count + 2) WHEN '\(VisitEvent.Place.advisory)' THEN 1
                                      ELSE \(byHall) END) AS step
                    FROM visit_events
                    WHERE kind = 'shown' AND place IN ('\(VisitEvent.Place.advisory)', '\(VisitEvent.Place.door)', '\(VisitEvent.Place.stop)', '\(VisitEvent.Place.end)')
                          AND \(Self.period)
                    GROUP BY visit
                ) AS furthest GROUP BY step
                """, parameters + halls))
        }

        private func text(_ rows: [[String?]]) -> [[String]] { rows.map { $0.map { $0 ?? "" } } }
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
