import Foundation
import KioskCore
import KioskRuntime
import KioskView
import Logging
import Synchronization
import Testing

/// The bundled pack, as a stand shows it.
enum BundledPack {
    static let pack: Pack = {
        guard let pack = PackLoader(directory: kioskWords, kioskWords: kioskWords).load().pack else { fatalError("the bundled pack does not load") }
        return pack
    }()

    static let stand = Tour(pack: pack, kiosk: KioskSettings(isKiosk: true))
}

/// The stand's day, through the runtime's loop on a test clock whose wall clock is set to the
/// day a test needs.
@Suite struct StandDayRuntimeTests {
    /// 2027-02-26 16:59:00 (the test clock's zone is UTC, whatever the machine's).
    static let khojalyDayAt1659: Int64 = 1_803_661_140

    @Test func theMinuteOfSilenceAppearsAtThePacksTimeAndTheVisitGoesOnAfterIt() throws {
        let front = TestFront(clock: TestClock(wallStart: Self.khojalyDayAt1659))
        // At 18 s, when the attract loop shows English again.
        front.press(.character(" "), after: 18)
        front.press(.enter, .enter, .enter, after: 5)
        // Keys in the silence wait.
        front.press(.character("n"), .character("n"), after: 50)
        front.send(.ended(.endOfInput), after: 90)
        let runtime = SessionRuntime(tour: BundledPack.stand, front: front, clock: front.clock, effects: EffectRunner(),
                                     start: Tour.SessionStart())
        _ = runtime.run()
        func screen(at seconds: Double) -> String {
            front.frames.last { Double($0.at.milliseconds - 10_000) / 1000 <= seconds }?.frame.text ?? ""
        }
        let before = screen(at: 59.9)
        #expect(before.contains("Azerbaijan commemorates 26 February as the Day of the Khojaly Genocide."), "the day's line, over the page")
        #expect(!before.contains("A minute of silence"))
        let first = try #require(front.frames.first { $0.at.milliseconds - 10_000 >= 60_000 })
        #expect(first.at.milliseconds - 10_000 == 60_000, "at 17:00 exactly: the loop slept until the minute")
        for seconds in [60.0, 90, 119.9] {
            let silence = screen(at: seconds)
            #expect(silence.contains("A minute of silence"), "at \(seconds) s")
            #expect(silence.contains("in memory of the victims of Khojaly"))
            #expect(silence.contains("Bir dəqiqəlik sükut") && silence.contains("Минута молчания"), "in every language of the stand")
        }
        let after = screen(at: 120)
        #expect(!after.contains("A minute of silence"))
        #expect(after == before, "the visitor is where they were; the keys pressed in the silence did nothing")
    }

    @Test func theStaffsNoticeShowsWithinSecondsAndGoesWhenCleared() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notice-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/notice"
        let front = TestFront()
        let board = NoticeBoard(path: path, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let runtime = SessionRuntime(tour: TestPack.kiosk, front: front, clock: front.clock, effects: EffectRunner(noticeBoard: board),
                                     start: Tour.SessionStart(language: "en"))
        runtime.send(.key(.character(" ")))
        try "en: The lift is out of order.\nru: Лифт не работает.\n".write(toFile: path, atomically: true, encoding: .utf8)
        front.clock.advance(milliseconds: Int64(NoticeBoard.lookSeconds * 1000))
        runtime.wake()
        #expect(TourView(tour: runtime.tour).render(runtime.state).text.split(separator: "\n")[1]
            .contains(" The lift is out of order. "), "in the header's rule")
        try "en: this is not one\nen: twice\n".write(toFile: path, atomically: true, encoding: .utf8)
        front.clock.advance(milliseconds: Int64(NoticeBoard.lookSeconds * 1000))
        runtime.wake()
        #expect(runtime.state.session.day.staffNotice == nil, "a notice the kiosk cannot read shows nothing")
        try FileManager.default.removeItem(atPath: path)
        front.clock.advance(milliseconds: Int64(NoticeBoard.lookSeconds * 1000))
        runtime.wake()
        #expect(runtime.state.session.day.staffNotice == nil)
    }
}

/// The stand's health file, as node_exporter's textfile collector reads it.
@Suite struct StandHealthTests {
    static func metrics(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            let name = parts[0].prefix { $0 != "{" }
            values[String(name)] = String(parts[1])
        }
        return values
    }

    /// Every line is a comment or `name{labels} value`, as the text format wants.
    static func isExposition(_ text: String) -> Bool {
        text.hasSuffix("\n") && text.split(separator: "\n").allSatisfy { line in
            line.hasPrefix("# HELP museum_kiosk_") || line.hasPrefix("# TYPE museum_kiosk_")
                || line.wholeMatch(of: /museum_kiosk_[a-z_]+\{stand="[^"]*"(,[a-z_]+="([^"\\]|\\.)*")*\} \d+/) != nil
        }
    }

    @Test func theFileChangesAsAVisitorWalks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let front = TestFront()
        let dropped = Mutex(0)
        let health = StandHealth(directory: folder, stand: "hall-4", session: nil, clock: front.clock,
                                 pack: { StandHealth.PackStatus(version: "20261204-153000-1a2b3c4d") },
                                 statisticsDropped: { dropped.withLock { $0 } })
        let runtime = SessionRuntime(tour: TestPack.kiosk, front: front, clock: front.clock, effects: EffectRunner(),
                                     start: Tour.SessionStart(), watchers: [health])
        func read() throws -> (text: String, values: [String: String]) {
            let text = try String(contentsOfFile: folder + "/museum-kiosk-hall-4.prom", encoding: .utf8)
            return (text, Self.metrics(text))
        }
        let resting = try read()
        #expect(Self.isExposition(resting.text))
        #expect(resting.text.contains("museum_kiosk_pack_info{stand=\"hall-4\",version=\"20261204-153000-1a2b3c4d\"} 1"))
        #expect(resting.values["museum_kiosk_up_since_seconds"] == "1781524800")
        #expect(resting.values["museum_kiosk_visits_started_total"] == "0")
        #expect(resting.values["museum_kiosk_last_key_seconds"] == "0")
        #expect(resting.values["museum_kiosk_sessions_open"] == "1")
        #expect(resting.values["museum_kiosk_statistics_dropped_total"] == "0")
        // The visit statistics' queue dropped events: the next writing says how many.
        dropped.withLock { $0 = 7 }

        front.clock.advance(milliseconds: 30_000)
        runtime.wake()
        runtime.send(.key(.character(" ")))
        let walking = try read().values
        #expect(walking["museum_kiosk_visits_started_total"] == "1")
        #expect(walking["museum_kiosk_statistics_dropped_total"] == "7")
        #expect(walking["museum_kiosk_visit_in_progress"] == "1")
        #expect(walking["museum_kiosk_last_key_seconds"] == "1781524830")

        front.clock.advance(milliseconds: 141_000)
        runtime.wake()
        let reset = try read().values
        #expect(reset["museum_kiosk_idle_resets_total"] == "1")
        #expect(reset["museum_kiosk_visit_in_progress"] == "0")

        health.ended()
        #expect(try read().values["museum_kiosk_sessions_open"] == "0", "a stand staff stopped says so; its file stays")
    }

    @Test func aPackThatFailedIsNamedAndItsQuotesCannotBreakTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = TestClock()
        let health = StandHealth(directory: folder, stand: "hall-4", session: nil, clock: clock, pack: {
            StandHealth.PackStatus(version: "bundled", lastError: ("tour.yaml:3: error: \"name\" \\ is\nmissing", 1_781_524_700))
        })
        health.shows(TestPack.kiosk)
        let text = try String(contentsOfFile: health.path, encoding: .utf8)
        #expect(Self.isExposition(text))
        #expect(text.contains(#"error="tour.yaml:3: error: \"name\" \\ is\nmissing""#))
        #expect(Self.metrics(text)["museum_kiosk_last_pack_error_seconds"] == "1781524700")
    }

    @Test func eachSessionOfAHostHasItsOwnFileWhichGoesWithItAndWithACrash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // One a crashed session left (its process is gone), and one of a live session (this one).
        let gone = folder + "/museum-kiosk-ssh.session-4000000.prom"
        let alive = folder + "/museum-kiosk-ssh.session-\(getpid()).prom"
        let otherStand = folder + "/museum-kiosk-ssh-2.session-4000000.prom"
        for path in [gone, alive, otherStand] { try "".write(toFile: path, atomically: true, encoding: .utf8) }
        let health = StandHealth(directory: folder, stand: "ssh", session: 4_000_001, clock: TestClock(),
                                 pack: { StandHealth.PackStatus(version: "bundled") })
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: otherStand), "another stand's files are its own")
        health.shows(TestPack.laptop)
        let text = try String(contentsOfFile: health.path, encoding: .utf8)
        #expect(text.contains("museum_kiosk_sessions_open{stand=\"ssh\",session=\"4000001\"} 1"))
        health.ended()
        #expect(!FileManager.default.fileExists(atPath: health.path))
    }

    @Test func aStandsNameIsSafeAsAFileAndALabel() {
        for name in ["hall-4", "lobby_east", "stand.2"] { #expect(StandHealth.isValidStand(name), "\(name)") }
        for name in ["", "../etc", "a/b", ".hidden", "hall 4", "зал", String(repeating: "a", count: 65)] {
            #expect(!StandHealth.isValidStand(name), "\(name)")
        }
    }
}
