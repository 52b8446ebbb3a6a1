import Testing
@testable import KioskCore

/// The tours a pack offers: read from tour.yaml, chosen after the language, followed by `n`
/// and `p`, and a young visitors' tour that meets nothing marked for adults.
@Suite struct TourChoiceTests {
    static let tour = Tour(pack: TestPacks.tours)

    /// The tours pack: entrance 100 (plan 101), Şəki 110 (scarf 111, a burial 112 for adults),
    /// İsmayıllı 120 (tray 121, a graphic photograph 122 for adults), the garden 130.
    func stop(_ number: Int) -> Stop { TestPacks.tours.stopNumbers[number]! }

    func numbers(_ route: [Stop]) -> [Int] { route.compactMap(TestPacks.tours.number(of:)) }

    @Test func toursAreReadInTheirOrderWithTheirStops() {
        let tours = TestPacks.tours.tours
        #expect(tours.map(\.id) == ["full", "short", "young"])
        #expect(numbers(tours[0].route) == [100, 101, 110, 111, 112, 120, 121, 122, 130])
        #expect(numbers(tours[1].route) == [100, 121, 101, 130], "the short tour's own order")
        #expect(numbers(tours[2].route) == [100, 101, 110, 111, 120, 121, 130], "the young visitors' tour leaves out 112 and 122")
        #expect(tours[1].halls == [0, 2, 3])
        #expect(tours.map(\.age) == [12, 12, 9])
        #expect(tours[2].isForYoungVisitors && !tours[0].isForYoungVisitors)
        #expect(tours[1].name.text(in: "az", fallback: "en") == "Seçilmişlər")
    }

    @Test func aPackThatDeclaresNoTourHasTheWholeFloor() {
        #expect(TestPacks.small.tours.count == 1)
        #expect(TestPacks.small.tours[0].route == TestPacks.small.route)
        #expect(TestPacks.small.tours[0].age == nil)
    }

    @Test func youngLabelsAndMarksForAdultsAreRead() {
        let pack = TestPacks.tours
        #expect(pack.halls[1].exhibits[1].forAdults && pack.halls[2].exhibits[1].forAdults)
        #expect(!pack.halls[1].forAdults)
        #expect(pack.narrative(1, "en").value.youngLabel.first?.plainText.hasPrefix("In Sheki people") == true)
        #expect(pack.narrative(1, "ru").value.youngLabel.first?.plainText.hasPrefix("В Шеки") == true)
        // The scarf's Russian file has no young label: a young reader gets the original's.
        let scarf = pack.exhibitText(1, 0, "ru").value
        #expect(scarf.youngLabel == pack.exhibitText(1, 0, "en").value.youngLabel)
        #expect(scarf.fromOriginal.contains(.youngLabel))
    }

    /// Minutes are the words a tour offers at its stops in the original (labels and "read
    /// more" layers; a young label alone where a young visitors' tour shows one) at 160 a
    /// minute.
    @Test func aToursLengthIsReckonedFromItsWords() {
        let pack = TestPacks.tours
        let young = pack.tours[2]
        let words = young.route.reduce(0) { $0 + pack.words(at: $1, in: "en", youngVisitors: true) }
        #expect(young.words == words)
        // Şəki's young label (19 words) stands for its label and "read more" (20 + 7).
        #expect(pack.words(at: .hall(1), in: "en", youngVisitors: true) == 19)
        #expect(pack.words(at: .hall(1), in: "en", youngVisitors: false) == 27)
        #expect(young.minutes == 1, "never less than a minute")
    }

    @Test func minutesAreWholeUnderTenAndFivesAbove() {
        #expect(GuidedTour.minutes(reading: 0) == 1)
        #expect(GuidedTour.minutes(reading: 160 * 3 + 10) == 3)
        #expect(GuidedTour.minutes(reading: 160 * 9) == 9)
        #expect(GuidedTour.minutes(reading: 160 * 21) == 20)
        #expect(GuidedTour.minutes(reading: 160 * 83) == 85)
    }

    // MARK: - Choosing

    @Test func theTourIsChosenAfterTheLanguage() {
        var visit = Visit(tour: Self.tour, language: nil)
        visit.press(.enter)
        #expect(visit.kind == .chooseLanguage)
        visit.press(.enter)
        #expect(visit.kind == .chooseTour)
        #expect(visit.state.screen.selection == 0, "the first tour, chosen already")
        #expect(visit.tour.page(for: .chooseTour, in: visit.state).actions == [.chooseTour(0), .chooseTour(1), .chooseTour(2)])
        visit.press(.down, .enter)
        #expect(visit.state.visit.tour == ChosenTour(index: 1))
        #expect(visit.kind == .tourAdvisory)
        visit.press(.enter)
        #expect(visit.kind == .hall(0))
    }

    @Test func theChoiceSaysWhatEachTourIsHowLongAndForWhom() {
        let visit = Visit(tour: Self.tour)
        let texts = Self.tour.page(for: .chooseTour, in: visit.state).blocks.map(\.runs.plainText)
        #expect(texts == [
            "Choose a tour",
            "The whole floor", "Every hall and object, in the order of the floor.", "About 1 minute of reading · For visitors aged 12 and over",
            "Highlights", "The entrance, a copper tray, the plan of the floor, then the garden.",
            "About 1 minute of reading · For visitors aged 12 and over",
            "For young visitors", "The floor without what is for adults, in words for young readers.",
            "About 1 minute of reading · For visitors aged 9 and over",
        ])
    }

    @Test func aPackWithOneTourGoesStraightOn() {
        var visit = Visit()
        visit.press(.enter)
        #expect(visit.kind == .tourAdvisory)
    }

    @Test func backFromTheChoiceIsTheWelcomeAndBeginningAgainAsksAgain() {
        var visit = Visit(tour: Self.tour)
        visit.press(.enter, .down, .down, .enter)
        #expect(visit.state.visit.tour.index == 2)
        visit.press(.escape)
        #expect(visit.kind == .welcome)
        visit.press(.enter)
        #expect(visit.kind == .chooseTour)
        #expect(visit.state.screen.selection == 2, "the tour chosen before, chosen again")
        visit.press(.escape)
        #expect(visit.kind == .welcome)
    }

    /// A visitor who chose a tour alone and then joins a group walks the guide's: the pack's
    /// first, until the guide names another.
    @Test func aVisitorWhoJoinsAGroupTakesTheGuidesTour() {
        var visit = Visit(tour: Self.tour, config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.enter, .down, .down, .enter)
        #expect(visit.state.visit.tour.index == 2)
        visit.press(.escape)
        #expect(visit.kind == .welcome)
        #expect(visit.chosen == .continueTour)
        visit.press(.down)
        #expect(visit.chosen == .joinGroup)
        visit.press(.enter)
        visit.type("123456")
        // The code, then no name.
        visit.press(.enter, .enter)
        #expect(visit.effects == [.group(.join("123456"))])
        visit.group(.joined("123456"))
        #expect(visit.state.visit.tour.index == 0, "the guide has named no tour: the pack's first")
        visit.group(.guideChoseTour("short"))
        #expect(visit.state.visit.tour.index == 1)
        visit.group(.guideChoseTour("no-such-tour"))
        #expect(visit.state.visit.tour.index == 1, "a tour this pack does not have changes nothing")
    }

    // MARK: - Following

    func choosing(_ index: Int, doorsRead: Bool = true) -> Visit {
        var visit = Visit(tour: Self.tour, doorsRead: doorsRead)
        visit.press(.enter)
        for _ in 0..<index { visit.press(.down) }
        visit.press(.enter, .enter)
        return visit
    }

    @Test func nextAndPreviousFollowTheChosenTour() {
        var visit = choosing(1)
        #expect(visit.kind == .hall(0))
        var walked: [ScreenKind] = []
        for _ in 0..<4 {
            visit.press(.character("n"))
            walked.append(visit.kind)
        }
        #expect(walked == [.exhibit(2, 0), .exhibit(0, 0), .hall(3), .end])
        visit.press(.character("p"))
        #expect(visit.kind == .hall(3))
        visit.press(.character("p"), .character("p"), .character("p"))
        #expect(visit.kind == .hall(0))
        visit.press(.character("p"))
        #expect(visit.kind == .tourAdvisory)
    }

    @Test func aWalkOffTheTourComesBackWhereItLeft() {
        var visit = choosing(1)
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(2, 0))
        // Stop numbers still reach every stop: 110 is not on the short tour.
        visit.type("110")
        visit.press(.enter)
        #expect(visit.kind == .hall(1))
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0), "on from the tray, the last stop of the tour the visitor was at")
        visit.type("110")
        visit.press(.enter, .character("p"))
        #expect(visit.kind == .exhibit(0, 0), "back to the last stop of the tour")
    }

    @Test func theFirstStopOfTheChosenTourFollowsTheAdvisoryAtOnce() {
        var visit = choosing(1, doorsRead: false)
        #expect(visit.kind == .hall(0))
        visit.press(.character("n"))
        #expect(visit.kind == .hallAdvisory(.exhibit(2, 0), from: Screen(.hall(0))), "the next hall's door as any move has it")
    }

    @Test func theMapListSaysWhichHallsTheTourLeavesOut() {
        var visit = choosing(1)
        visit.resize(40, 12)
        visit.press(.character("m"))
        let lines = visit.tour.page(for: .map, in: visit.state).blocks.map(\.runs.plainText)
        #expect(lines.contains("110  Sheki: silk  (not on your tour)"))
        #expect(lines.filter { $0.contains("not on your tour") }.count == 1)
    }

    /// A nine-year-old's tour walks the floor, stop by stop to the end, and meets nothing
    /// marked for adults, graphic or with human remains: not as a stop, not in a hall's list.
    @Test func aYoungVisitorsTourMeetsNothingForAdults() {
        var visit = choosing(2, doorsRead: false)
        var seen: [ScreenKind] = []
        while visit.kind != .end, seen.count < 50 {
            if case .hallAdvisory = visit.kind { visit.press(.enter) }
            seen.append(visit.kind)
            for action in visit.tour.page(for: visit.kind, in: visit.state).actions {
                if case .openExhibit(let hall, let exhibit) = action { Self.expectForYoungVisitors(.exhibit(hall, exhibit)) }
            }
            if let stop = visit.kind.stop { Self.expectForYoungVisitors(stop) }
            visit.press(.character("n"))
        }
        #expect(seen == [.hall(0), .exhibit(0, 0), .hall(1), .exhibit(1, 0), .hall(2), .exhibit(2, 0), .hall(3)])
    }

    static func expectForYoungVisitors(_ stop: Stop) {
        let pack = TestPacks.tours
        let hall = pack.halls[stop.hall]
        #expect(!hall.forAdults && !hall.advisories.contains("human-remains"), "\(stop)")
        if case .exhibit(let hallIndex, let index) = stop {
            let exhibit = pack.halls[hallIndex].exhibits[index]
            #expect(!exhibit.forAdults && !exhibit.graphic && !exhibit.advisories.contains("human-remains"), "\(stop)")
        }
    }

    @Test func aYoungVisitorsTourShowsTheYoungLabelWithoutReadMore() {
        var visit = choosing(2)
        visit.type("110")
        visit.press(.enter)
        let page = visit.tour.page(for: .hall(1), in: visit.state)
        let texts = page.blocks.map(\.runs.plainText)
        #expect(texts.contains("In Sheki people have made silk for a very long time. Look for the scarf with the bright pattern."))
        #expect(!texts.contains { $0.hasPrefix("Sheki, in the north") })
        #expect(!page.actions.contains(.readMore), "the longer text is written for adults")
        #expect(page.actions.filter { if case .openExhibit = $0 { true } else { false } } == [.openExhibit(1, 0)])
        // The same hall on the whole floor's tour: its label, its "read more", both exhibits.
        let full = choosing(0)
        let adults = full.tour.page(for: .hall(1), in: full.state)
        #expect(adults.blocks.map(\.runs.plainText).contains { $0.hasPrefix("Sheki, in the north") })
        #expect(adults.actions.contains(.readMore) && adults.actions.contains(.openExhibit(1, 1)))
    }

    /// An exhibit says which of its hall's it is among those the tour lists: the scarf is the
    /// only one of the silk hall on the young visitors' tour, the first of two on the others.
    @Test func anExhibitsPlaceInItsHallCountsWhatTheTourLists() {
        func position(_ visit: Visit, _ stop: ScreenKind) -> String? {
            visit.tour.page(for: stop, in: visit.state).blocks.map(\.runs.plainText).first { $0.hasPrefix("Sheki") }
        }
        #expect(position(choosing(2), .exhibit(1, 0)) == "Sheki: silk · 1 of 1")
        #expect(position(choosing(0), .exhibit(1, 0)) == "Sheki: silk · 1 of 2")
        // The burial, reached by its number on the young visitors' tour, counts among all.
        #expect(position(choosing(2), .exhibit(1, 1)) == "Sheki: silk · 2 of 2")
    }

    @Test func anItemForAdultsIsStillReachedByItsNumberThroughItsDoor() {
        var visit = choosing(2, doorsRead: false)
        visit.type("122")
        visit.press(.enter)
        #expect(visit.kind == .hallAdvisory(.exhibit(2, 1), from: Screen(.hall(0))))
        visit.press(.enter)
        #expect(visit.kind == .exhibit(2, 1))
        #expect(visit.tour.page(for: .exhibit(2, 1), in: visit.state).actions == [.showGraphic], "its text alternative only")
    }
}
