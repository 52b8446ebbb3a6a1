import Testing
@testable import KioskCore

/// The bundled pack: the issue's visitor on an English keyboard.
@Suite struct BundledSearchTests {
    static let tour = Tour(pack: TestPacks.bundledPack)

    func first(_ query: String) -> Int? {
        TestPacks.bundledPack.search.find(query).stops.first.flatMap(TestPacks.bundledPack.number(of:))
    }

    @Test(arguments: ["xocali", "Xocalı", "Khojaly", "khojali", "Hodjaly", "Ходжалы", "xo", "xoc"])
    func khojalyHoweverItIsWritten(query: String) {
        #expect(first(query) == 450, "\(query)")
    }

    @Test(arguments: ["Quba", "Guba", "Губа", "guba", "kuba"])
    func gubaHoweverItIsWritten(query: String) {
        #expect(first(query) == 420, "\(query)")
    }

    @Test(arguments: ["Şamaxı", "Shamakhi", "Шамахы", "samaxi", "shemakha"])
    func shamakhiHoweverItIsWritten(query: String) {
        #expect(first(query) == 410, "\(query)")
    }

    /// "/" then three keys, x, o and Enter, reach the Khojaly hall, through its door.
    @Test func xocaliOnAnEnglishKeyboardReachesKhojalyInThreeKeys() {
        var visit = Visit(tour: Self.tour, doorsRead: false)
        visit.press(.character("/"), .character("x"), .character("o"), .enter)
        guard case .hallAdvisory(let stop, _) = visit.kind else { Issue.record("\(visit.kind)"); return }
        #expect(stop == .hall(TestPacks.bundledPack.hall(id: "khojaly")!))
        visit.press(.enter)
        #expect(visit.kind == .hall(TestPacks.bundledPack.hall(id: "khojaly")!))
    }
}

/// The bundled pack's tours: a walk of about 20 minutes, and one for visitors from 10 that
/// meets nothing marked for adults.
@Suite struct BundledToursTests {
    static let pack = TestPacks.bundledPack
    static let tour = Tour(pack: pack)

    @Test func theWholeFloorAShortWalkAndOneForYoungVisitors() {
        #expect(Self.pack.tours.map(\.id) == ["full", "short", "young"])
        #expect(Self.pack.tours[0].route == Self.pack.route)
        #expect(Self.pack.tours[1].minutes == 20)
        #expect(Self.pack.tours[2].age == 10 && Self.pack.tours[2].isForYoungVisitors)
        for tour in Self.pack.tours {
            for language in Self.pack.languages {
                #expect(tour.name.byLanguage[language] != nil && tour.description.byLanguage[language] != nil, "\(tour.id) \(language)")
            }
        }
    }

    /// A nine-year-old on the young visitors' tour, `n` after `n` to its end, in each language:
    /// no stop and no item of a hall's list is marked for adults, graphic, or with human
    /// remains.
    @Test(arguments: ["en", "az", "ru"])
    func aYoungVisitorWalksTheFloorWithoutMeetingWhatIsForAdults(language: String) {
        var visit = Visit(tour: Self.tour, language: language, doorsRead: false)
        visit.press(.enter, .down, .down, .enter)
        #expect(visit.state.visit.tour.index == 2)
        visit.press(.enter)
        var stops: [Int] = []
        while visit.kind != .end, stops.count < 40 {
            if case .hallAdvisory = visit.kind { visit.press(.enter) }
            guard let stop = visit.kind.stop else { Issue.record("\(visit.kind)"); return }
            stops.append(Self.pack.number(of: stop) ?? -1)
            Self.expectForYoungVisitors(stop)
            let page = visit.tour.page(for: visit.kind, in: visit.state)
            for case .openExhibit(let hall, let exhibit) in page.actions { Self.expectForYoungVisitors(.exhibit(hall, exhibit)) }
            visit.press(.character("n"))
        }
        #expect(stops == [400, 410, 414, 430, 435, 440, 450, 460, 461, 462])
    }

    static func expectForYoungVisitors(_ stop: Stop) {
        let hall = pack.halls[stop.hall]
        #expect(!hall.forAdults && !hall.advisories.contains("human-remains"), "\(stop)")
        guard case .exhibit(let hallIndex, let index) = stop else { return }
        let exhibit = pack.halls[hallIndex].exhibits[index]
        #expect(!exhibit.forAdults && !exhibit.graphic && !exhibit.advisories.contains("human-remains"), "\(stop)")
    }
}
