import Testing
@testable import KioskCore

/// Group tours in the pure tour: every step a participant or a guide takes, with the other
/// kiosks' news given as events.
@Suite struct ParticipantTests {
    static let entrance = GuidePlace.stop(hall: "entrance", exhibit: nil, more: false)
    static let plan = GuidePlace.stop(hall: "entrance", exhibit: "01-plan", more: false)
    static let archive = GuidePlace.stop(hall: "archive", exhibit: nil, more: false)

    /// A visitor who joined group 123456 and read the advisory, following a guide at the entrance.
    func following(language: String = "en", config: Tour.SessionStart = Tour.SessionStart()) -> Visit {
        var config = config
        config.groupsAvailable = true
        config.group = .join("123456")
        var visit = Visit(language: language, config: config)
        visit.group(.joined("123456"), .guideMoved(Self.entrance))
        visit.press(.enter)
        return visit
    }

    var participation: (Visit) -> Participation? { { $0.state.visit.group.participation } }

    @Test func joiningShowsTheAdvisoryFirstThenGoesToTheGuide() {
        var visit = Visit(language: nil, config: Tour.SessionStart(group: .join("123456")))
        #expect(visit.effects == [.group(.join("123456")), .record(.began(language: "en")), .record(.showing(.welcome))])
        visit.group(.joined("123456"))
        #expect(visit.effects == [.group(.report(ParticipantStatus(place: .welcome, following: false, pause: false))), .record(.joinedGroup)],
                "the guide hears of a new participant at once")
        visit.group(.guideMoved(Self.archive))
        #expect(visit.effects == [], "nothing changed for the guide to hear")
        #expect(visit.kind == .chooseLanguage, "a language first, when none was chosen")
        visit.press(.down, .enter)
        #expect(visit.kind == .tourAdvisory)
        #expect(visit.state.visit.group.participation?.following == .gettingReady)
        visit.press(.enter)
        #expect(visit.kind == .hall(1))
        #expect(visit.state.visit.group.participation?.following == .following)
        #expect(visit.effects == [.group(.report(ParticipantStatus(place: Self.archive, following: true, pause: false))),
                                  .record(.showing(.stop(hall: "archive", exhibit: nil)))])
        #expect(visit.state.language == "az")
    }

    @Test func aFollowerGoesWhereTheGuideGoesInTheirOwnLanguage() {
        var visit = following(language: "ru")
        #expect(visit.kind == .hall(0))
        visit.group(.guideMoved(Self.plan))
        #expect(visit.kind == .exhibit(0, 0))
        visit.group(.guideMoved(.stop(hall: "archive", exhibit: "02-letter", more: true)))
        #expect(visit.kind == .exhibitMore(1, 1))
        #expect(visit.state.language == "ru")
        visit.group(.guideMoved(.end))
        #expect(visit.kind == .end)
    }

    /// The guide chose to see a graphic exhibit in full; each participant still sees its text
    /// alternative until they ask for more themselves.
    @Test func aGraphicExhibitsLongerTextIsNotShownToAFollowerWhoDidNotAsk() {
        var visit = following()
        visit.group(.guideMoved(.stop(hall: "archive", exhibit: "01-ledger", more: true)))
        #expect(visit.kind == .exhibit(1, 0))
        #expect(visit.tour.isHidden(.exhibit(1, 0), visit.state.visit.care))
    }

    @Test func theWelcomeAndTheAdvisoryAreEachVisitorsOwn() {
        var visit = following()
        visit.group(.guideMoved(.advisory))
        #expect(visit.kind == .hall(0))
    }

    @Test func anOpenMapStaysOpenOverTheNewPlace() {
        var visit = following()
        visit.press(.character("m"))
        visit.group(.guideMoved(Self.archive))
        #expect(visit.state.visit.place.kind == .hall(1))
        #expect(visit.state.visit.overlay?.kind == .map)
    }

    @Test func walkingOffStepsAwayAndGBringsTheVisitorBack() {
        var visit = following()
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0))
        #expect(visit.state.visit.group.participation?.following == .away)
        visit.group(.guideMoved(Self.archive))
        #expect(visit.kind == .exhibit(0, 0), "one who stepped away stays")
        visit.press(.character("g"))
        #expect(visit.kind == .hall(1))
        #expect(visit.state.visit.group.participation?.following == .following)
        // On a Russian keyboard layout too.
        visit.press(.character("p"))
        visit.press(.character("п"))
        #expect(visit.kind == .hall(1))
    }

    @Test func readingMoreOfTheSameStopIsNotSteppingAway() {
        var visit = following()
        visit.press(.enter)
        #expect(visit.kind == .hallMore(0))
        #expect(visit.state.visit.group.participation?.following == .following)
    }

    @Test func walkingBackToTheGuidesStopFollowsAgain() {
        var visit = following()
        visit.press(.character("n"))
        visit.press(.escape)
        #expect(visit.kind == .hall(0))
        #expect(visit.state.visit.group.participation?.following == .following)
    }

    @Test func gWhileFollowingSaysSoAndMovesNothing() {
        var visit = following()
        visit.press(.character("g"))
        #expect(visit.state.visit.group.notice == .alreadyFollowing)
        visit.press(.down)
        #expect(visit.state.visit.group.notice == nil)
    }

    @Test func aPauseIsAskedWithdrawnAndAnsweredByMovingOn() {
        var visit = following()
        visit.press(.character("w"))
        #expect(visit.effects == [.group(.report(ParticipantStatus(place: Self.entrance, following: true, pause: true)))])
        visit.press(.character("W"))
        #expect(visit.state.visit.group.participation?.pause == false)
        visit.press(.character("ц"))
        visit.group(.guideMoved(.stop(hall: "entrance", exhibit: nil, more: true)))
        #expect(visit.state.visit.group.participation?.pause == true, "the guide is still at the same stop")
        visit.group(.guideMoved(Self.plan))
        #expect(visit.state.visit.group.participation?.pause == false)
    }

    @Test func aLostGuideIsAwaitedAMinute() {
        var visit = following()
        visit.tick(10)
        visit.group(.guideLost)
        visit.tick(69)
        #expect(visit.state.visit.group.participation?.guideLostAt == at(10))
        #expect(visit.tour.nextDeadline(visit.state) == at(70))
        visit.group(.guideBack, .guideMoved(Self.archive))
        #expect(visit.state.visit.group.participation?.guideLostAt == nil)
        #expect(visit.kind == .hall(1))
        visit.group(.guideLost)
        visit.tick(130)
        #expect(visit.state.visit.group.role == .ended(.guideDidNotReturn))
        #expect(visit.kind == .hall(1), "the visitor keeps their place and goes on alone")
    }

    @Test func theGuideEndingTheGroupLetsTheVisitorGoOnAndJoinAnother() {
        var visit = following()
        visit.group(.groupEnded)
        #expect(visit.state.visit.group.role == .ended(.guideEnded))
        #expect(visit.effects == [.group(.leave), .record(.showing(nil))], "the connection to the guide closes; the thanks cover the stop")
        visit.group(.guideMoved(Self.archive))
        #expect(visit.state.visit.place.kind == .hall(0))
        #expect(visit.kind == .groupEnded, "a page that thanks them, over where they are")
        #expect(visit.tour.page(for: .welcome, in: visit.state).actions == [.continueTour, .joinGroup, .search])
        visit.press(.character("q"))
        #expect(visit.effects == [.endSession(.visitorLeft), .record(.ended(.left))])
    }

    @Test func aParticipantWhoQuitsEndsNoGroup() {
        var visit = following()
        visit.press(.character("q"))
        #expect(visit.effects == [.endSession(.visitorLeft), .record(.ended(.left))])
    }

    @Test func anAnswerToAJoinGivenUpIsLetGo() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.down, .enter)
        visit.type("123456")
        visit.press(.enter, .enter)
        #expect(visit.effects == [.group(.join("123456"))])
        visit.press(.escape)
        #expect(visit.state.visit.group.role == .none)
        visit.group(.joined("123456"))
        #expect(visit.effects == [.group(.leave)])
        #expect(visit.state.visit.group.role == .none)
    }

    @Test func theGuidesClosingWordsThankThemAndPointToTheQuietRoom() {
        var visit = following()
        visit.group(.farewell("Thank you all for coming."))
        #expect(visit.state.visit.group.role == .ended(.guideEnded))
        let page = visit.tour.page(for: .groupEnded, in: visit.state)
        #expect(page.blocks.map(\.runs.plainText).starts(with: ["The group tour has ended", "Thank you for your visit.",
                                                                 "Your guide's closing words:", "Thank you all for coming."]))
        #expect(page.actions == [.stepOut, .walkOnAlone])
        visit.press(.enter)
        #expect(visit.kind == .remembrance, "the quiet room first")
        visit.press(.character("x"))
        #expect(visit.kind == .hall(0), "back where they were, the page of thanks not with them")
    }

    @Test func walkingOnAloneClosesThePageWhereTheyAre() {
        var visit = following()
        visit.group(.groupEnded)
        visit.press(.down, .enter)
        #expect(visit.kind == .hall(0))
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0))
    }

    @Test func theEndDoesNotCoverAFormBeingFilledIn() {
        var visit = following()
        visit.state.visit.overlay = Screen(.book(.write))
        visit.group(.groupEnded)
        #expect(visit.kind == .book(.write))
    }

    @Test func aFollowerAskedOverIsTakenThere() {
        var visit = following()
        visit.group(.gathered(Self.plan))
        #expect(visit.kind == .exhibit(0, 0))
        #expect(visit.state.visit.group.participation?.call == nil)
    }

    @Test func oneLookingAroundIsToldWhereTheGuideIsAndGoesWithOneKey() {
        var visit = following()
        visit.press(.character("n"))
        #expect(visit.state.visit.group.participation?.following == .away)
        let away = visit.kind
        visit.group(.gathered(Self.archive))
        #expect(visit.kind == away, "never pulled along")
        #expect(visit.state.visit.group.participation?.call == Self.archive)
        visit.press(.character("g"))
        #expect(visit.kind == .hall(1))
        #expect(visit.state.visit.group.participation?.following == .following)
        #expect(visit.state.visit.group.participation?.call == nil)
    }

    @Test func oneInTheQuietRoomIsNeverPulledOut() {
        var visit = following()
        visit.press(.character("x"))
        visit.group(.gathered(Self.archive))
        #expect(visit.kind == .remembrance)
        visit.press(.character("x"))
        #expect(visit.kind == .hall(0), "back where they were, of their own accord")
        #expect(visit.state.visit.group.participation?.call == Self.archive, "and told where the guide is")
        visit.group(.guideMoved(Self.plan))
        #expect(visit.state.visit.group.participation?.call == nil, "the guide moved on: the call is over")
    }

    @Test func aPlaceThisPackDoesNotHaveMovesNobody() {
        var visit = following()
        let before = visit.state.visit.group.participation
        visit.group(.guideMoved(.stop(hall: "nowhere", exhibit: nil, more: false)))
        #expect(visit.kind == .hall(0))
        #expect(visit.state.visit.group.participation == before, "nor is it taken for the guide's place")
    }

    @Test func beingCarriedAlongIsNotIdling() {
        var visit = following(config: Tour.SessionStart(idleExit: 60))
        visit.tick(50)
        visit.group(.guideMoved(Self.plan))
        visit.tick(100)
        #expect(visit.state.session.limits.closing == nil)
        visit.tick(110)
        #expect(visit.state.session.limits.closing?.reason == .idle)
    }
}

@Suite struct JoinScreenTests {
    @Test func theWelcomeOffersToJoinAfterBeginning() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        #expect(visit.tour.page(for: .welcome, in: visit.state).actions == [.continueTour, .joinGroup, .search])
        visit.press(.down, .enter)
        #expect(visit.state.visit.overlay?.kind == .joinGroup)
    }

    @Test func withoutAGroupDirectoryThereIsNothingToJoin() {
        #expect(Visit().tour.page(for: .welcome, in: Visit().state).actions == [.continueTour, .search])
    }

    @Test func aCodeIsTypedCorrectedAndSent() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.down, .enter)
        visit.type("12 34")
        visit.press(.backspace)
        visit.type("3456")
        #expect(visit.state.visit.group.typedCode == "123345")
        visit.type("7")
        #expect(visit.state.visit.group.typedCode == "123345", "six digits at most")
        visit.press(.enter)
        #expect(visit.state.visit.group.namingStep, "then the name, which may stay empty")
        visit.press(.enter)
        #expect(visit.state.visit.group.role == .joining("123345"))
        #expect(visit.effects == [.group(.join("123345"))])
        #expect(visit.tour.page(for: .joinGroup, in: visit.state).blocks.map(\.runs.plainText).contains("Joining group 123 345…"))
    }

    @Test func aFirstNameIsTypedCleanedAndToldTheGuide() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.down, .enter)
        visit.type("123456")
        visit.press(.enter)
        visit.type("Gülnarə\u{202E}x")
        visit.press(.backspace)
        #expect(visit.tour.page(for: .joinGroup, in: visit.state).blocks.map(\.runs.plainText).contains("Name: Gülnarə_"))
        visit.press(.enter)
        #expect(visit.effects == [.group(.join("123456"))])
        visit.group(.joined("123456"))
        #expect(visit.effects == [.group(.report(ParticipantStatus(place: .advisory, following: false, pause: false, name: "Gülnarə"))),
                                  .record(.showing(.tourAdvisory)), .record(.joinedGroup)])
    }

    @Test func escapeFromTheNameGoesBackToTheCode() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.down, .enter)
        visit.type("123456")
        visit.press(.enter, .escape)
        #expect(!visit.state.visit.group.namingStep)
        #expect(visit.state.visit.overlay?.kind == .joinGroup)
        visit.press(.backspace)
        #expect(visit.state.visit.group.typedCode == "12345")
    }

    @Test func enterWithAShortCodeWaitsForTheRest() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.down, .enter)
        visit.type("123")
        visit.press(.enter)
        #expect(visit.state.visit.group.role == .none)
        #expect(visit.state.visit.overlay?.kind == .joinGroup)
    }

    @Test func aWrongCodeIsSaidOnTheJoinScreen() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true, group: .join("999999")))
        visit.group(.noSuchGroup("999999"))
        #expect(visit.state.visit.group.role == .none)
        #expect(visit.state.visit.overlay?.kind == .joinGroup)
        #expect(visit.tour.page(for: .joinGroup, in: visit.state).blocks.map(\.runs.plainText)
            .contains("There is no group 999 999 here. Check the code with your guide."))
    }

    @Test func escLeavesTheJoinScreen() {
        var visit = Visit(config: Tour.SessionStart(groupsAvailable: true))
        visit.press(.down, .enter)
        visit.type("12")
        visit.press(.escape)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.group.typedCode == "")
    }
}

@Suite struct GuideTests {
    func leading(orphans: [OrphanGroup] = []) -> Visit {
        Visit(config: Tour.SessionStart(group: .lead(orphans: orphans)))
    }

    @Test func aGuideGetsAGroupAtOnceAndSeesItsCode() {
        var visit = leading()
        #expect(visit.effects == [.group(.open(.new)), .record(.began(language: "en")), .record(.showing(.welcome))])
        visit.group(.opened("482913"))
        #expect(visit.effects == [.group(.announce(.welcome)), .record(.ledGroup)], "the group hears where its guide is")
        #expect(visit.state.visit.group.leadership?.code == "482913")
        #expect(visit.tour.page(for: .welcome, in: visit.state).blocks.map(\.runs.plainText).contains("Your group's code: 482 913"))
    }

    @Test func aGuideMayTakeBackAGroupLeftAMomentAgo() {
        let orphan = OrphanGroup(code: "111222", place: .stop(hall: "archive", exhibit: "01-ledger", more: false))
        var visit = leading(orphans: [orphan])
        #expect(visit.effects == [.record(.began(language: "en")), .record(.showing(.welcome))], "the guide chooses first")
        #expect(visit.tour.page(for: .welcome, in: visit.state).actions == [.takeBackGroup("111222"), .startGroup, .continueTour, .search])
        visit.press(.enter)
        #expect(visit.effects == [.group(.open(.takeBack(orphan)))])
        visit.press(.enter)
        #expect(visit.effects == [.record(.showing(.tourAdvisory))], "asked once, while the answer comes")
        visit.group(.opened("111222"))
        #expect(visit.kind == .exhibit(1, 0))
        #expect(visit.effects == [.group(.announce(orphan.place)), .record(.showing(.stop(hall: "archive", exhibit: "01-ledger"))), .record(.ledGroup)])
        #expect(visit.state.visit.group.leadership?.orphans == [])
    }

    @Test func aGroupThatCannotOpenIsSaidAndCanBeTriedAgain() {
        var visit = leading()
        visit.group(.cannotOpen)
        #expect(visit.state.visit.group.notice == .cannotOpen)
        #expect(visit.tour.page(for: .welcome, in: visit.state).actions == [.startGroup, .continueTour, .search])
        visit.press(.enter)
        #expect(visit.effects == [.group(.open(.new))])
    }

    @Test func aGuideWhoMovesIsAnnouncedAndOneWhoQuitsEndsTheGroup() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter)
        let entrance = VisitRecord.showing(.stop(hall: "entrance", exhibit: nil))
        #expect(visit.effects == [.group(.announce(.stop(hall: "entrance", exhibit: nil, more: false))), .record(entrance)])
        visit.press(.character("x"))
        #expect(visit.effects == [.record(.showing(.quietRoom)), .record(.steppedOut(hall: "entrance"))], "the quiet room is the guide's own")
        visit.press(.character("x"))
        #expect(visit.effects == [.group(.announce(.stop(hall: "entrance", exhibit: nil, more: false))), .record(entrance),
                                  .record(.steppedBack(hall: "entrance"))])
        visit.press(.character("q"))
        #expect(visit.effects == [.record(.showing(nil))], "ending the group for everyone is asked again, over the stop")
        #expect(visit.kind == .endGroup)
        visit.press(.escape)
        #expect(visit.kind == .hall(0), "Esc: the guide goes on leading")
        visit.press(.character("q"), .enter)
        #expect(visit.effects == [.group(.end), .endSession(.visitorLeft), .record(.ended(.left))])
    }

    @Test func aBringsEveryoneToTheGuidesStop() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.character("a"))
        #expect(visit.effects == [], "the welcome is no stop to call a group to")
        visit.press(.enter, .enter, .character("a"))
        #expect(visit.effects == [.group(.gather(.stop(hall: "entrance", exhibit: nil, more: false)))])
        let number = try? #require(visit.tour.pack.number(of: .hall(0)))
        #expect(visit.state.visit.group.notice == number.map(GroupNotice.everyoneCalled))
    }

    @Test func handingOverIsAskedThenLeavesTheGroupForAColleague() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter, .character("h"))
        #expect(visit.kind == .handOver)
        visit.press(.escape)
        #expect(visit.kind == .hall(0))
        visit.press(.character("h"), .enter)
        #expect(visit.effects == [.group(.handOver), .endSession(.visitorLeft), .record(.ended(.left))], "the group is left, not ended")
    }

    /// A long page read together: the guide's scrolling is told as the block at the top of
    /// their screen, never on a move (a stop starts at its top).
    @Test func aGuideWhoScrollsTellsTheGroupWhereTheyRead() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter)
        #expect(visit.kind == .hall(0))
        #expect(!visit.effects.contains { if case .group(.announceReading) = $0 { return true } else { return false } },
                "a move says nothing of reading")
        visit.resize(40, 12)
        visit.press(.pageDown)
        let told = visit.effects.compactMap { effect -> Int? in
            if case .group(.announceReading(let block)) = effect { return block } else { return nil }
        }
        #expect(told.count == 1 && told[0] > 0, "\(visit.effects)")
        for _ in 0..<10 where visit.state.visit.place.scroll > 0 { visit.press(.pageUp) }
        #expect(visit.effects.contains(.group(.announceReading(0))))
        visit.press(.pageUp)
        #expect(visit.effects == [], "at the top already: nothing to tell")
    }

    /// A follower on the guide's page scrolls with the guide; one looking around alone does not.
    @Test func aFollowerReadsWhereTheGuideReads() {
        var visit = ParticipantTests().following()
        visit.resize(40, 12)
        #expect(visit.kind == .hall(0))
        visit.group(.guideReading(0))
        #expect(visit.state.visit.place.scroll == 0, "at the top with the guide")
        visit.group(.guideReading(4))
        #expect(visit.state.visit.place.scroll > 0, "taken down the page with the guide")
        visit.press(.character("n"))
        #expect(visit.state.visit.group.participation?.following != .following)
        let own = visit.state.visit.place
        visit.group(.guideReading(4))
        #expect(visit.state.visit.place == own, "looking around alone: their own place")
    }

    @Test func aParticipantIsToldTheirGuideIsHandingOver() {
        var visit = ParticipantTests().following()
        visit.group(.handingOver)
        #expect(visit.state.visit.group.participation?.handingOver == true)
        #expect(visit.state.visit.group.participation?.guideLostAt != nil, "the group waits as for a guide who dropped")
        visit.group(.guideLost, .guideBack)
        #expect(visit.state.visit.group.participation?.handingOver == false)
    }

    @Test func theGuideEndsWithClosingWordsCleaned() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter, .character("q"))
        visit.type("Thank you\u{1B}[31m, all ")
        visit.press(.backspace, .enter)
        #expect(visit.effects == [.group(.farewell("Thank you[31m, all")), .endSession(.visitorLeft), .record(.ended(.left))])
    }

    @Test func aGuidesClosedSessionEndsTheGroupToo() {
        var visit = Visit(config: Tour.SessionStart(idleExit: 60, group: .lead(orphans: [])))
        visit.group(.opened("482913"))
        visit.tick(60)
        visit.tick(65)
        #expect(visit.effects == [.group(.end), .endSession(.closed(.idle))])
    }

    @Test func waitingForEveryoneHoldsAMoveOnceThenLetsItGo() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter)
        #expect(visit.kind == .hall(0))
        let counts = GroupCounts(participants: 3, following: 2, here: 2, pauses: 1)
        visit.group(.counts(counts))
        visit.press(.character("w"))
        #expect(visit.state.visit.group.leadership?.waitForEveryone == true)
        visit.press(.character("n"))
        #expect(visit.kind == .hall(0))
        #expect(visit.state.visit.group.notice == .notEveryoneHere)
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0), "the same key again goes anyway")
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0), "held again at the next stop")
        visit.press(.down, .character("n"))
        #expect(visit.kind == .exhibit(0, 0), "another key in between asks again")
        visit.group(.counts(GroupCounts(participants: 3, following: 3, here: 3, pauses: 0)))
        visit.press(.character("n"))
        #expect(visit.kind == .hall(1), "everyone here: no wait")
    }

    static func member(_ number: Int, _ whereabouts: Whereabouts = .here, pause: Bool = false, name: String? = nil) -> GroupMember {
        GroupMember(number: number, name: name, whereabouts: whereabouts, since: Instant(milliseconds: 0), following: true, pause: pause)
    }

    /// Issue 15: "Not everyone is here (1/2)" stayed after the participant came back, and
    /// "here: 2/2, pause: 1" said two things at once. The notice now says one reason, from the
    /// counts as they are, and goes when it no longer holds.
    @Test func theHeldMoveSaysWhyAndGoesWhenItNoLongerHolds() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter, .character("w"))
        visit.group(.counts(GroupCounts(participants: 2, following: 2, here: 1, atDoor: 1), members: [Self.member(1), Self.member(2, .atDoor(nil))]))
        visit.press(.character("n"))
        #expect(visit.state.visit.group.notice == .notEveryoneHere)
        visit.group(.counts(GroupCounts(participants: 2, following: 2, here: 2), members: [Self.member(1), Self.member(2)]))
        #expect(visit.state.visit.group.notice == nil, "everyone came: the notice goes")
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0))
        visit.group(.counts(GroupCounts(participants: 2, following: 2, here: 2, pauses: 1),
                            members: [Self.member(1), Self.member(2, pause: true, name: "Anna")]))
        visit.press(.character("n"))
        #expect(visit.kind == .exhibit(0, 0))
        #expect(visit.state.visit.group.notice == .notEveryoneHere)
    }

    @Test func aNewPauseRingsTheBellOnceAndNeverOnAPublicStand() {
        var visit = leading()
        visit.group(.opened("482913"))
        let asking = [Self.member(1, pause: true, name: "Anna"), Self.member(2)]
        visit.group(.counts(GroupCounts(participants: 2, here: 2, pauses: 1), members: asking))
        #expect(visit.effects == [.ringBell])
        visit.group(.counts(GroupCounts(participants: 2, here: 1, pauses: 1, elsewhere: 1), members: [asking[0], Self.member(2, .elsewhere(nil))]))
        #expect(visit.effects == [], "the same request rings once")
        var stand = Visit(tour: Tour(pack: TestPacks.tour.pack, kiosk: KioskSettings(isKiosk: true)),
                          config: Tour.SessionStart(group: .lead(orphans: [])))
        stand.group(.opened("482913"), .counts(GroupCounts(participants: 2, here: 2, pauses: 1), members: asking))
        #expect(stand.effects == [])
    }

    @Test func vShowsWhoIsWhereAndSinceWhen() {
        var visit = leading()
        visit.group(.opened("482913"))
        visit.press(.enter, .enter)
        visit.group(.counts(GroupCounts(participants: 3, here: 1, pauses: 1, atDoor: 1, steppedOut: 1), members: [
            Self.member(1, name: "Anna"), Self.member(2, .atDoor(.stop(hall: "archive", exhibit: nil, more: false)), pause: true),
            Self.member(3, .steppedOut), Self.member(4, .gone, name: "Ivan"),
        ]))
        visit.tick(180)
        visit.press(.character("v"))
        #expect(visit.state.visit.overlay?.kind == .groupRoster)
        let lines = visit.tour.page(for: .groupRoster, in: visit.state).blocks.map(\.runs.plainText)
        #expect(lines.contains("Anna · at your stop · 3 min"))
        #expect(lines.contains { $0.hasPrefix("Visitor 2 · at the door of stop ") && $0.hasSuffix("· asks for a pause") })
        #expect(lines.contains("Visitor 3 · in the quiet room · 3 min"))
        #expect(lines.contains("Ivan · no longer in the group · 3 min"))
        visit.press(.character("v"))
        #expect(visit.state.visit.overlay == nil)
    }

    /// Hall 1 has advisories at its door: a participant carried there stops at the door, and
    /// the guide hears they are at the door, not in the hall.
    @Test func aParticipantAtADoorOrInTheQuietRoomSaysSo() {
        var config = Tour.SessionStart(groupsAvailable: true, group: .join("123456"))
        config.language = "en"
        var visit = Visit(doorsRead: false, config: config)
        visit.group(.joined("123456"), .guideMoved(ParticipantTests.entrance))
        visit.press(.enter)
        visit.group(.guideMoved(ParticipantTests.archive))
        #expect(visit.kind == .hallAdvisory(.hall(1), from: Screen(.hall(0))))
        #expect(visit.effects == [.group(.report(ParticipantStatus(place: ParticipantTests.archive, following: true, pause: false, spot: .door))),
                                  .record(.showing(.door(hall: "archive")))])
        visit.press(.character("x"))
        #expect(visit.effects == [.group(.report(ParticipantStatus(place: nil, following: false, pause: false, spot: .steppedOut))),
                                  .record(.showing(.quietRoom)), .record(.steppedOut(hall: "archive"))])
    }

    @Test func withoutWaitingTheGuideMovesFreely() {
        var visit = leading()
        visit.group(.opened("482913"), .counts(GroupCounts(participants: 3, following: 0, here: 0, pauses: 3)))
        visit.press(.enter, .enter, .character("n"))
        #expect(visit.kind == .exhibit(0, 0))
    }

    @Test func theGuidesPlaceIsNamedByIDs() {
        var visit = leading()
        visit.type("111")
        visit.press(.enter)
        #expect(visit.tour.guidePlace(of: visit.state.visit.place.kind) == .stop(hall: "archive", exhibit: "01-ledger", more: false))
        for kind in [ScreenKind.welcome, .tourAdvisory, .hall(2), .exhibit(1, 1), .exhibitMore(1, 0), .hallMore(0), .end] {
            #expect(visit.tour.guidePlace(of: kind).flatMap(visit.tour.screenKind(for:)) == kind)
        }
    }

    @Test func helpListsTheGroupKeysOfTheRole() {
        var guide = leading()
        guide.press(.character("?"))
        #expect(guide.tour.page(for: .help, in: guide.state).blocks.map(\.runs.plainText).contains { $0.hasPrefix("w") && $0.contains("Wait for everyone") })
        var participant = Visit()
        participant.state.visit.group.role = .participant(Participation(code: "123456"))
        #expect(participant.tour.page(for: .help, in: participant.state).blocks.map(\.runs.plainText).contains { $0.contains("Back to the guide") })
    }
}

extension Visit {
    mutating func group(_ events: GroupEvent...) {
        for event in events { send(.group(event)) }
    }
}

@Suite struct CodeWindowTests {
    static func at(_ hour: Int, _ minute: Int) -> LocalTime {
        LocalTime(year: 2026, month: 12, day: 5, weekday: 6, hour: hour, minute: minute)
    }

    @Test func aWindowIsATimeOfDayFromAndTo() throws {
        let window = try #require(CodeWindow("14:45-16:30"))
        #expect(!window.contains(Self.at(14, 44)))
        #expect(window.contains(Self.at(14, 45)))
        #expect(window.contains(Self.at(16, 29)))
        #expect(!window.contains(Self.at(16, 30)))
        #expect(window.description == "14:45-16:30")
    }

    @Test(arguments: ["", "14:45", "16:30-14:45", "14:45-24:00", "1:45-16:30", "14:45-16:3x", "١٤:٤٥-16:30"])
    func anythingElseIsNoWindow(text: String) {
        #expect(CodeWindow(text) == nil)
    }

    @Test func aFixedCodeIsOpenedAsIs() {
        let visit = Visit(config: Tour.SessionStart(group: .leadWithCode("150301")))
        #expect(visit.effects.first == .group(.open(.fixed("150301"))))
    }
}
