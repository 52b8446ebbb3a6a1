import Foundation
import KioskBook
import Synchronization
import Testing
@testable import KioskStatistics

/// The queue between the kiosk's loop and the database: it never waits, and what it cannot
/// keep it counts.
@Suite struct StatisticsServiceTests {
    static func event(_ number: Int64) -> VisitEvent {
        VisitEvent(visit: number, stand: "hall-1", day: "2026-12-04", hour: 10, kind: .began, language: "en", detail: "stand")
    }

    static func rows(_ file: StatisticsFile) throws -> [[String?]] {
        try file.open().connection.run("SELECT visit, kind, amount FROM visit_events ORDER BY kind, visit", [])
    }

    @Test func aFullBoxDropsWhatDoesNotFitAndTheCountIsKept() throws {
        let file = try StatisticsFile()
        let service = StatisticsService(open: { () throws(BookError) in try VisitStatistics(connection: try SQLiteConnection(path: file.path)) },
                                        report: { _ in }, capacity: 3, batchDelay: 60)
        let clock = ContinuousClock()
        let took = clock.measure {
            for number in 1...5 { service.record(Self.event(Int64(number))) }
        }
        #expect(took < .milliseconds(50), "recording waits for nothing")
        #expect(service.dropped == 2)
        service.close()
        #expect(try Self.rows(file) == [["1", "began", "0"], ["2", "began", "0"], ["3", "began", "0"], ["0", "dropped", "2"]])
    }

    @Test func anUnavailableDatabaseDropsEventsUntilItIsBackThenSaysHowMany() throws {
        let file = try StatisticsFile()
        let available = Atomic(false)
        let said = Mutex<[String]>([])
        let service = StatisticsService(open: { () throws(BookError) in
            guard available.load(ordering: .relaxed) else { throw BookError(.unavailable, "the server is down") }
            return try VisitStatistics(connection: try SQLiteConnection(path: file.path))
        }, report: { line in said.withLock { $0.append(line) } }, batchDelay: 0, retrySeconds: 0)
        service.record(Self.event(1))
        service.record(Self.event(2))
        let deadline = Date().addingTimeInterval(5)
        while service.dropped < 2, Date() < deadline { usleep(5_000) }
        #expect(service.dropped == 2)
        available.store(true, ordering: .relaxed)
        service.record(Self.event(3))
        service.close()
        #expect(service.dropped == 2)
        #expect(try Self.rows(file) == [["3", "began", "0"], ["0", "dropped", "2"]])
        let lines = said.withLock { $0 }
        #expect(lines.first?.contains("cannot be written") == true && lines.first?.contains("the server is down") == true)
        #expect(lines.last?.contains("written again; 2 events were dropped") == true)
    }

    @Test func aDatabaseThatNeverAnswersDoesNotHoldTheExit() {
        let service = StatisticsService(open: { () throws(BookError) in
            sleep(3)
            throw BookError(.unavailable, "no answer")
        }, report: { _ in }, batchDelay: 0)
        service.record(Self.event(1))
        let took = ContinuousClock().measure { service.close(waitingUpTo: 0.3) }
        #expect(took < .seconds(1))
    }
}
