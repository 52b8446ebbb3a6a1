import Testing
@testable import KioskCore

/// Words folded as search compares them: case and diacritics gone, the four Turkic i's one.
@Suite struct SearchFoldingTests {
    @Test(arguments: [
        ("Şamaxı", ["samaxi"]), ("ŞAMAXI", ["samaxi"]), ("Xocalı", ["xocali"]), ("XOCALI", ["xocali"]),
        ("İsmayıllı", ["ismayilli"]), ("ISMAYILLI", ["ismayilli"]), ("ismayıllı", ["ismayilli"]),
        ("Ёлка", ["елка"]), ("Ходжалы", ["ходжалы"]), ("Azərbaycan", ["azerbaycan"]), ("Gänsefüßchen", ["gansefusschen"]),
        ("Łódź", ["lodz"]), ("e\u{301}te\u{301}", ["ete"]), ("Xocalı'da", ["xocali", "da"]), ("Kura-Araz", ["kura", "araz"]),
        ("1,275 (1992)", ["1", "275", "1992"]), ("  ", []), ("“Ana harayı”", ["ana", "harayi"]),
    ])
    func aWordIsFoldedAsAVisitorMayTypeIt(text: String, words: [String]) {
        #expect(SearchFolding.words(text) == words)
    }

    /// Unicode lowers İ to "i" and a combining dot above; search must see a plain i.
    @Test func theDottedCapitalILeavesNoDotBehind() {
        #expect("İ".lowercased().unicodeScalars.count == 2)
        #expect(SearchFolding.words("İ") == ["i"])
        #expect(SearchFolding.words("İ").first?.unicodeScalars.count == 1)
    }
}

/// The index of a pack: what a word finds, in which order.
@Suite struct SearchIndexTests {
    let index = TestPacks.tours.search

    func numbers(_ query: String) -> [Int] { index.find(query).stops.compactMap(TestPacks.tours.number(of:)) }

    @Test(arguments: ["sheki", "Şəki", "SHEKI", "şəki", "Шеки", "шеки", "shek", "Nukha", "shaki"])
    func aPlaceIsFoundHoweverItIsWritten(query: String) {
        #expect(numbers(query).first == 110, "\(query): \(numbers(query))")
    }

    @Test(arguments: ["ismayilli", "İsmayıllı", "ISMAYILLI", "Исмаиллы", "ismailly", "ismay"])
    func aPlaceWithTheTurkicIsIsFound(query: String) {
        #expect(numbers(query).first == 120, "\(query): \(numbers(query))")
    }

    @Test func theTitleComesBeforeTheSummaryTheLabelAndTheRecord() {
        // "silk": the hall's title; the scarf's record (its materials), its summary, label.
        #expect(numbers("silk") == [110, 111, 112])
        #expect(numbers("copper") == [120, 121, 122])
        // The tray's record says where it was made; the hall's title does not.
        #expect(numbers("lahij").first == 121)
    }

    @Test func everyWordTypedMustBeFound() {
        // The scarf has both in its title; the hall, silk in its title and a scarf in its label.
        #expect(numbers("silk scarf") == [111, 110])
        #expect(numbers("silk tray") == [])
    }

    @Test func aStopNumberFindsItsStop() {
        #expect(numbers("121") == [121])
        #expect(numbers("12").prefix(3) == [120, 121, 122])
    }

    @Test func nothingIsFoundForWhatIsNotThere() {
        #expect(index.find("zzz") == SearchIndex.Results())
        #expect(index.find("") == SearchIndex.Results())
        #expect(index.find("!!") == SearchIndex.Results())
    }

    @Test func whatIsNotLetInIsNotFound() {
        let results = index.find("copper") { GuidedTour.admits($0, in: TestPacks.tours, youngVisitors: true) }
        #expect(results.stops.compactMap(TestPacks.tours.number(of:)) == [120, 121])
        #expect(results.total == 2)
    }

    @Test func theBestAreShownAndTheRestCounted() {
        let all = index.find("the")
        #expect(all.total > 0)
        #expect(all.stops.count == min(all.total, SearchIndex.shownResults))
        // "e" begins words in every stop: more are found than are shown on the 10,000 pack,
        // and here every stop at most once.
        #expect(Set(index.find("e").stops).count == index.find("e").stops.count)
    }
}

/// The search line in the tour: typed into, answered at each key, left with Esc, and Enter
/// goes to what was found as any move goes.
@Suite struct SearchLineTests {
    static let tour = Tour(pack: TestPacks.tours)

    @Test func slashOpensTheLineAndEveryLetterIsTyped() {
        var visit = Visit(tour: Self.tour)
        visit.press(.character("/"))
        #expect(visit.kind == .search)
        // Letters that are commands elsewhere (x, n, q, m, l, ?) are letters here.
        visit.type("xnqml?/ 1")
        #expect(visit.state.visit.search.query == "xnqml?/ 1")
        #expect(visit.kind == .search)
        #expect(visit.ended == nil)
        visit.press(.backspace, .backspace)
        #expect(visit.state.visit.search.query == "xnqml?/")
        visit.press(.left, .right)
        #expect(visit.kind == .search, "the arrows along the line do not walk away")
    }

    @Test func resultsComeAsTheVisitorTypesBestFirst() {
        var visit = Visit(tour: Self.tour)
        visit.press(.character("/"))
        visit.type("şək")
        #expect(visit.state.visit.search.results.stops.first == .hall(1))
        #expect(visit.chosen == .goToHall(1))
        let texts = visit.tour.page(for: .search, in: visit.state).blocks.map(\.runs.plainText)
        #expect(texts.contains("110  Sheki: silk"))
        #expect(texts.contains("Find: şək_"))
    }

    @Test func enterGoesThroughTheDoorAsAnyMoveDoes() {
        var visit = Visit(tour: Self.tour, doorsRead: false)
        visit.press(.enter, .enter, .enter)
        #expect(visit.kind == .hall(0))
        visit.press(.character("/"))
        visit.type("lahij")
        visit.press(.enter)
        #expect(visit.kind == .hallAdvisory(.exhibit(2, 0), from: Screen(.hall(0))))
        #expect(visit.state.visit.overlay == nil)
        visit.press(.enter)
        #expect(visit.kind == .exhibit(2, 0))
    }

    @Test func escAndBackspaceOnAnEmptyLineCloseIt() {
        var visit = Visit(tour: Self.tour)
        visit.press(.character("/"))
        visit.type("ab")
        visit.press(.escape)
        #expect(visit.kind == .welcome)
        visit.press(.character("/"))
        #expect(visit.state.visit.search.query == "", "a fresh line each time")
        visit.type("a")
        visit.press(.backspace, .backspace)
        #expect(visit.kind == .welcome)
    }

    @Test func arrowsChooseAmongTheResults() {
        var visit = Visit(tour: Self.tour)
        visit.press(.character("/"))
        visit.type("copper")
        visit.press(.down, .enter)
        #expect(visit.kind == .exhibit(2, 0))
    }

    @Test func theQuietRoomIsOneChoiceAwayWhateverIsTyped() {
        var visit = Visit(tour: Self.tour)
        visit.press(.character("/"))
        visit.type("zzz")
        let page = visit.tour.page(for: .search, in: visit.state)
        #expect(page.actions == [.stepOut])
        #expect(page.blocks.map(\.runs.plainText).contains("Nothing found for “zzz”."))
        visit.press(.enter)
        #expect(visit.kind == .remembrance)
        visit.press(.character("x"))
        #expect(visit.kind == .search, "and back to the search, as it was")
        #expect(visit.state.visit.search.query == "zzz")
    }

    @Test func theFooterOffersOnlyWhatWorksInTheLine() {
        var visit = Visit(tour: Self.tour)
        visit.press(.character("/"))
        visit.type("s")
        #expect(visit.tour.footerHints(visit.state).map(\.word) == [.footerChoose, .footerOpen, .footerBack])
    }

    @Test func theWelcomeOffersTheSearchAndTheMapTheKey() {
        var visit = Visit(tour: Self.tour)
        #expect(visit.tour.page(for: .welcome, in: visit.state).actions.last == .search)
        visit.press(.down, .enter)
        #expect(visit.kind == .search)
        visit.press(.escape, .character("m"))
        #expect(visit.tour.footerHints(visit.state).contains { $0.word == .footerSearch })
        visit.press(.escape)
        #expect(!visit.tour.footerHints(visit.state).contains { $0.word == .footerSearch })
    }

    @Test func onAYoungVisitorsTourWhatIsForAdultsIsNotFound() {
        var visit = Visit(tour: Self.tour)
        visit.press(.enter, .down, .down, .enter)
        visit.press(.character("/"))
        visit.type("burial")
        #expect(visit.state.visit.search.results.total == 0)
    }

    @Test func theLineByLineModeSearchesWithS() {
        let context = KeyMap.Context(isKiosk: false, role: .none)
        #expect(PlainCommand.parse("s Şəki ipək", context)
            == .events([.command(.search)] + "Şəki ipək".map { .key(.character($0)) }))
        #expect(PlainCommand.parse("s", context) == .events([.command(.search)]))
        var visit = Visit(tour: Self.tour)
        guard case .events(let events) = PlainCommand.parse("  search   sheki", context) else { Issue.record(); return }
        for event in events { visit.send(event) }
        #expect(visit.state.visit.search.query == "sheki")
        visit.send(.choose(0))
        #expect(visit.kind == .hall(1))
    }
}
