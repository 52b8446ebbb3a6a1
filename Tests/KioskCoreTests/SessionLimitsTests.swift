import Testing
@testable import KioskCore

/// --idle-exit and --max-session, driven by a fake clock.
@Suite struct SessionLimitsTests {
    static let start = Instant(milliseconds: 10_000)

    func visit(idleExit: Int? = nil, maxSession: Int? = nil) -> Visit {
        var visit = Visit()
        visit.state.limits = SessionLimits(idleExit: idleExit, maxSession: maxSession)
        visit.tick(at: 0)
        return visit
    }

    @Test func anIdleSessionIsWarnedThenClosesPolitelyThenEnds() {
        var visit = visit(idleExit: 120)
        visit.tick(at: 89)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(at: 91)
        #expect(visit.state.sessionWarning == .idle(secondsLeft: 29))
        visit.tick(at: 120)
        #expect(visit.state.limits.closing == .idle)
        #expect(visit.state.overlay == Screen(.sessionClosed(.idle)))
        #expect(!visit.state.hasEnded)
        // The last screen stays its few seconds.
        visit.tick(at: 124)
        #expect(!visit.state.hasEnded)
        visit.tick(at: 125)
        #expect(visit.state.hasEnded)
    }

    @Test func aKeyOnTheLastScreenEndsItSoonerAndMovesNothing() {
        var visit = visit(idleExit: 120)
        visit.tick(at: 120)
        let place = visit.state.place
        visit.press(.character("n"))
        #expect(visit.state.hasEnded)
        #expect(visit.state.place == place)
    }

    @Test func aKeyStartsTheIdleClockAgain() {
        var visit = visit(idleExit: 120)
        visit.tick(at: 100)
        #expect(visit.state.sessionWarning != nil)
        visit.press(.character("n"))
        #expect(visit.state.sessionWarning == nil)
        visit.tick(at: 219)
        #expect(visit.state.limits.closing == nil)
        visit.tick(at: 220)
        #expect(visit.state.limits.closing == .idle)
    }

    @Test func theTimeLimitComesWhateverTheKeys() {
        var visit = visit(maxSession: 600)
        visit.tick(at: 539)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(at: 540)
        visit.press(.character("n"))
        #expect(visit.state.sessionWarning == .timeLimit(secondsLeft: 60))
        visit.tick(at: 600)
        #expect(visit.state.limits.closing == .timeLimit)
        #expect(visit.state.screen.kind == .sessionClosed(.timeLimit))
        #expect(visit.tour.page(for: visit.state.screen.kind, in: visit.state).blocks.map(\.runs.plainText) == [
            "Thank you for your visit", "This session has reached its time limit and has closed.",
            "You are welcome to connect again.",
        ])
    }

    @Test func theSessionWakesForEachSecondOfTheCountdownOnly() {
        var visit = visit(idleExit: 120)
        #expect(visit.tour.nextDeadline(visit.state) == Self.start.adding(seconds: 120))
        visit.tick(at: 100.25)
        #expect(visit.tour.nextDeadline(visit.state) == Self.start.adding(seconds: 101))
        visit.tick(at: 120)
        #expect(visit.tour.nextDeadline(visit.state) == Self.start.adding(seconds: 125))
    }

    @Test func aShortLimitWarnsForHalfOfIt() {
        var visit = visit(idleExit: 10)
        visit.tick(at: 4)
        #expect(visit.state.sessionWarning == nil)
        visit.tick(at: 6)
        #expect(visit.state.sessionWarning == .idle(secondsLeft: 4))
    }

    @Test func withoutLimitsNothingCloses() {
        var visit = visit()
        visit.tick(at: 100_000)
        #expect(visit.state.limits.closing == nil)
        #expect(visit.tour.nextDeadline(visit.state) == nil)
    }
}

extension Visit {
    /// A tick `seconds` after `SessionLimitsTests.start`.
    mutating func tick(at seconds: Double) {
        tour.reduce(&state, .tick(SessionLimitsTests.start.adding(seconds: seconds)))
    }
}
