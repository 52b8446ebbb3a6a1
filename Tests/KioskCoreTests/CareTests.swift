import Foundation
import Testing
@testable import KioskCore

/// The bundled pack, whose first hall carries an advisory.
enum BundledPack {
    static let tour: Tour = {
        guard let pack = PackLoader(directory: TestPacks.bundled, kioskWords: TestPacks.bundled).load().pack else { fatalError("the bundled pack does not load") }
        return Tour(pack: pack)
    }()
}

@Suite struct HallDoorTests {
    @Test func aHallWithAdvisoriesIsEnteredThroughItsDoor() {
        var visit = Visit(doorsRead: false)
        visit.type("110")
        visit.press(.enter)
        #expect(visit.kind == .hallAdvisory(.hall(1), from: Screen(.welcome)))
        #expect(visit.state.visit.place.kind.stop == nil, "at the door, not yet in the hall")
        let page = visit.tour.page(for: visit.kind, in: visit.state)
        #expect(page.actions == [.enterHall, .turnBack, .stepOut])
        #expect(page.blocks.contains(PageBlock(.listItem, "Accounts of loss", .warning)))
        #expect(visit.chosen == .enterHall)
        visit.press(.enter)
        #expect(visit.state.visit.place == Screen(.hall(1)))
        #expect(visit.state.visit.care.acknowledgedHalls.contains(1))
    }

    @Test func theDoorListsTheAdvisoriesOfTheHallAndOfItsExhibits() throws {
        let pack = BundledPack.tour.pack
        let khojaly = try #require(pack.hall(id: "khojaly"))
        // The hall names two; Chingiz Mustafayev's footage adds human remains: all three, in
        // tour.yaml's order.
        #expect(pack.advisories(tagged: pack.advisoryTagsInside[khojaly]).map(\.tag)
                == ["violence-against-civilians", "death-of-children", "human-remains"])
        #expect(pack.advisoryTagsInside[try #require(pack.hall(id: "remembrance"))].isEmpty)
    }

    @Test func goingBackFromTheDoorReturnsToWhereTheVisitorStood() {
        var visit = Visit(doorsRead: false)
        visit.type("101")
        visit.press(.enter, .character("n"))
        #expect(visit.kind == .hallAdvisory(.hall(1), from: Screen(.exhibit(0, 0))))
        visit.press(.escape)
        #expect(visit.state.visit.place == Screen(.exhibit(0, 0)))
        visit.press(.character("n"), .character("p"))
        #expect(visit.state.visit.place == Screen(.exhibit(0, 0)))
        visit.press(.character("n"), .down, .enter)
        #expect(visit.state.visit.place == Screen(.exhibit(0, 0)), "the Go back item")
        #expect(visit.state.visit.care.acknowledgedHalls == [0])
    }

    @Test func anExhibitInAHallNotYetEnteredIsBehindItsDoorToo() {
        var visit = Visit(doorsRead: false)
        visit.type("111")
        visit.press(.enter)
        #expect(visit.kind == .hallAdvisory(.exhibit(1, 0), from: Screen(.welcome)))
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(1, 0))
    }

    @Test func aDoorReadOnceIsNotShownAgainInTheVisit() {
        var visit = Visit(doorsRead: false)
        visit.type("110")
        visit.press(.enter, .enter)
        visit.type("100")
        visit.press(.enter)
        visit.type("111")
        visit.press(.enter)
        #expect(visit.kind == .exhibit(1, 0))
    }

    @Test func aHallWithoutAdvisoriesHasNoDoor() {
        var visit = Visit(doorsRead: false)
        visit.type("120")
        visit.press(.enter)
        #expect(visit.kind == .hall(2))
    }

    @Test func fromOneDoorToAnotherBackStillLeadsToTheFirstPlace() {
        var visit = Visit(tour: BundledPack.tour, doorsRead: false)
        visit.type("450")
        visit.press(.enter)
        visit.type("420")
        visit.press(.enter)
        let guba = BundledPack.tour.pack.hall(id: "guba")!
        #expect(visit.kind == .hallAdvisory(.hall(guba), from: Screen(.welcome)))
        visit.press(.escape)
        #expect(visit.kind == .welcome)
    }

    @Test func theFirstHallFollowsTheToursAdvisoryAtOnce() {
        var visit = Visit(tour: BundledPack.tour, doorsRead: false)
        #expect(!BundledPack.tour.pack.advisoryTagsInside[0].isEmpty)
        // The welcome, the choice of tour (the whole floor, chosen already), the advisory.
        visit.press(.character("n"), .character("n"), .character("n"))
        #expect(visit.kind == .hall(0))
    }

    @Test func theToursAdvisorySaysHowToStepOut() {
        let visit = Visit(tour: BundledPack.tour)
        let text = BundledPack.tour.page(for: .tourAdvisory, in: visit.state).blocks.map(\.runs.plainText)
        #expect(text.contains("Press x at any time to step out to a quiet room: Hall of Remembrance."))
    }
}

@Suite struct GraphicExhibitTests {
    @Test func aGraphicExhibitShowsOnlyItsTextAlternativeUntilAsked() {
        var visit = Visit()
        visit.type("111")
        visit.press(.enter)
        let page = visit.tour.page(for: visit.kind, in: visit.state)
        let text = page.blocks.map(\.runs.plainText)
        #expect(text.contains("Text alternative: Names written by hand."))
        #expect(!text.contains("A ledger with names written by hand."))
        #expect(page.actions == [.showGraphic])
        #expect(text.contains("Object number: DEMO.TEST.002"), "the record is shown")
        visit.press(.enter)
        #expect(visit.kind == .exhibit(1, 0))
        #expect(visit.state.visit.care.revealedExhibits == [.exhibit(1, 0)])
        #expect(visit.tour.page(for: visit.kind, in: visit.state).blocks.map(\.runs.plainText)
            .contains("A ledger with names written by hand."))
    }

    @Test func theChoiceHoldsForTheRestOfTheVisit() {
        var visit = Visit()
        visit.type("111")
        visit.press(.enter, .enter, .escape)
        #expect(visit.kind == .hall(1))
        visit.press(.enter)
        #expect(visit.kind == .exhibit(1, 0))
        #expect(!visit.tour.isHidden(.exhibit(1, 0), visit.state.visit.care))
    }

    @Test func theBundledFootageFromKhojalyIsGraphic() {
        let visit = Visit(tour: BundledPack.tour)
        guard case .exhibit(let hall, let exhibit)? = BundledPack.tour.pack.stopNumbers[455] else {
            Issue.record("stop 455 is not an exhibit")
            return
        }
        #expect(BundledPack.tour.isHidden(.exhibit(hall, exhibit), visit.state.visit.care))
    }
}

@Suite struct RemembranceTests {
    @Test func xStepsOutFromAnywhereAndComesBackToExactlyThere() {
        var visit = Visit(size: TerminalSize(columns: 40, rows: 12))
        visit.type("110")
        visit.press(.enter, .end, .up, .character("?"), .pageDown)
        let place = visit.state.visit.place
        let overlay = visit.state.visit.overlay
        #expect(place.scroll > 0)
        visit.press(.character("x"))
        #expect(visit.kind == .remembrance)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.care.stepOut == StepOut(place: place, overlay: overlay))
        visit.press(.character("x"))
        #expect(visit.state.visit.place == place)
        #expect(visit.state.visit.overlay == overlay)
        #expect(visit.state.visit.care.stepOut == nil)
    }

    @Test(arguments: [Key.escape, .backspace, .enter, .character("n"), .character("p"), .character("ч")])
    func everyWayBackReturns(key: Key) {
        var visit = Visit()
        visit.type("101")
        visit.press(.enter, .character("x"), key)
        #expect(visit.state.visit.place == Screen(.exhibit(0, 0)))
    }

    @Test func theQuietPageIsTheRemembranceHallsTextWithAWayBackFirst() {
        var visit = Visit()
        visit.press(.character("x"))
        let page = visit.tour.page(for: .remembrance, in: visit.state)
        #expect(page.blocks.first?.runs.plainText == "The garden")
        #expect(page.blocks.contains(PageBlock(.paragraph, [Run("A quiet garden. Sit for a while before you leave.")])))
        #expect(page.actions == [.returnToTour])
        #expect(visit.chosen == .returnToTour)
    }

    @Test func goingElsewhereFromTheQuietPageForgetsTheWayBack() {
        var visit = Visit()
        visit.type("101")
        visit.press(.enter, .character("x"))
        visit.type("120")
        visit.press(.enter)
        #expect(visit.kind == .hall(2))
        #expect(visit.state.visit.care.stepOut == nil)
    }

    @Test func anOverlayOverTheQuietPageClosesWithX() {
        var visit = Visit()
        visit.press(.character("x"), .character("?"), .character("x"))
        #expect(visit.kind == .remembrance)
        #expect(visit.state.visit.overlay == nil)
    }

    @Test func aPackWithoutARemembranceHallHasAQuietPageOfTheKiosksOwn() {
        var pack = TestPacks.small
        pack.remembranceHall = nil
        let tour = Tour(pack: pack)
        var visit = Visit(tour: tour)
        visit.press(.character("x"))
        let text = tour.page(for: .remembrance, in: visit.state).blocks.map(\.runs.plainText)
        #expect(text.first == "A moment's pause")
        #expect(text.contains(TestPacks.tour.say(.quietSupport, "en")))
        visit.press(.enter)
        #expect(visit.kind == .welcome)
    }

    @Test func theLoaderReadsTheRemembranceHall() {
        #expect(TestPacks.small.remembranceHall == 2)
        #expect(BundledPack.tour.pack.remembranceHall == BundledPack.tour.pack.hall(id: "remembrance"))
    }
}
