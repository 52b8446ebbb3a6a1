import Testing
@testable import KioskCore

/// The stand's local time, for the tests: 2027, a Friday in May unless told.
func local(month: Int = 5, day: Int = 7, weekday: Int = 5, _ hour: Int, _ minute: Int, second: Int = 0) -> LocalTime {
    LocalTime(year: 2027, month: month, day: day, weekday: weekday, hour: hour, minute: minute, second: second)
}

extension Visit {
    /// The clock at `seconds`, and the wall clock at `time`, as the runtime sends them.
    mutating func clock(_ seconds: Double, _ time: LocalTime) {
        tick(seconds)
        send(.localTime(time))
    }
}

/// Tuesday to Sunday, 10:00 to 18:00; closed on Mondays.
let museumHours = OpeningHours(days: [nil] + Array(repeating: 600..<1080, count: 6))

enum Stands {
    static let open = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true, hasStaffPIN: true, openingHours: museumHours))
    static let blanking = Tour(pack: TestPacks.small, kiosk: KioskSettings(
        isKiosk: true, openingHours: OpeningHours(days: museumHours.days, blankWhenClosed: true)))
}

@Suite struct OpeningHoursTests {
    @Test func hoursAreReadAsAClockShowsThem() {
        #expect(OpeningHours.minute(of: "09:30") == 570)
        #expect(OpeningHours.minute(of: "24:00") == 1440)
        for wrong in ["9", "24:01", "10:60", "+9:00", "10:5", "ten:00", "", ":", "10:00:00", "١٠:٠٠"] {
            #expect(OpeningHours.minute(of: wrong) == nil, "\(wrong)")
        }
    }

    @Test func theNextOpeningIsTodayTomorrowOrAfterAClosedDay() throws {
        let friday = try #require(museumHours.nextOpening(after: local(8, 0)))
        #expect(friday.inDays == 0 && friday.minute == 600)
        let fridayEvening = try #require(museumHours.nextOpening(after: local(19, 0)))
        #expect(fridayEvening.inDays == 1 && fridayEvening.weekday == 6)
        let sunday = try #require(museumHours.nextOpening(after: local(day: 9, weekday: 7, 18, 30)))
        #expect(sunday.inDays == 2 && sunday.weekday == 2, "Monday is closed: Tuesday")
        #expect(OpeningHours(days: Array(repeating: nil, count: 7)).nextOpening(after: local(12, 0)) == nil)
    }
}

@Suite struct ClosedStandTests {
    @Test func outsideTheHoursTheStandIsClosedAndKeysWait() {
        var visit = Visit(tour: Stands.open, language: nil)
        visit.clock(0, local(8, 0))
        #expect(Stands.open.isClosed(visit.state))
        visit.press(.character(" "), .enter)
        #expect(visit.state.visit.attention.control == .attract(since: at(0)), "no visit begins while closed")
        #expect(visit.effects == [])
        #expect(Stands.open.nextOpening(visit.state, in: "en") == "It opens today at 10:00.")
        #expect(Stands.open.nextOpening(visit.state, in: "ru") == "Музей откроется сегодня в 10:00.")
        visit.clock(60, local(day: 10, weekday: 1, 12, 0))
        #expect(Stands.open.nextOpening(visit.state, in: "en") == "It opens again on Tuesday at 10:00.")
    }

    @Test func theStaffExitWorksWhileClosed() {
        var visit = Visit(tour: Stands.open, language: nil)
        visit.clock(0, local(20, 0))
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.overlay?.kind == .staffExit)
        visit.type("2468")
        #expect(visit.state.visit.staffPrompt.entry == "2468")
    }

    @Test func atOpeningTimeTheAttractLoopShows() {
        var visit = Visit(tour: Stands.open, language: nil)
        visit.clock(0, local(9, 59, second: 30))
        #expect(Stands.open.dayDeadline(visit.state) == at(30), "the next minute")
        visit.clock(30, local(10, 0))
        #expect(!Stands.open.isClosed(visit.state))
        let shown = Stands.open.attractLanguage(visit.state)
        visit.press(.character(" "))
        #expect(visit.effects == [.record(.began(language: shown)), .record(.showing(.welcome))])
    }

    @Test func fifteenMinutesBeforeClosingEveryScreenSaysSoAndAtClosingTheVisitEnds() {
        var visit = Visit(tour: Stands.open, language: nil)
        visit.clock(0, local(17, 40))
        visit.press(.character(" "), .enter, .enter)
        #expect(Stands.open.banner(visit.state, in: "en") == nil)
        visit.clock(300, local(17, 45))
        #expect(Stands.open.banner(visit.state, in: "en") == "The museum closes in 15 minutes.")
        visit.press(.character("n"))
        visit.clock(360, local(17, 59))
        #expect(Stands.open.banner(visit.state, in: "ru") == "Музей закроется через 1 минуту.")
        visit.clock(420, local(18, 0))
        #expect(visit.effects == [.record(.ended(.museumClosed)), .newVisit])
        #expect(visit.state.visit.attention.control == .attract(since: at(420)))
        #expect(Stands.open.isClosed(visit.state))
    }

    @Test func aBlankingStandIsDarkUntilAKeyThenShowsTheClosedPageForAMinute() {
        var visit = Visit(tour: Stands.blanking, language: nil)
        visit.clock(0, local(20, 0))
        visit.clock(61, local(20, 1))
        #expect(Stands.blanking.isDark(visit.state))
        visit.press(.character(" "))
        #expect(!Stands.blanking.isDark(visit.state))
        #expect(Stands.blanking.dayDeadline(visit.state) == at(121), "dark again a minute after the key")
        visit.tick(121)
        #expect(Stands.blanking.isDark(visit.state))
    }
}

@Suite struct CommemorationTests {
    static let tour = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true))

    @Test func onTheDayALineIsOverEveryScreenInTheVisitorsLanguage() {
        var visit = Visit(tour: Self.tour, language: "az")
        visit.clock(0, local(month: 5, day: 8, 9, 0))
        #expect(Self.tour.banner(visit.state, in: "az") == nil)
        visit.clock(60, local(month: 5, day: 9, 9, 0))
        #expect(Self.tour.banner(visit.state, in: "az") == "Sınaq muzeyi bu gün qurucularını anır.")
    }

    @Test func theSilenceTakesTheScreenAtItsTimeAndTheVisitWaitsThroughIt() {
        var visit = Visit(tour: Self.tour, language: "en")
        visit.clock(0, local(month: 5, day: 9, 11, 59))
        visit.press(.character(" "), .enter, .enter)
        let place = visit.state.visit.place
        #expect(Self.tour.silence(visit.state) == nil)
        #expect(Self.tour.dayDeadline(visit.state) == at(60))
        visit.clock(60, local(month: 5, day: 9, 12, 0))
        let silence = Self.tour.silence(visit.state)
        #expect(silence?.text.text(in: "en", fallback: "en") == "At noon the test museum keeps a minute of silence.")
        #expect(silence?.title == nil, "the kiosk's own heading: a minute")
        visit.press(.character("n"), .enter, .character("q"))
        #expect(visit.state.visit.place == place, "keys wait through the silence")
        #expect(visit.effects == [])
        // A minute of silence is no time away: the idle timeout counts from its end.
        visit.clock(120, local(month: 5, day: 9, 12, 1))
        #expect(Self.tour.silence(visit.state) == nil)
        visit.tick(120 + 119)
        #expect(Self.tour.idleCountdown(visit.state) == nil)
        visit.press(.character("n"))
        #expect(visit.state.visit.place != place, "after it, the tour goes on where it was")
    }

    @Test func aLongerSilenceHasItsOwnHeading() {
        var visit = Visit(tour: Self.tour, language: "ru")
        visit.clock(0, local(month: 6, day: 1, 9, 31))
        #expect(Self.tour.silence(visit.state)?.title?.text(in: "ru", fallback: "en") == "Две минуты молчания")
        visit.clock(60, local(month: 6, day: 1, 9, 32))
        #expect(Self.tour.silence(visit.state) == nil)
    }
}

@Suite struct StaffNoticeTests {
    static let tour = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true, openingHours: museumHours))

    @Test func aNoticeIsReadInEachLanguageWithOneLineForTheRest() throws {
        let notice = try #require(try StaffNotice(parsing: "# by the staff\nuntil: 2027-05-07 17:30\nen: The lift is out of order.\nLift / Лифт: 2\n"))
        #expect(notice.text(in: "en") == "The lift is out of order.")
        #expect(notice.text(in: "ru") == "Lift / Лифт: 2", "a line without a language code is for every other reader")
        #expect(notice.until == LocalTime(year: 2027, month: 5, day: 7, weekday: 1, hour: 17, minute: 30))
        #expect(try StaffNotice(parsing: "\n# nothing\n") == nil)
    }

    @Test func whatANoticeCannotBeIsSaidWithItsLine() {
        let cases: [(String, String)] = [
            ("en: a\nen: b\n", "line 2: 'en' is given twice"),
            ("a\nb\n", "line 2: only one line may be for every language; start the others with a language code, as 'en: …'"),
            ("until: tomorrow\nen: a\n", "line 1: 'until' must be a date and time as 2026-12-04 18:00"),
            ("en:\n", "line 1: the notice has no text"),
            ("en: " + String(repeating: "word ", count: 20), "line 1: the notice is too long to show over the page; at most two lines of 38 columns, about 70 characters fit"),
        ]
        for (text, message) in cases {
            #expect(performing: { try StaffNotice(parsing: text) }, throws: { ($0 as? NoticeError)?.description == message })
        }
    }

    @Test func theStaffsNoticeComesFirstAndEndsByItself() throws {
        var visit = Visit(tour: Self.tour, language: "en")
        visit.clock(0, local(month: 5, day: 9, 17, 50))
        #expect(Self.tour.banner(visit.state, in: "en") == "The museum closes in 10 minutes.")
        let notice = try #require(try StaffNotice(parsing: "until: 2027-05-09 17:52\nen: Please make your way to the exit."))
        visit.send(.staffNotice(notice))
        #expect(Self.tour.banner(visit.state, in: "en") == "Please make your way to the exit.")
        #expect(Self.tour.banner(visit.state, in: "az") == "Muzey 10 dəqiqədən sonra bağlanır.", "no line in Azerbaijani: the next line shows")
        visit.clock(120, local(month: 5, day: 9, 17, 52))
        #expect(visit.state.session.day.staffNotice == nil)
        #expect(Self.tour.banner(visit.state, in: "en") == "The museum closes in 8 minutes.")
        visit.send(.staffNotice(notice))
        #expect(visit.state.session.day.staffNotice == nil, "a notice already over is not shown")
    }

    @Test func theDayOutlivesTheVisit() throws {
        var visit = Visit(tour: Self.tour, language: "en")
        visit.clock(0, local(month: 5, day: 9, 12, 30))
        visit.send(.staffNotice(try StaffNotice(parsing: "The café is closed today.")))
        visit.press(.character(" "))
        visit.tick(200)
        #expect(visit.state.visit.attention.control == .attract(since: at(200)), "reset")
        #expect(Self.tour.banner(visit.state, in: "en") == "The café is closed today.")
    }
}
