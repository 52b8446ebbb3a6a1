import KioskCore
import KioskRuntime
import KioskView
import Testing

/// Whole sessions through the runtime's one loop, with a test front that records frames and a
/// test clock: minutes of a kiosk's life in milliseconds, and no real timer.
@Suite struct KioskRuntimeTests {
    @Test func theAttractLoopShowsEachLanguageInTurnAndSleepsInBetween() {
        let session = Session(TestPack.kiosk)
        session.front.send(.ended(.endOfInput), after: 20)
        let outcome = session.runtime.run()
        #expect(outcome.ending == .input(.endOfInput))
        #expect(session.front.frames.map { session.seconds($0.at) } == [0, 6, 12, 18], "a frame per language, none between")
        let invitations = session.front.frames.map { frame in
            ["en", "az", "ru"].first { frame.frame.text.contains(TestPack.laptop.say(.attractPress, $0)) }
        }
        #expect(invitations == ["en", "az", "ru", "en"])
        #expect(session.front.waits == [6_000, 6_000, 6_000, 6_000])
    }

    @Test func anIdleVisitIsWarnedEachSecondThenResetForTheNextVisitor() {
        let session = Session(TestPack.kiosk)
        session.front.press(.character(" "), after: 1)
        session.front.type("110", after: 1)
        // At the hall's door, and in.
        session.front.press(.enter, .enter)
        session.front.send(.ended(.endOfInput), after: 200)
        _ = session.runtime.run()
        #expect(session.screen(at: 2)?.contains("Stop 110") == true)
        #expect(session.screen(at: 121.9)?.contains(TestPack.laptop.say(.idleTitle, "en")) == false)
        #expect(session.screen(at: 122)?.contains(TestPack.laptop.say(.idleCountdown, "en", count: 20)) == true)
        #expect(session.screen(at: 141)?.contains(TestPack.laptop.say(.idleCountdown, "en", count: 1)) == true)
        #expect(session.screen(at: 142)?.contains(TestPack.laptop.say(.attractPress, "en")) == true, "the next visitor is invited")
        let countdown = session.front.frames.filter { (122..<142).contains(session.seconds($0.at)) }
        #expect(countdown.count == 20, "one frame a second, and no more")
        #expect(session.front.states.last?.visit.place == Screen(.welcome))
    }

    @Test func theTimeLimitWarnsClosesAndEndsTheSessionByItself() {
        let session = Session(TestPack.laptop, start: Tour.SessionStart(language: "en", maxSession: 600))
        let outcome = session.runtime.run()
        #expect(outcome.ending == .tour(.closed(.timeLimit)))
        #expect(session.seconds(session.clock.now) == 605, "the last screen stays five seconds")
        #expect(session.screen(at: 539)?.contains("60 seconds") == false)
        #expect(session.screen(at: 540)?.contains("This session reaches its time limit in 60 seconds.") == true)
        #expect(session.screen(at: 600)?.contains(TestPack.laptop.say(.closedTimeLimit, "en")) == true)
        #expect(session.front.frames.count < 70, "it slept until each deadline: \(session.front.frames.count) frames")
    }

    @Test func anIdleExitEndsASilentSession() {
        let session = Session(TestPack.laptop, start: Tour.SessionStart(language: "en", idleExit: 5))
        session.front.press(.enter, after: 1)
        let outcome = session.runtime.run()
        #expect(outcome.ending == .tour(.closed(.idle)))
        #expect(session.seconds(session.clock.now) == 11)
        #expect(outcome.state.session.limits.closing?.reason == .idle)
    }

    @Test func theDemonstrationReadsOnUntilAKeyTakesOver() {
        let session = Session(TestPack.booth, start: Tour.SessionStart(language: "en"))
        session.front.press(.character("m"), after: 90)
        session.front.send(.ended(.endOfInput), after: 1)
        _ = session.runtime.run()
        let places = session.front.states.map(\.visit.place.kind)
        #expect(places.first == .welcome)
        #expect(places.contains(.tourAdvisory) && places.contains(.hall(0)), "it read on by itself: \(places)")
        #expect(session.screen(at: 1)?.contains(TestPack.laptop.say(.demoBanner, "en")) == true)
        #expect(session.front.states.last?.visit.attention.control == .visitor)
        #expect(session.front.states.last?.visit.overlay?.kind == .map, "the key that took over acted")
    }

    @Test func theStaffExitChecksThePINOffTheReducerAndEndsTheKiosk() {
        let session = Session(TestPack.kiosk)
        session.front.press(.control("x"), .control("c"), after: 1)
        session.front.type("1111", after: 1)
        session.front.press(.enter)
        session.front.press(.control("x"), .control("c"), after: 1)
        session.front.type(TestPack.staffPIN)
        session.front.press(.enter)
        let outcome = session.runtime.run()
        #expect(outcome.ending == .tour(.staffExit))
        #expect(session.front.frames.contains { $0.frame.text.contains(TestPack.laptop.say(.wrongPIN, "en")) })
        #expect(session.seconds(session.clock.now) == 3)
    }

    @Test func aSessionWithNothingToWaitForAsksNoDeadline() {
        var pack = TestPack.pack
        pack.commemorations = []
        let session = Session(Tour(pack: pack), start: Tour.SessionStart(language: "en"))
        session.front.press(.character("q"), after: 3_600)
        let outcome = session.runtime.run()
        #expect(outcome.ending == .tour(.visitorLeft))
        #expect(session.front.waits == [nil], "one wait, as long as it takes")
    }

    /// A pack that marks days looks at the clock again only when the day changes, on a day it
    /// does not mark; not every minute.
    @Test func aPackThatMarksDaysWakesAtMidnightOnAnOrdinaryDay() {
        let session = Session(TestPack.laptop, start: Tour.SessionStart(language: "en"))
        session.front.press(.character("q"), after: 13 * 3_600)
        _ = session.runtime.run()
        #expect(session.front.waits == [12 * 3_600_000, 24 * 3_600_000], "the test clock starts at noon: until midnight, then a day")
    }

    @Test func aResizeReachesTheStateAndTheFrame() {
        let session = Session(TestPack.laptop, start: Tour.SessionStart(language: "en"))
        session.front.send(.event(.resize(TerminalSize(columns: 40, rows: 12))), after: 1)
        session.front.send(.ended(.signal(15)), after: 1)
        let outcome = session.runtime.run()
        #expect(outcome.ending == .input(.signal(15)))
        #expect(session.front.frames.last?.frame.size == TerminalSize(columns: 40, rows: 12))
    }
}
