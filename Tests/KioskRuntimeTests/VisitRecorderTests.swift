import Foundation
import KioskBook
import KioskCore
import KioskRuntime
import KioskStatistics
import Synchronization
import Testing

/// The visit statistics through the runtime's loop: what the tour records, stamped with the
/// stand, the hour and each place's time, and written off the loop.
@Suite struct VisitRecorderTests {
    final class Database {
        let folder = TemporaryDirectory()
        var path: String { folder.path + "/book.sqlite" }

        func service(capacity: Int = StatisticsService.standardCapacity) -> StatisticsService {
            StatisticsService(open: { [path] () throws(BookError) in try VisitStatistics(connection: try SQLiteConnection(path: path)) },
                              report: { _ in }, capacity: capacity)
        }

        /// Each row as visit (1 for the first visit number seen, 2 for the next …), kind, place,
        /// hall, exhibit, language, detail, amount, and the day and hour.
        func rows() throws -> [[String]] {
            let rows = try VisitStatistics(connection: try SQLiteConnection(path: path)).connection.run(
                "SELECT visit, kind, place, hall, exhibit, language, detail, amount, stand, day, hour FROM visit_events ORDER BY rowid", [])
            var numbers: [String: Int] = [:]
            return rows.map { row in
                let visit = row[0] ?? ""
                let number = visit == "0" ? 0 : numbers[visit] ?? { numbers[visit] = numbers.count + 1; return numbers.count }()
                return [String(number)] + row.dropFirst().map { $0 ?? "" }
            }
        }
    }

    /// Woken at 0 s, then the language, the tour's advisory and the entrance.
    static func toTheEntrance(_ front: TestFront) {
        front.press(.character(" "))
        front.press(.enter, after: 2)
        front.press(.character("n"), after: 3)
        front.press(.character("n"), after: 4)
    }

    @Test func aHangUpMidStopEndsTheVisitThereWithTheStopsTime() throws {
        let database = Database()
        let front = TestFront()
        Self.toTheEntrance(front)
        front.press(.down, after: 10)
        front.send(.ended(.endOfInput), after: 5)
        let recorder = VisitRecorder(statistics: database.service(), stand: "hall-1", front: "stand", clock: front.clock)
        _ = SessionRuntime(tour: TestPack.kiosk, front: front, clock: front.clock, effects: EffectRunner(), start: Tour.SessionStart(),
                           watchers: [recorder]).run()
        let rows = try database.rows()
        #expect(rows.map { Array($0.prefix(8)) } == [
            ["1", "began", "", "", "", "en", "stand", "0"],
            ["1", "shown", "welcome", "", "", "en", "", "5000"],
            ["1", "shown", "advisory", "", "", "en", "", "4000"],
            ["1", "shown", "stop", "entrance", "", "en", "", "15000"],
            ["1", "ended", "stop", "entrance", "", "en", "hang-up", "0"],
        ])
        #expect(rows.allSatisfy { $0[8] == "hall-1" && $0[9] == "2026-06-15" && $0[10] == "12" }, "the stand, its day and hour: no finer time")
    }

    @Test func theIdleResetEndsTheVisitAndAPageLeftAloneCountsNoLongerThanTheIdleTimeout() throws {
        let database = Database()
        let front = TestFront()
        Self.toTheEntrance(front)
        front.press(.down, after: 60)
        // The idle reset comes by itself; the attract loop is no visit.
        front.send(.ended(.endOfInput), after: 600)
        let recorder = VisitRecorder(statistics: database.service(), stand: "hall-1", front: "stand", clock: front.clock)
        _ = SessionRuntime(tour: TestPack.kiosk, front: front, clock: front.clock, effects: EffectRunner(), start: Tour.SessionStart(),
                           watchers: [recorder]).run()
        let rows = try database.rows().map { Array($0.prefix(8)) }
        #expect(rows.suffix(2) == [
            ["1", "shown", "stop", "entrance", "", "en", "", "180000"],
            ["1", "ended", "stop", "entrance", "", "en", "idle-reset", "0"],
        ], "60 s, then 120 s at most of a page nobody touched")
        #expect(!rows.contains { $0[1] == "began" && $0[0] != "1" }, "no visit began after")
    }

    @Test func twoVisitsOfOneSessionHaveTwoNumbersThatAreNotKeptAnywhereElse() throws {
        let database = Database()
        let front = TestFront()
        Self.toTheEntrance(front)
        front.press(.character(" "), after: 400)
        front.press(.enter, after: 1)
        front.send(.ended(.endOfInput), after: 1)
        let recorder = VisitRecorder(statistics: database.service(), stand: "hall-1", front: "stand", clock: front.clock)
        _ = SessionRuntime(tour: TestPack.kiosk, front: front, clock: front.clock, effects: EffectRunner(), start: Tour.SessionStart(),
                           watchers: [recorder]).run()
        let rows = try database.rows()
        #expect(rows.filter { $0[1] == "began" }.map(\.[0]) == ["1", "2"])
        #expect(rows.last.map { [$0[0], $0[1], $0[2], $0[6]] } == ["2", "ended", "welcome", "hang-up"],
                "the end of input mid-visit is a hang-up (in whichever language the attract loop was woken)")
    }

    @Test func aDatabaseThatCannotBeWrittenDropsTheEventsAndTheVisitGoesOn() throws {
        let front = TestFront()
        Self.toTheEntrance(front)
        front.send(.ended(.endOfInput), after: 5)
        let service = StatisticsService(open: { () throws(BookError) in throw BookError(.unavailable, "disk full") }, report: { _ in },
                                        batchDelay: 0)
        let recorder = VisitRecorder(statistics: service, stand: "hall-1", front: "stand", clock: front.clock)
        let outcome = SessionRuntime(tour: TestPack.kiosk, front: front, clock: front.clock, effects: EffectRunner(),
                                     start: Tour.SessionStart(), watchers: [recorder]).run()
        #expect(outcome.state.visit.place.kind == .hall(0), "the visitor reached the entrance all the same")
        // began, welcome, advisory, entrance, ended.
        #expect(service.dropped == 5)
    }
}
