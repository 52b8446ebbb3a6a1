import KioskCore
import KioskView
import SnapshotTesting
import Testing

/// Golden frames of group tours and of a session closing itself: the status line above the
/// footer, the join screen, the guide's welcome, the last screen.
@Suite struct GroupFrameTests {
    let view = TourView(tour: tour)

    static let entrance = GuidePlace.stop(hall: "entrance", exhibit: nil, more: false)

    /// Twelve participants: ten here (one of them, Anna, asks for a pause), one at a door,
    /// one in the quiet room, and one who left.
    static let members: [GroupMember] = (1...13).map { number in
        let whereabouts: Whereabouts = number == 11 ? .atDoor(.stop(hall: "archive", exhibit: nil, more: false))
            : number == 12 ? .steppedOut : number == 13 ? .gone : .here
        return GroupMember(number: number, name: [1: "Anna", 2: "Gülnarə", 5: "Иван"][number], whereabouts: whereabouts,
                           since: Instant(milliseconds: Int64(number) * 60_000), following: number < 12, pause: number == 1)
    }

    func guide(_ columns: Int, _ rows: Int, counts: GroupCounts, members: [GroupMember] = [], waiting: Bool = false,
               then more: [TourEvent] = []) -> Frame {
        var state = started(tour, language: "en", size: TerminalSize(columns: columns, rows: rows),
                            config: Tour.SessionStart(group: .lead(orphans: [])))
        for event in [TourEvent.group(.opened("482913"))] + keys(.enter, .enter) + [.group(.counts(counts, members: members))] {
            _ = tour.reduce(&state, event)
        }
        if waiting { _ = tour.reduce(&state, .key(.character("w"))) }
        for event in more { _ = tour.reduce(&state, event) }
        return view.render(state)
    }

    static let counts = GroupCounts(participants: 12, following: 11, here: 10, pauses: 1, atDoor: 1, steppedOut: 1)

    @Test func theGuidesRosterSaysWhoIsWhereAndSinceWhen() {
        assertSnapshot(of: guide(80, 24, counts: Self.counts, members: Self.members,
                                 then: [.tick(Instant(milliseconds: 900_000))] + keys(.character("v"))),
                       as: .screen, named: "guide-roster-80x24")
    }

    @Test func aHeldMoveSaysWhoAskedForAPause() {
        let counts = GroupCounts(participants: 2, following: 2, here: 2, pauses: 1)
        assertSnapshot(of: guide(80, 24, counts: counts, members: Array(Self.members.prefix(2)), waiting: true, then: keys(.character("n"))),
                       as: .screen, named: "guide-held-for-pause-80x24")
    }

    @Test func aGuideConfirmsTheEndWithClosingWords() {
        assertSnapshot(of: guide(80, 24, counts: Self.counts, members: Self.members, then: keys(.character("q")) + typed("Thank you all.")),
                       as: .screen, named: "guide-ending-80x24")
    }

    @Test func aParticipantIsThankedWithTheGuidesWords() {
        assertSnapshot(of: participant("az", [.group(.farewell("Gəldiyiniz üçün təşəkkür edirəm."))]), as: .screen,
                       named: "group-ended-80x24-az")
    }

    @Test func oneLookingAroundIsToldWhereTheGuideIs() {
        assertSnapshot(of: participant("ru", keys(.character("n")) + [.group(.gathered(.stop(hall: "archive", exhibit: nil, more: false)))]),
                       as: .screen, named: "called-80x24-ru")
    }

    @Test func aParticipantWhoseGuideHandsOver() {
        assertSnapshot(of: participant("en", [.group(.handingOver)]), as: .screen, named: "handing-over-80x24")
    }

    @Test func theJoinScreenAsksForAFirstName() {
        var state = started(tour, language: "ru", config: Tour.SessionStart(groupsAvailable: true))
        for event in keys(.down, .enter) + typed("482913") + keys(.enter) + typed("Аня") { _ = tour.reduce(&state, event) }
        assertSnapshot(of: view.render(state), as: .screen, named: "join-name-80x24-ru")
    }

    func participant(_ language: String, _ events: [TourEvent]) -> Frame {
        var state = started(tour, language: language, config: Tour.SessionStart(group: .join("482913")))
        for event in [.group(.joined("482913")), .group(.guideMoved(Self.entrance))] + keys(.enter) + events {
            _ = tour.reduce(&state, event)
        }
        return view.render(state)
    }

    @Test func theGuideSeesTheGroupInCounts() {
        assertSnapshot(of: guide(80, 24, counts: Self.counts, members: Self.members, waiting: true),
                       as: .screen, named: "guide-80x24")
    }

    @Test func aNarrowGuideLineDropsTheLeastImportantFirst() {
        assertSnapshot(of: guide(40, 12, counts: GroupCounts(participants: 3, following: 3, here: 3, pauses: 0)),
                       as: .screen, named: "guide-40x12")
    }

    @Test func aGuideChoosesToTakeBackAGroup() {
        let state = started(tour, language: "en",
                            config: Tour.SessionStart(group: .lead(orphans: [OrphanGroup(code: "111222", place: Self.entrance)])))
        assertSnapshot(of: view.render(state), as: .screen, named: "guide-take-back-80x24")
    }

    @Test func aFollowerInRussian() {
        assertSnapshot(of: participant("ru", []), as: .screen, named: "following-80x24-ru")
    }

    @Test func aVisitorWhoSteppedAwayInAzerbaijani() {
        assertSnapshot(of: participant("az", keys(.character("n"))), as: .screen, named: "stepped-away-80x24-az")
    }

    @Test func theJoinScreenWithAWrongCode() {
        var state = started(tour, language: "en", config: Tour.SessionStart(group: .join("999999")))
        _ = tour.reduce(&state, .group(.noSuchGroup("999999")))
        _ = tour.reduce(&state, .group(.noSuchGroup("999999")))
        assertSnapshot(of: view.render(state), as: .screen, named: "join-wrong-code-80x24")
        for event in typed("48291") { _ = tour.reduce(&state, event) }
        assertSnapshot(of: view.render(state), as: .screen, named: "join-typing-80x24")
    }

    @Test func anIdleWarningThenTheLastScreen() {
        var state = started(tour, language: "az", config: Tour.SessionStart(idleExit: 600))
        _ = tour.reduce(&state, .tick(Instant(milliseconds: 575_500)))
        assertSnapshot(of: view.render(state), as: .screen, named: "idle-warning-80x24-az")
        _ = tour.reduce(&state, .resize(TerminalSize(columns: 40, rows: 12)))
        _ = tour.reduce(&state, .tick(Instant(milliseconds: 600_000)))
        assertSnapshot(of: view.render(state), as: .screen, named: "closed-40x12-az")
    }
}
