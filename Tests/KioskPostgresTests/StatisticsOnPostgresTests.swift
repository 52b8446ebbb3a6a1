import Foundation
import KioskBook
import KioskCore
import KioskStatistics
import KioskTestServers
import Testing

/// The visit statistics in PostgreSQL: the report's statements give there what they give in
/// SQLite, for the same rows from several stands.
@Suite(.serialized) struct StatisticsOnPostgresTests {
    /// Visits on two stands over two days, each with a few places and an end.
    static var events: [VisitEvent] {
        var events: [VisitEvent] = []
        let entrance = VisitPlace.stop(hall: "entrance", exhibit: nil)
        let ledger = VisitPlace.stop(hall: "archive", exhibit: "01-ledger")
        for number in 1...23 {
            let visit = Int64(number) * 7_919_000_003
            let stand = number % 3 == 0 ? "hall-2" : "hall-1"
            let day = number % 4 == 0 ? "2026-12-05" : "2026-12-04"
            let hour = 10 + number % 5
            let language = ["en", "az", "ru"][number % 3]
            func event(_ kind: VisitEvent.Kind, _ place: VisitPlace? = nil, hall: String = "", detail: String = "", amount: Int64 = 0) {
                events.append(VisitEvent(visit: visit, stand: stand, day: day, hour: hour, kind: kind, place: place, hall: hall,
                                         language: language, detail: detail, amount: amount))
            }
            event(.began, detail: number % 6 == 0 ? "ssh" : "stand")
            event(.shown, .tourAdvisory, amount: 4_000)
            event(.shown, entrance, amount: Int64(number) * 1_500)
            if number % 2 == 0 {
                event(.shown, .door(hall: "archive"), amount: 9_000)
                event(.door, hall: "archive", detail: number % 4 == 0 ? VisitEvent.turnedBack : VisitEvent.entered)
            }
            if number % 4 == 2 {
                event(.shown, ledger, amount: Int64(number) * 2_000)
                event(.graphic, ledger)
                event(.readMore, ledger)
            }
            if number % 5 == 0 { event(.steppedOut, hall: "entrance") }
            if number % 7 == 0 { event(.language) }
            event(.ended, number % 2 == 0 ? .door(hall: "archive") : entrance, detail: number % 3 == 0 ? "left" : "idle-reset")
        }
        events.append(VisitEvent(visit: 0, stand: "hall-1", day: "2026-12-04", hour: 11, kind: .dropped, amount: 3))
        return events
    }

    @Test func theReportsFiguresAreTheSameAsInSQLite() throws {
        let url = try PostgresServer.require().freshDatabase()
        let onPostgres = try VisitStatistics(connection: try PostgresBookConnection(url: url))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("statistics-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let onSQLite = try VisitStatistics(connection: try SQLiteConnection(path: folder + "/book.sqlite"))
        try onPostgres.add(Self.events)
        try onSQLite.add(Self.events)
        let halls = ["entrance", "archive", "garden"]
        for period in [ReportPeriod(), ReportPeriod(stand: "hall-2"), ReportPeriod(since: "2026-12-05"), ReportPeriod(until: "2026-12-04", stand: "hall-1")] {
            let postgres = try onPostgres.figures(period, halls: halls)
            #expect(postgres == (try onSQLite.figures(period, halls: halls)), "\(period)")
        }
        let all = try onPostgres.figures(ReportPeriod(), halls: halls)
        #expect(all.visits == 23 && all.visitsByStand == ["hall-1": 16, "hall-2": 7] && all.dropped == 3)
        #expect(try onPostgres.forget(before: "2026-12-05") == (try onSQLite.forget(before: "2026-12-05")))
        #expect(try onPostgres.rowsByStand() == (try onSQLite.rowsByStand()))
    }

    @Test func foldedDaysGiveTheSameFiguresAsTheirRows() throws {
        let url = try PostgresServer.require().freshDatabase()
        let statistics = try VisitStatistics(connection: try PostgresBookConnection(url: url))
        try statistics.add(Self.events)
        let halls = ["entrance", "archive", "garden"]
        // Every stand over whole months, over the days of the month a period begins or ends
        // in, and over both; one stand.
        let periods = [ReportPeriod(), ReportPeriod(stand: "hall-2"), ReportPeriod(since: "2026-12-05"), ReportPeriod(until: "2026-12-04"),
                       ReportPeriod(since: "2026-12-04", until: "2026-12-04"), ReportPeriod(until: "2026-12-04", stand: "hall-1")]
        let raw = try periods.map { try statistics.figures($0, halls: halls) }
        #expect(try statistics.fold(before: "2026-12-05", halls: halls) == 1)
        #expect(try statistics.figures(ReportPeriod(), halls: halls) == raw[0], "a folded day and a raw one")
        #expect(try statistics.fold(before: "2026-12-06", halls: halls) == 1)
        #expect(try statistics.rowsByStand() == [:])
        for (period, figures) in zip(periods, raw) {
            #expect(try statistics.figures(period, halls: halls) == figures, "\(period)")
        }
    }
}
