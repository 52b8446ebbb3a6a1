import Testing
@testable import KioskCore

extension Visit {
    /// What the last event recorded of the visit, in order.
    var records: [VisitRecord] {
        effects.compactMap { effect in
            if case .record(let record) = effect { return record }
            return nil
        }
    }
}

/// What a visit tells the museum's statistics, scripted visit by visit: each record is an
/// effect of the event that caused it, whatever way the visitor got there.
@Suite struct VisitRecordTests {
    static let entrance = VisitPlace.stop(hall: "entrance", exhibit: nil)
    static let archive = VisitPlace.stop(hall: "archive", exhibit: nil)
    static let ledger = VisitPlace.stop(hall: "archive", exhibit: "01-ledger")

    @Test func aStandsVisitSaysEachPlaceShownAndNothingInBetween() {
        var visit = Kiosks.woken()
        #expect(visit.records == [.began(language: "en"), .showing(.welcome)])
        visit.press(.enter)
        #expect(visit.records == [], "the choice of language and the welcome are one place")
        visit.press(.character("n"))
        #expect(visit.records == [.showing(.tourAdvisory)])
        visit.press(.character("n"))
        #expect(visit.records == [.showing(Self.entrance)])
        visit.press(.down, .pageDown, .up)
        #expect(visit.records == [], "moving on a page shows no new place")
        visit.press(.character("m"))
        #expect(visit.records == [.showing(nil)], "the map covers the hall")
        visit.press(.character("m"))
        #expect(visit.records == [.showing(Self.entrance)])
        visit.type("120")
        visit.press(.enter)
        visit.press(.character("n"))
        #expect(visit.records == [.showing(.end)], "the end of the tour: the visit is finished")
    }

    @Test func readMoreIsCountedWhenOpenedNotWhenReturnedTo() {
        var visit = Visit()
        visit.type("100")
        visit.press(.enter)
        visit.choose(.readMore)
        #expect(visit.records == [.readMore(Self.entrance)], "the same stop stays on the screen")
        visit.press(.character("x"))
        visit.press(.character("x"))
        #expect(visit.state.visit.place.kind == .hallMore(0))
        #expect(visit.records == [.showing(Self.entrance), .steppedBack(hall: "entrance")], "back to the longer text, not a new opening")
        visit.press(.escape)
        #expect(visit.records == [])
    }

    @Test func atADoorTheVisitorTurnsBackOrGoesIn() {
        var visit = Visit(doorsRead: false)
        visit.type("110")
        visit.press(.enter)
        #expect(visit.records == [.showing(.door(hall: "archive"))])
        visit.press(.escape)
        #expect(visit.records == [.showing(.welcome), .door(hall: "archive", entered: false)])
        visit.type("111")
        visit.press(.enter)
        visit.press(.character("x"))
        #expect(visit.records == [.showing(.quietRoom), .steppedOut(hall: "archive")], "out from the door: no decision yet")
        visit.press(.character("x"))
        #expect(visit.records == [.showing(.door(hall: "archive")), .steppedBack(hall: "archive")])
        visit.choose(.enterHall)
        #expect(visit.records == [.showing(Self.ledger), .door(hall: "archive", entered: true)])
    }

    @Test func aGraphicItemRevealedIsCountedOnce() {
        var visit = Visit()
        visit.type("111")
        visit.press(.enter)
        visit.choose(.showGraphic)
        #expect(visit.records == [.graphicRevealed(Self.ledger)])
        visit.press(.character("n"), .character("p"))
        #expect(visit.records == [.showing(Self.ledger)], "shown again, revealed already")
    }

    @Test func changingTheChosenLanguageIsCountedChoosingItFirstIsNot() {
        var visit = Kiosks.woken()
        visit.press(.down, .enter)
        #expect(visit.state.language == "az")
        #expect(visit.records == [])
        visit.press(.character("l"))
        #expect(visit.records == [.showing(nil)])
        visit.press(.down, .enter)
        #expect(visit.state.language == "ru")
        #expect(visit.records == [.showing(.welcome), .languageChanged(to: "ru")])
    }

    @Test func theIdleResetEndsTheVisitWhereverItStood() {
        var visit = Kiosks.woken()
        visit.type("111")
        visit.press(.enter)
        visit.tick(140)
        #expect(visit.records == [.ended(.idleReset)], "its place is closed by its end, and the next visit has not begun")
        #expect(visit.effects.last == .newVisit)
        visit.press(.character(" "))
        #expect(visit.records == [.began(language: "en"), .showing(.welcome)])
    }

    @Test func aDemonstrationIsNoVisitUntilAKeyTakesItOver() {
        var visit = Visit(tour: Kiosks.booth, language: "en")
        #expect(visit.records == [])
        visit.tick(0)
        for seconds in stride(from: 30.0, through: 120, by: 30) {
            visit.tick(seconds)
            #expect(visit.records == [], "the demonstration reads on by itself")
        }
        visit.press(.down)
        let shown = visit.tour.shownPlace(visit.state)
        #expect(shown != nil && shown != .welcome, "the demonstration had read on into the halls")
        #expect(visit.records == [.began(language: "en"), .showing(shown)], "the visit begins where the demonstration was")
    }

    @Test func theMinuteOfSilenceIsNoTimeOnThePage() {
        var visit = Visit(tour: CommemorationTests.tour, language: "en")
        visit.clock(0, local(month: 5, day: 9, 11, 59))
        visit.press(.character(" "), .enter, .enter)
        #expect(visit.records == [.showing(Self.entrance)])
        visit.clock(60, local(month: 5, day: 9, 12, 0))
        #expect(visit.records == [.showing(nil)])
        visit.clock(120, local(month: 5, day: 9, 12, 1))
        #expect(visit.records == [.showing(Self.entrance)])
    }

    @Test func leavingEndsTheVisitAndAClosedSessionEndsItWithItsLastScreen() {
        var visit = Visit()
        visit.press(.character("q"))
        #expect(visit.records == [.ended(.left)])
        var closing = Visit(config: Tour.SessionStart(idleExit: 60))
        closing.tick(60)
        #expect(closing.records == [.ended(.sessionClosed)])
        closing.tick(65)
        #expect(closing.records == [], "said once")
    }

    @Test func aParticipantAndAGuideAreCountedOnceEach() {
        var visit = Visit(config: Tour.SessionStart(group: .join("123456")))
        visit.group(.joined("123456"))
        #expect(visit.records == [.showing(.tourAdvisory), .joinedGroup], "the tour's advisory first, then the guide")
        visit.group(.guideMoved(.stop(hall: "archive", exhibit: nil, more: false)))
        #expect(!visit.records.contains(.joinedGroup))
        var guide = Visit(config: Tour.SessionStart(group: .lead(orphans: [])))
        guide.group(.opened("482913"))
        #expect(guide.records == [.ledGroup])
    }
}
