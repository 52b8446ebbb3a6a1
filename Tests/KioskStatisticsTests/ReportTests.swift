import Foundation
import KioskBook
import KioskCore
import SnapshotTesting
import Testing
@testable import KioskStatistics

/// The small test pack of KioskCoreTests (entrance, archive with its door, garden), with the
/// kiosk's own words.
enum SmallPack {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let pack: Pack = {
        guard let pack = PackLoader(directory: root + "/Tests/KioskCoreTests/Packs/small", kioskWords: root).load().pack else {
            fatalError("the small test pack does not load")
        }
        return pack
    }()

    static var halls: [String] { pack.halls.map(\.id) }
}

/// A fresh SQLite database in a folder of its own.
final class StatisticsFile {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("statistics-\(UUID().uuidString.prefix(8))").path
    var path: String { folder + "/book.sqlite" }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func open() throws -> VisitStatistics { try VisitStatistics(connection: try SQLiteConnection(path: path)) }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// Visits written by hand, as the recorder would write them.
struct HandVisits {
    var events: [VisitEvent] = []

    /// One visit: `shown` places with their seconds, then `more` rows, then its end at the last
    /// place shown.
    mutating func visit(_ number: Int64, stand: String = "hall-1", day: String = "2026-12-04", hour: Int, front: String = "stand",
                        language: String, shown: [(VisitPlace, Int64)], more: [(VisitEvent.Kind, VisitPlace?, String, String)] = [],
                        end: VisitEnd) {
        func event(_ kind: VisitEvent.Kind, place: VisitPlace? = nil, hall: String = "", detail: String = "", amount: Int64 = 0) -> VisitEvent {
            VisitEvent(visit: number, stand: stand, day: day, hour: hour, kind: kind, place: place, hall: hall, language: language,
                       detail: detail, amount: amount)
        }
        events.append(event(.began, detail: front))
        for (place, seconds) in shown { events.append(event(.shown, place: place, amount: seconds * 1000)) }
        for (kind, place, hall, detail) in more { events.append(event(kind, place: place, hall: hall, detail: detail)) }
        events.append(event(.ended, place: shown.last?.0, detail: VisitEvent.detail(end)))
    }

    static let entrance = VisitPlace.stop(hall: "entrance", exhibit: nil)
    static let archive = VisitPlace.stop(hall: "archive", exhibit: nil)
    static let ledger = VisitPlace.stop(hall: "archive", exhibit: "01-ledger")

    /// Ten visits on one stand and one on another, counted by hand in the tests below:
    /// - 1 to 6, at 10:00 in English at the stand: the advisory 5 s, the entrance 31 to 36 s,
    ///   ended by the idle reset there;
    /// - 7 to 9, at 11:00 in Azerbaijani over SSH: the advisory, then the archive's door, turned
    ///   back, and left there (q);
    /// - 10, at 11:00 in Russian at the stand: the entrance 10 s, the archive 20 s, the ledger
    ///   40 s with its graphic revealed and read more, a step out from the archive and back,
    ///   the end; hung up there;
    /// - 11, the next day on stand hall-2, in English: the entrance 7 s, idle reset.
    static var morning: [VisitEvent] {
        var visits = HandVisits()
        for number in 1...6 {
            visits.visit(Int64(number), hour: 10, language: "en", shown: [(.tourAdvisory, 5), (entrance, 30 + Int64(number))], end: .idleReset)
        }
        for number in 7...9 {
            visits.visit(Int64(number), hour: 11, front: "ssh", language: "az", shown: [(.tourAdvisory, 4), (.door(hall: "archive"), 12)],
                         more: [(.door, nil, "archive", VisitEvent.turnedBack)], end: .left)
        }
        visits.visit(10, hour: 11, language: "ru", shown: [(entrance, 10), (archive, 20), (.quietRoom, 30), (ledger, 40), (.end, 3)],
                     more: [(.graphic, ledger, "", ""), (.readMore, ledger, "", ""), (.steppedOut, nil, "archive", ""),
                            (.steppedBack, nil, "archive", "")],
                     end: .hangUp)
        visits.visit(11, stand: "hall-2", day: "2026-12-05", hour: 9, language: "en", shown: [(entrance, 7)], end: .idleReset)
        return visits.events
    }
}

@Suite struct VisitStatisticsTests {
    @Test func theFiguresOfAHandCountedMorning() throws {
        let file = try StatisticsFile()
        let statistics = try file.open()
        try statistics.add(HandVisits.morning)
        let figures = try statistics.figures(ReportPeriod(stand: "hall-1"), halls: SmallPack.halls)
        #expect(figures.visits == 10)
        #expect(figures.visitsByDay == ["2026-12-04": 10])
        #expect(figures.visitsByHour == [10: 6, 11: 4])
        #expect(figures.visitsByFront == ["stand": 7, "ssh": 3])
        #expect(figures.visitsByStand == ["hall-1": 10])
        #expect(figures.languages == ["en": 6, "az": 3, "ru": 1], "a visit reads in a language once it shows more than the welcome")
        let entrance = try #require(figures.stops[StopKey(hall: "entrance", exhibit: "")])
        // 10, 31, 32, 33, 34, 35, 36: the middle one.
        #expect(entrance.shown == Median(visits: 7, milliseconds: 33_000))
        let ledger = try #require(figures.stops[StopKey(hall: "archive", exhibit: "01-ledger")])
        #expect(ledger.shown == Median(visits: 1, milliseconds: 40_000) && ledger.readMore == 1 && ledger.revealed == 1)
        // The archive: visit 10's hall and ledger together, 60 s; its door is not a stop.
        #expect(figures.halls == ["entrance": Median(visits: 7, milliseconds: 33_000), "archive": Median(visits: 1, milliseconds: 60_000)])
        #expect(figures.furthest == [2: 6, 3: 3, 5: 1], "the entrance; the archive's door; the end")
        #expect(figures.endings == ["idle-reset": 6, "left": 3, "hang-up": 1])
        #expect(figures.endPlaces == [EndPlace(place: "stop", hall: "entrance"): 6, EndPlace(place: "door", hall: "archive"): 3,
                                      EndPlace(place: "end", hall: ""): 1])
        #expect(figures.doors.count == 1 && figures.doors["archive"]?.turnedBack == 3 && figures.doors["archive"]?.entered == 0)
        #expect(figures.stepOuts.count == 1 && figures.stepOuts["archive"]?.out == 1 && figures.stepOuts["archive"]?.back == 1)
        #expect(figures.dropped == 0)
    }

    @Test func aPeriodAndAStandChooseTheirRows() throws {
        let file = try StatisticsFile()
        let statistics = try file.open()
        try statistics.add(HandVisits.morning)
        #expect(try statistics.figures(ReportPeriod(), halls: SmallPack.halls).visitsByStand == ["hall-1": 10, "hall-2": 1])
        #expect(try statistics.figures(ReportPeriod(since: "2026-12-05"), halls: SmallPack.halls).visits == 1)
        #expect(try statistics.figures(ReportPeriod(until: "2026-12-04"), halls: SmallPack.halls).visits == 10)
        #expect(try statistics.figures(ReportPeriod(stand: "nowhere"), halls: SmallPack.halls) == ReportFigures())
        #expect(try statistics.forget(before: "2026-12-05") == HandVisits.morning.count - 3)
        #expect(try statistics.rowsByStand() == ["hall-2": 3])
    }

    @Test func aMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() throws {
        let file = try StatisticsFile()
        let statistics = try file.open()
        var visits = HandVisits()
        for (number, seconds) in [(1, 10), (2, 20), (3, 40), (4, 90)] {
            visits.visit(Int64(number), hour: 9, language: "en", shown: [(HandVisits.entrance, Int64(seconds))], end: .left)
        }
        // A visit that came back to the stop: its two times are one visit's time.
        visits.visit(5, hour: 9, language: "en", shown: [(HandVisits.entrance, 15), (HandVisits.archive, 1), (HandVisits.entrance, 15)], end: .left)
        try statistics.add(visits.events)
        let entrance = try statistics.figures(ReportPeriod(), halls: SmallPack.halls).stops[StopKey(hall: "entrance", exhibit: "")]
        // 10, 20, 30, 40, 90.
        #expect(entrance?.shown == Median(visits: 5, milliseconds: 30_000))
        try statistics.add([VisitEvent(visit: 6, stand: "hall-1", day: "2026-12-04", hour: 9, kind: .shown, place: HandVisits.entrance,
                                       language: "en", amount: 60_000)])
        let six = try statistics.figures(ReportPeriod(), halls: SmallPack.halls).stops[StopKey(hall: "entrance", exhibit: "")]
        #expect(six?.shown == Median(visits: 6, milliseconds: 35_000))
    }

    @Test func foldedDaysGiveTheFiguresTheirRowsGave() throws {
        let file = try StatisticsFile()
        let statistics = try file.open()
        var visits = HandVisits()
        // On hall-2, a visit that begins before midnight and ends after it: folded whole into
        // the day it began.
        visits.visit(12, stand: "hall-2", hour: 23, language: "az", shown: [(HandVisits.entrance, 20)], end: .left)
        visits.events.removeLast()
        visits.events += [VisitEvent(visit: 12, stand: "hall-2", day: "2026-12-05", hour: 0, kind: .shown, place: HandVisits.ledger,
                                     language: "az", amount: 1_600),
                          VisitEvent(visit: 12, stand: "hall-2", day: "2026-12-05", hour: 0, kind: .ended, place: HandVisits.ledger,
                                     language: "az", detail: VisitEvent.detail(.left)),
                          VisitEvent(visit: 0, stand: "hall-1", day: "2026-12-04", hour: 11, kind: .dropped, amount: 2)]
        try statistics.add(HandVisits.morning + visits.events)
        let periods = [ReportPeriod(), ReportPeriod(stand: "hall-1"), ReportPeriod(until: "2026-12-04", stand: "hall-1"),
                       ReportPeriod(since: "2026-12-05", stand: "hall-1"), ReportPeriod(stand: "hall-2")]
        let raw = try periods.map { try statistics.figures($0, halls: SmallPack.halls) }
        #expect(raw[0].visits == 12 && raw[0].dropped == 2)
        #expect(try statistics.fold(before: "2026-12-05", halls: SmallPack.halls) == 1)
        #expect(try statistics.rowsByStand() == ["hall-2": 3], "visit 11's rows; visit 12's went with its day")
        #expect(try statistics.figures(ReportPeriod(), halls: SmallPack.halls) == raw[0], "a folded day and a raw one")
        #expect(try statistics.fold(before: "2026-12-06", halls: SmallPack.halls) == 1)
        #expect(try statistics.fold(before: "2026-12-06", halls: SmallPack.halls) == 0, "nothing is left to fold twice")
        #expect(try statistics.rowsByStand() == [:])
        for (period, figures) in zip(periods, raw) {
            #expect(try statistics.figures(period, halls: SmallPack.halls) == figures, "\(period)")
        }
        // A stand that writes a visit of a folded day late: folded with the day next time,
        // and the month's sum adds it once.
        var late = HandVisits()
        late.visit(13, hour: 16, language: "en", shown: [(HandVisits.entrance, 50)], end: .left)
        try statistics.add(late.events)
        #expect(try statistics.fold(before: "2026-12-06", halls: SmallPack.halls) == 1)
        let unfolded = try StatisticsFile()
        try unfolded.open().add(HandVisits.morning + visits.events + late.events)
        #expect(try statistics.figures(ReportPeriod(), halls: SmallPack.halls) == (try unfolded.open().figures(ReportPeriod(), halls: SmallPack.halls)))
        #expect(try statistics.forget(before: "2026-12-05") == 0)
        let kept = try statistics.figures(ReportPeriod(), halls: SmallPack.halls)
        #expect(kept.visits == 1, "the counts of a day forgotten go too")
        #expect(kept.stops[StopKey(hall: "entrance", exhibit: "")]?.shown == Median(visits: 1, milliseconds: 7_000), "and its times from the month's")
    }
}

@Suite struct ReportTests {
    static func morningReport(stand: String? = nil) throws -> (StatisticsReport, StatisticsFile) {
        let file = try StatisticsFile()
        let statistics = try file.open()
        try statistics.add(HandVisits.morning)
        let period = ReportPeriod(stand: stand)
        return (StatisticsReport(figures: try statistics.figures(period, halls: SmallPack.halls), pack: SmallPack.pack, period: period), file)
    }

    @Test func aCountUnderFiveIsNeverShown() throws {
        #expect(Tally(0) == .count(0))
        #expect((1...4).allSatisfy { Tally($0) == .fewerThanThreshold })
        #expect(Tally(5) == .count(5))
        let (report, _) = try Self.morningReport()
        for section in report.sections {
            for row in section.rows {
                for value in row.values {
                    switch value {
                    case .visits(let tally): #expect(!(1...4).contains(tally.shown ?? 0), "\(section.id) \(row.label)")
                    case .percent(let percent?):
                        // A share is shown only beside a count that is.
                        #expect(row.values.contains { if case .visits(.count(let count)) = $0 { count >= 5 } else { false } })
                        _ = percent
                    case .time(let time?):
                        _ = time
                        #expect(row.values.contains { if case .visits(.count(let count)) = $0 { count >= 5 } else { false } },
                                "a median of fewer than 5 visits is not shown: \(section.id) \(row.label)")
                    default: break
                    }
                }
            }
        }
        let languages = try #require(report.sections.first { $0.id == "languages" })
        #expect(languages.rows.map(\.values) == [[.visits(.count(7))], [.visits(.fewerThanThreshold)], [.visits(.fewerThanThreshold)]])
        let csv = ReportData.text(report, format: .csv)
        #expect(csv.split(separator: "\r\n").filter { $0.hasPrefix("languages,") }.map { $0.split(separator: ",").last! } == ["7", "<5", "<5"])
        let json = ReportData.text(report, format: .json)
        #expect(json.contains("\"language\":\"ru\""))
        #expect(!json.contains("\"visits\":1,") && !json.contains("\"visits\":3,"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["visits"] as? Int == 11)
        #expect(object?["smallest_count_shown"] as? Int == 5)
    }

    @Test func theReportInTheTerminal() throws {
        let (report, _) = try Self.morningReport()
        assertSnapshot(of: ReportText.render(report, width: 80), as: .lines, named: "charts-80")
        assertSnapshot(of: ReportText.render(report, width: 80, plain: true), as: .lines, named: "plain")
    }

    @Test func theReportForTheMuseumsTools() throws {
        let (report, _) = try Self.morningReport(stand: "hall-1")
        assertSnapshot(of: ReportData.text(report, format: .csv), as: .lines, named: "csv")
        assertSnapshot(of: ReportData.text(report, format: .json), as: .lines, named: "json")
    }

    @Test func nothingInTheDatabaseIsAnEmptyReport() throws {
        let file = try StatisticsFile()
        let report = StatisticsReport(figures: try file.open().figures(ReportPeriod(), halls: SmallPack.halls), pack: SmallPack.pack,
                                      period: ReportPeriod())
        let text = ReportText.render(report)
        #expect(text.contains("every stand · 0 visits"))
        #expect(!text.contains("█"))
    }

    @Test func barsAreDrawnInEighthsOfACell() {
        #expect(ReportText.bar(10, of: 10, width: 4) == "████")
        #expect(ReportText.bar(5, of: 10, width: 3) == "█▌")
        #expect(ReportText.bar(1, of: 1000, width: 10) == "▏", "above nothing shows at least an eighth")
        #expect(ReportText.bar(0, of: 10, width: 10) == "")
    }
}
