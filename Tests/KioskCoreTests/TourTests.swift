import Testing
@testable import KioskCore

/// A visit driven key by key, as a visitor would. Unless `doorsRead` is false, the visitor
/// has already read every hall's advisories at its door, so tests of other things go straight
/// in (CareTests test the doors).
struct Visit {
    let tour: Tour
    var state: TourState
    /// What the last event asked of the runtime.
    var effects: [TourEffect]

    /// A session started at `at(0)` on the fake clock.
    init(tour: Tour = TestPacks.tour, language: String? = "en", size: TerminalSize = TestPacks.standard,
         doorsRead: Bool = true, config: Tour.SessionStart = Tour.SessionStart()) {
        self.tour = tour
        var config = config
        config.language = language
        (state, effects) = tour.start(now: at(0), size: size, config: config)
        if doorsRead { state.visit.care.acknowledgedHalls = Set(tour.pack.halls.indices) }
    }

    /// Reduces an event, keeping what it asked of the runtime.
    mutating func send(_ event: TourEvent) {
        effects = tour.reduce(&state, event)
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    mutating func resize(_ columns: Int, _ rows: Int) {
        send(.resize(TerminalSize(columns: columns, rows: rows)))
    }

    var kind: ScreenKind { state.screen.kind }

    /// The action of the chosen item on the screen on top.
    var chosen: PageAction? {
        let actions = tour.page(for: state.screen.kind, in: state).actions
        return actions.indices.contains(state.screen.selection) ? actions[state.screen.selection] : nil
    }

    /// How the last event ended the session, if it did.
    var ended: SessionEnd? {
        effects.lazy.compactMap { effect -> SessionEnd? in
            if case .endSession(let end) = effect { return end }
            return nil
        }.first
    }
}

@Suite struct TourStartTests {
    @Test func aSessionStartsAtTheWelcomeInTheDefaultLanguageAndItsVisitBegins() {
        let (state, effects) = TestPacks.tour.start(now: at(0), size: TestPacks.standard)
        let session = SessionState(now: at(0), size: TestPacks.standard, startLanguage: nil,
                                   limits: SessionLimits(startedAt: at(0)), groupsAvailable: false)
        let visit = VisitState(place: Screen(.welcome), language: "en", languageChosen: false,
                               attention: Attention(control: .visitor, lastActivity: at(0)))
        #expect(state == TourState(session: session, visit: visit))
        #expect(effects == [.record(.began(language: "en")), .record(.showing(.welcome))],
                "without an attract loop, a visit begins with the session")
    }

    @Test func welcomeThenLanguageThenAdvisoryThenTheFirstHall() {
        var visit = Visit(language: nil)
        visit.press(.enter)
        #expect(visit.kind == .chooseLanguage)
        visit.press(.down, .enter)
        #expect(visit.state.language == "az")
        #expect(visit.state.visit.languageChosen)
        #expect(visit.kind == .tourAdvisory)
        visit.press(.enter)
        #expect(visit.state.visit.place == Screen(.hall(0)))
    }

    @Test func aGivenLanguageSkipsTheChoice() {
        var visit = Visit(language: "ru")
        visit.press(.character("n"))
        #expect(visit.kind == .tourAdvisory)
        #expect(visit.state.language == "ru")
    }

    @Test func anUnknownGivenLanguageIsTheDefault() {
        let state = TestPacks.tour.start(now: at(0), size: TestPacks.standard, config: Tour.SessionStart(language: "tr")).state
        #expect(state.language == "en")
        #expect(!state.visit.languageChosen)
    }
}

@Suite struct GuidedRouteTests {
    @Test func nextWalksEveryStopThenTheEnd() {
        var visit = Visit()
        visit.press(.character("n"), .character("n"))
        var seen = [visit.kind]
        for _ in 0..<6 {
            visit.press(.character("n"))
            seen.append(visit.kind)
        }
        #expect(seen == [.hall(0), .exhibit(0, 0), .hall(1), .exhibit(1, 0), .exhibit(1, 1), .hall(2), .end])
        visit.press(.character("n"))
        #expect(visit.kind == .end)
    }

    @Test func arrowsAndLettersAgree() {
        var letters = Visit()
        letters.press(.character("n"), .character("n"), .character("n"), .character("p"))
        var arrows = Visit()
        arrows.press(.right, .right, .right, .left)
        #expect(letters.state == arrows.state)
        #expect(letters.kind == .hall(0))
    }

    @Test func previousFromTheFirstHallReturnsToTheAdvisory() {
        var visit = Visit()
        visit.press(.character("n"), .character("n"), .character("p"))
        #expect(visit.kind == .tourAdvisory)
    }

    @Test func previousAtTheWelcomeSaysSo() {
        var visit = Visit()
        visit.press(.character("p"))
        #expect(visit.kind == .welcome)
        #expect(visit.state.visit.notice == .firstStop)
        visit.press(.down)
        #expect(visit.state.visit.notice == nil)
    }

    @Test func nextFromAMoreLayerGoesOnFromItsStop() {
        var visit = Visit()
        visit.type("100")
        visit.press(.enter, .enter)
        #expect(visit.kind == .hallMore(0))
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0))
    }

    /// After halls about the killing of children, the end points to the quiet room and its
    /// support first; starting again comes after.
    @Test func theEndOffersTheQuietRoomThenToStartAgain() {
        var visit = Visit()
        visit.type("120")
        visit.press(.enter, .character("n"))
        #expect(visit.kind == .end)
        #expect(visit.tour.page(for: .end, in: visit.state).actions == [.stepOut, .startAgain])
        #expect(visit.chosen == .stepOut)
        visit.press(.enter)
        #expect(visit.kind == .remembrance)
        visit.press(.character("x"))
        #expect(visit.kind == .end, "the quiet room returns to the end")
        visit.press(.down, .enter)
        #expect(visit.kind == .welcome)
        #expect(visit.state.language == "en")
    }

    @Test func capitalsAndARussianKeyboardWorkToo() {
        var visit = Visit()
        visit.press(.character("N"), .character("т"))
        #expect(visit.kind == .hall(0))
        visit.press(.character("з"))
        #expect(visit.kind == .tourAdvisory)
    }
}

@Suite struct StopNumberTests {
    @Test func digitsThenEnterGoToThatStop() {
        var visit = Visit()
        visit.type("111")
        #expect(visit.state.visit.digits == "111")
        visit.press(.enter)
        #expect(visit.state.visit.place == Screen(.exhibit(1, 0)))
        #expect(visit.state.visit.digits == "")
    }

    @Test func anUnknownStopIsSaidAndNothingMoves() {
        var visit = Visit()
        visit.type("999")
        visit.press(.enter)
        #expect(visit.kind == .welcome)
        #expect(visit.state.visit.notice == .noSuchStop("999"))
    }

    @Test func backspaceEditsAndEscapeCancels() {
        var visit = Visit()
        visit.type("12")
        visit.press(.backspace)
        #expect(visit.state.visit.digits == "1")
        visit.press(.escape)
        #expect(visit.state.visit.digits == "")
        #expect(visit.kind == .welcome)
    }

    @Test func aStopNumberHasAtMostSixDigits() {
        var visit = Visit()
        visit.type("12345678")
        #expect(visit.state.visit.digits == "123456")
    }

    @Test func anotherKeyDropsTheNumberAndActs() {
        var visit = Visit()
        visit.type("11")
        visit.press(.character("n"))
        #expect(visit.state.visit.digits == "")
        #expect(visit.kind == .tourAdvisory)
    }

    @Test func aStopNumberClosesTheMap() {
        var visit = Visit()
        visit.press(.character("m"))
        visit.type("110")
        visit.press(.enter)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.kind == .hall(1))
    }
}

@Suite struct HallTests {
    @Test func aHallListsMoreThenExhibitsThenExits() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter)
        let actions = visit.tour.page(for: visit.kind, in: visit.state).actions
        #expect(actions == [.readMore, .openExhibit(1, 0), .openExhibit(1, 1), .walk(toHall: 0), .walk(toHall: 2)])
    }

    @Test func arrowsChooseAndEnterOpens() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter, .down, .down)
        #expect(visit.chosen == .openExhibit(1, 1))
        visit.press(.enter)
        #expect(visit.kind == .exhibit(1, 1))
        visit.press(.enter)
        #expect(visit.kind == .exhibitMore(1, 1))
    }

    @Test func backReturnsToTheHallWithTheExhibitChosen() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter, .down, .down, .enter, .enter)
        visit.press(.escape)
        #expect(visit.kind == .exhibit(1, 1))
        #expect(visit.chosen == .readMore)
        visit.press(.backspace)
        #expect(visit.kind == .hall(1))
        #expect(visit.chosen == .openExhibit(1, 1))
    }

    @Test func walkingThroughAnExit() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter, .down, .down, .down, .down)
        #expect(visit.chosen == .walk(toHall: 2))
        visit.press(.enter)
        #expect(visit.state.visit.place == Screen(.hall(2)))
    }

    @Test func theChoiceStopsAtTheLastItem() {
        var visit = Visit()
        visit.type("120")
        visit.press(.enter, .down, .down, .down)
        #expect(visit.chosen == .walk(toHall: 1))
    }
}

@Suite struct OverlayTests {
    @Test func helpOpensAndClosesOverThePlace() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter, .character("?"))
        #expect(visit.state.visit.overlay?.kind == .help)
        #expect(visit.state.visit.place.kind == .hall(1))
        visit.press(.character("?"))
        #expect(visit.state.visit.overlay == nil)
        visit.press(.character("?"), .escape)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.kind == .hall(1))
    }

    @Test func theMapStartsAtTheVisitorsHallAndArrowsMoveOnThePlan() {
        var visit = Visit()
        visit.type("111")
        visit.press(.enter, .character("m"))
        #expect(visit.state.visit.overlay == Screen(.map, selection: 1))
        visit.press(.down)
        #expect(visit.state.visit.overlay?.selection == 2)
        visit.press(.down)
        #expect(visit.state.visit.overlay?.selection == 2, "nothing lies south of the garden")
        visit.press(.left)
        #expect(visit.state.visit.overlay?.selection == 0, "the nearest hall westward")
        visit.press(.right)
        #expect(visit.state.visit.overlay?.selection == 1)
        visit.press(.enter)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.place == Screen(.hall(1)))
    }

    @Test func onASmallScreenTheMapIsAListInTourOrder() {
        var visit = Visit(size: TerminalSize(columns: 40, rows: 12))
        visit.press(.character("m"))
        #expect(visit.tour.page(for: .map, in: visit.state).actions == [.goToHall(0), .goToHall(1), .goToHall(2)])
        visit.press(.down, .down, .enter)
        #expect(visit.state.visit.place == Screen(.hall(2)))
    }

    @Test func theLanguageChangesAnywhereAndThePlaceIsKept() {
        var visit = Visit()
        visit.type("111")
        visit.press(.enter, .character("l"))
        #expect(visit.state.visit.overlay == Screen(.languageMenu, selection: 0))
        visit.press(.down, .down, .enter)
        #expect(visit.state.language == "ru")
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.place.kind == .exhibit(1, 0))
    }

    @Test func qEndsTheSession() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter)
        let before = visit.state
        visit.press(.character("q"))
        #expect(visit.effects == [.endSession(.visitorLeft), .record(.ended(.left))])
        #expect(visit.state == before, "the visit stays as it was for its last frame")
    }

    @Test func unknownKeysChangeNothing() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter)
        let before = visit.state
        visit.press(.unknown, .control("c"), .character("z"), .character("€"))
        #expect(visit.state == before)
    }
}

@Suite struct ScrollingTests {
    /// The entrance's "more" layer, on a 40 × 12 screen's eight rows, which it overfills.
    func longPage() -> Visit {
        var visit = Visit()
        visit.type("100")
        visit.press(.enter, .enter)
        visit.resize(40, 12)
        return visit
    }

    @Test func arrowsScrollAPageWithNothingToChoose() {
        var visit = longPage()
        #expect(visit.kind == .hallMore(0))
        visit.press(.down, .down)
        #expect(visit.state.visit.place.scroll == 2)
        visit.press(.up)
        #expect(visit.state.visit.place.scroll == 1)
        visit.press(.up, .up, .up)
        #expect(visit.state.visit.place.scroll == 0)
    }

    @Test func scrollingStopsAtTheEnd() {
        var visit = longPage()
        let lines = visit.tour.layout(of: visit.state.visit.place, in: visit.state).lines.count
        visit.press(.end)
        #expect(visit.state.visit.place.scroll == lines - 8)
        visit.press(.down, .pageDown)
        #expect(visit.state.visit.place.scroll == lines - 8)
        visit.press(.home)
        #expect(visit.state.visit.place.scroll == 0)
    }

    @Test func enterReadsOnUntilThereIsSomethingToChoose() {
        var visit = Visit(size: TerminalSize(columns: 40, rows: 12))
        visit.type("100")
        visit.press(.enter)
        let layout = visit.tour.layout(of: visit.state.visit.place, in: visit.state)
        let readMore = layout.itemLines[0].lowerBound
        #expect(readMore >= 8, "the label fills the first screen")
        visit.press(.enter)
        #expect(visit.kind == .hall(0))
        #expect(visit.state.visit.place.scroll == 7)
        visit.press(.enter)
        #expect(visit.kind == .hallMore(0))
    }

    @Test func theChoiceFollowsTheScroll() {
        var visit = Visit(size: TerminalSize(columns: 40, rows: 12))
        visit.type("110")
        visit.press(.enter, .end)
        let layout = visit.tour.layout(of: visit.state.visit.place, in: visit.state)
        let chosen = layout.itemLines[visit.state.visit.place.selection].lowerBound
        #expect((visit.state.visit.place.scroll..<visit.state.visit.place.scroll + 8).contains(chosen))
    }
}

@Suite struct ResizeTests {
    @Test func aResizeKeepsThePlaceAndTheChoice() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter, .down, .down, .down)
        let chosen = visit.chosen
        visit.resize(40, 12)
        #expect(visit.kind == .hall(1))
        #expect(visit.chosen == chosen)
        let layout = visit.tour.layout(of: visit.state.visit.place, in: visit.state)
        let line = layout.itemLines[visit.state.visit.place.selection].lowerBound
        #expect((visit.state.visit.place.scroll..<visit.state.visit.place.scroll + 8).contains(line))
        visit.resize(160, 50)
        #expect(visit.state.visit.place.scroll == 0)
        #expect(visit.chosen == chosen)
    }

    @Test func aResizeKeepsTheReadingPlace() {
        var visit = Visit()
        visit.type("100")
        visit.press(.enter, .enter)
        visit.resize(40, 12)
        visit.press(.pageDown)
        #expect(visit.kind == .hallMore(0))
        let before = visit.tour.layout(of: visit.state.visit.place, in: visit.state)
        let block = before.lines[visit.state.visit.place.scroll].block
        visit.resize(50, 16)
        let after = visit.tour.layout(of: visit.state.visit.place, in: visit.state)
        let top = visit.state.visit.place.scroll
        // At the top, unless the end of the page is reached first; on screen either way.
        #expect(after.lines[top].block == block || top == after.lines.count - 12)
        #expect((top..<top + 12).contains(after.firstLine(ofBlock: block)))
        visit.resize(40, 12)
        #expect(visit.tour.layout(of: visit.state.visit.place, in: visit.state).lines[visit.state.visit.place.scroll].block == block)
    }

    @Test func aTinyTerminalLosesNothing() {
        var visit = Visit()
        visit.type("111")
        // The ledger is graphic: the second Enter shows it in full, a page with nothing to choose.
        visit.press(.enter, .enter)
        let place = visit.state.visit.place
        visit.resize(1, 1)
        visit.press(.down, .up)
        visit.resize(80, 24)
        #expect(visit.state.visit.place == place)
    }
}

@Suite struct TimeTests {
    @Test func aTickRecordsTheTimeAndMovesNothing() {
        var visit = Visit()
        visit.type("110")
        visit.press(.enter)
        var expected = visit.state
        visit.send(.tick(at(5)))
        expected.session.now = at(5)
        #expect(visit.state == expected)
        #expect(visit.effects == [])
    }

    @Test func aPlainTourNeedsNoTicks() {
        #expect(Visit().tour.nextDeadline(Visit().state) == nil)
    }
}
