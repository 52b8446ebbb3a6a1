import KioskCore
import KioskView
import SnapshotTesting
import Testing

/// Golden frames of group tours and of a session closing itself: the status line above the
/// footer, the join screen, the guide's welcome, the last screen.
@Suite struct GroupFrameTests {
    let view = TourView(tour: tour)

    static let entrance = GuidePlace.stop(hall: "entrance", exhibit: nil, more: false)

    func guide(_ columns: Int, _ rows: Int, counts: GroupCounts, waiting: Bool = false) -> Frame {
        var state = started(tour, language: "en", size: TerminalSize(columns: columns, rows: rows),
                            config: Tour.SessionStart(group: .lead(orphans: [])))
        for event in [TourEvent.group(.opened("482913"))] + keys(.enter, .enter) + [.group(.counts(counts))] {
            _ = tour.reduce(&state, event)
        }
        if waiting { _ = tour.reduce(&state, .key(.character("w"))) }
        return view.render(state)
    }

    func participant(_ language: String, _ events: [TourEvent]) -> Frame {
        var state = started(tour, language: language, config: Tour.SessionStart(group: .join("482913")))
        for event in [.group(.joined("482913")), .group(.guideMoved(Self.entrance))] + keys(.enter) + events {
            _ = tour.reduce(&state, event)
        }
        return view.render(state)
    }

    @Test func theGuideSeesTheGroupInCounts() {
        assertSnapshot(of: guide(80, 24, counts: GroupCounts(participants: 12, following: 11, here: 10, pauses: 1), waiting: true),
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
