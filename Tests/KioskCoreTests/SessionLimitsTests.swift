import Testing
@testable import KioskCore

/// --idle-exit and --max-session, driven by a fake clock.
@Suite struct SessionLimitsTests {
    func visit(idleExit: Int? = nil, maxSession: Int? = nil) -> Visit {
        Visit(config: Tour.SessionStart(idleExit: idleExit, maxSession: maxSession))
    }

    @Test func anIdleSessionIsWarnedThenClosesPolitelyThenEnds() {
        var visit = visit(idleExit: 120)
        visit.tick(89)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(91)
        #expect(visit.state.sessionWarning == .idle(secondsLeft: 29))
        visit.tick(120)
        #expect(visit.state.session.limits.closing == SessionLimits.Closing(reason: .idle, since: at(120)))
        #expect(visit.state.screen == Screen(.sessionClosed(.idle)))
        #expect(visit.effects == [.record(.ended(.sessionClosed))], "the visit ends with its last screen")
        // The last screen stays its few seconds.
        visit.tick(124)
        #expect(visit.effects == [])
        visit.tick(125)
        #expect(visit.effects == [.endSession(.closed(.idle))])
    }

    @Test func aKeyOnTheLastScreenEndsItSoonerAndMovesNothing() {
        var visit = visit(idleExit: 120)
        visit.tick(120)
        let place = visit.state.visit.place
        visit.press(.character("n"))
        #expect(visit.effects == [.endSession(.closed(.idle))])
        #expect(visit.state.visit.place == place)
    }

    @Test func aKeyStartsTheIdleClockAgain() {
        var visit = visit(idleExit: 120)
        visit.tick(100)
        #expect(visit.state.sessionWarning != nil)
        visit.press(.character("n"))
        #expect(visit.state.sessionWarning == nil)
        visit.tick(219)
        #expect(visit.state.session.limits.closing == nil)
        visit.tick(220)
        #expect(visit.state.session.limits.closing?.reason == .idle)
    }

    @Test func theTimeLimitComesWhateverTheKeys() {
        var visit = visit(maxSession: 600)
        visit.tick(539)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(540)
        visit.press(.character("n"))
        #expect(visit.state.sessionWarning == .timeLimit(secondsLeft: 60))
        visit.tick(600)
        #expect(visit.state.session.limits.closing?.reason == .timeLimit)
        #expect(visit.state.screen.kind == .sessionClosed(.timeLimit))
        #expect(visit.tour.page(for: visit.state.screen.kind, in: visit.state).blocks.map(\.runs.plainText) == [
            "Thank you for your visit", "This session has reached its time limit and has closed.",
            "You are welcome to connect again.",
        ])
    }

    @Test func theSessionWakesForTheWarningThenEachSecondOfTheCountdownOnly() {
        var visit = visit(idleExit: 120)
        #expect(visit.tour.nextDeadline(visit.state) == at(90), "the warning's start")
        visit.tick(100.25)
        #expect(visit.tour.nextDeadline(visit.state) == at(101))
        visit.tick(120)
        #expect(visit.tour.nextDeadline(visit.state) == at(125))
    }

    @Test func theTimeLimitsWarningIsWokenForToo() {
        var visit = visit(idleExit: 3_600, maxSession: 600)
        #expect(visit.tour.nextDeadline(visit.state) == at(540))
        visit.tick(540)
        #expect(visit.state.sessionWarning == .timeLimit(secondsLeft: 60))
        #expect(visit.tour.nextDeadline(visit.state) == at(541))
    }

    @Test func aShortLimitWarnsForHalfOfIt() {
        var visit = visit(idleExit: 10)
        visit.tick(4)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(6)
        #expect(visit.state.sessionWarning == .idle(secondsLeft: 4))
    }

    @Test func withoutLimitsNothingCloses() {
        var visit = visit()
        visit.tick(100_000)
        #expect(visit.state.session.limits.closing == nil)
        #expect(visit.tour.nextDeadline(visit.state) == nil)
    }
}
