import KioskCore
import KioskView
import SnapshotTesting
import Testing

/// The stand's day on screen: closed, in a silence, and the line over every page.
@Suite struct MuseumDayFrameTests {
    /// Tuesday to Sunday, 10:00 to 18:00; closed on Mondays.
    static let hours = OpeningHours(days: [nil] + Array(repeating: 600..<1080, count: 6))
    static let stand = Tour(pack: smallPack, kiosk: KioskSettings(isKiosk: true, openingHours: hours))

    static func at(month: Int = 5, day: Int = 7, weekday: Int = 5, _ hour: Int, _ minute: Int) -> TourEvent {
        .localTime(LocalTime(year: 2027, month: month, day: day, weekday: weekday, hour: hour, minute: minute))
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func theClosedPage(columns: Int, rows: Int) {
        assertSnapshot(of: frame(columns, rows, language: nil, [Self.at(8, 0)], tour: Self.stand), as: .screen,
                       named: "closed-\(columns)x\(rows)")
    }

    @Test func aBlankingStandIsDarkWhenClosed() {
        let blanking = Tour(pack: smallPack, kiosk: KioskSettings(isKiosk: true, openingHours: OpeningHours(days: Self.hours.days, blankWhenClosed: true)))
        let dark = frame(80, 24, language: nil, [Self.at(20, 0), .tick(Instant(milliseconds: 61_000))], tour: blanking)
        #expect(dark.text.allSatisfy { $0 == "\n" })
        let woken = frame(80, 24, language: nil, [Self.at(20, 0), .tick(Instant(milliseconds: 61_000)), .key(.character(" "))], tour: blanking)
        #expect(woken.text.contains("The museum is closed."))
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func theMinuteOfSilence(columns: Int, rows: Int) {
        let events = keys(.enter) + typed("110") + keys(.enter) + [Self.at(month: 5, day: 9, 12, 0)]
        assertSnapshot(of: frame(columns, rows, events, tour: Self.stand), as: .screen, named: "silence-\(columns)x\(rows)")
    }

    /// The day's line sits in the header's rule; on a narrow screen it takes the museum's
    /// name's row too, never a line of the page.
    @Test(arguments: [(80, 24), (40, 12)])
    func theDaysLineOverAPage(columns: Int, rows: Int) {
        let events = keys(.enter) + typed("110") + keys(.enter) + [Self.at(month: 5, day: 9, 10, 0)]
        assertSnapshot(of: frame(columns, rows, events, tour: Self.stand), as: .screen, named: "day-line-\(columns)x\(rows)")
    }

    @Test func closingTimeOverTheAttractLoop() {
        assertSnapshot(of: frame(80, 24, language: nil, [Self.at(17, 50)], tour: Self.stand), as: .screen, named: "closing-attract-80x24")
    }

    @Test func theSilenceLineByLine() {
        var state = started(Self.stand, language: "ru", size: PlainView.size)
        _ = Self.stand.reduce(&state, Self.at(month: 5, day: 9, 12, 0))
        #expect(PlainView(tour: Self.stand).page(state) == ["Минута молчания", "", "В полдень тестовый музей хранит минуту молчания."])
    }
}
