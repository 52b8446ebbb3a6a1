import Testing
@testable import KioskCore

/// --idle-exit and --max-session, driven by a fake clock.
@Suite struct SessionLimitsTests {
    func visit(idleExit: Int? = nil, maxSession: Int? = nil) -> Visit {
        var visit = Visit()
        visit.state.limits = SessionLimits(idleExit: idleExit, maxSession: maxSession)
        visit.tick(0)
        return visit
    }

    @Test func anIdleSessionIsWarnedThenClosesPolitelyThenEnds() {
        var visit = visit(idleExit: 120)
        visit.tick(89)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(91)
        #expect(visit.state.sessionWarning == .idle(secondsLeft: 29))
        visit.tick(120)
        #expect(visit.state.limits.closing == .idle)
        #expect(visit.state.overlay == Screen(.sessionClosed(.idle)))
        #expect(!visit.state.hasEnded)
        // The last screen stays its few seconds.
        visit.tick(124)
        #expect(!visit.state.hasEnded)
        visit.tick(125)
        #expect(visit.state.hasEnded)
    }

    @Test func aKeyOnTheLastScreenEndsItSoonerAndMovesNothing() {
        var visit = visit(idleExit: 120)
        visit.tick(120)
        let place = visit.state.place
        visit.press(.character("n"))
        #expect(visit.state.hasEnded)
        #expect(visit.state.place == place)
    }

    @Test func aKeyStartsTheIdleClockAgain() {
        var visit = visit(idleExit: 120)
        visit.tick(100)
        #expect(visit.state.sessionWarning != nil)
        visit.press(.character("n"))
        #expect(visit.state.sessionWarning == nil)
        visit.tick(219)
        #expect(visit.state.limits.closing == nil)
        visit.tick(220)
        #expect(visit.state.limits.closing == .idle)
    }

    @Test func theTimeLimitComesWhateverTheKeys() {
        var visit = visit(maxSession: 600)
        visit.tick(539)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(540)
        visit.press(.character("n"))
        #expect(visit.state.sessionWarning == .timeLimit(secondsLeft: 60))
        visit.tick(600)
        #expect(visit.state.limits.closing == .timeLimit)
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
        #expect(visit.state.limits.closing == nil)
        #expect(visit.tour.nextDeadline(visit.state) == nil)
    }
}
