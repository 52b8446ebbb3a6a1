import KioskCore
import KioskGroupLink
import KioskRuntime
import KioskView
import Testing

/// The line-by-line front in the same loop as the terminal: it gets the session's limits and
/// group tours too.
@Suite struct PlainRuntimeTests {
    func plain(_ tour: Tour = TestPack.laptop, start: Tour.SessionStart, lines: (ScriptedLines) -> Void,
               effects: EffectRunner = EffectRunner()) -> (SessionRuntime.SessionOutcome, Printed, TestClock) {
        let clock = TestClock()
        let source = ScriptedLines(clock: clock)
        lines(source)
        let printed = Printed()
        let front = PlainFront(source: source, write: printed.write)
        let outcome = SessionRuntime(tour: tour, front: front, clock: clock, effects: effects, start: start).run()
        return (outcome, printed, clock)
    }

    @Test func aSilentPlainSessionIsWarnedOnceThenClosesAfterItsIdleTime() {
        let (outcome, printed, clock) = plain(start: Tour.SessionStart(language: "en", idleExit: 5)) { source in
            source.type("", after: 1)
        }
        #expect(outcome.ending == .tour(.closed(.idle)))
        #expect(clock.now == Instant(milliseconds: 10_000 + 6_000), "5 s idle after the line; the last page is printed, not held")
        let warnings = printed.lines.filter { $0.contains("closes in") }
        #expect(warnings == ["This session closes in 2 seconds without a key · type any command to stay"],
                "said once, not every second, as words for a reader")
        #expect(printed.lines.contains(TestPack.laptop.say(.closedTitle, "en")))
        #expect(printed.lines.contains(TestPack.laptop.say(.closedIdle, "en")))
    }

    @Test func eachLineGetsItsReplyInOrder() {
        let (outcome, printed, _) = plain(start: Tour.SessionStart(language: "en")) { source in
            source.type("zz", after: 1)
            source.type("?")
            source.type("g 999")
            source.type("q")
        }
        #expect(outcome.ending == .tour(.visitorLeft))
        let unknown = printed.lines.firstIndex { $0.contains("zz") }
        let help = printed.lines.firstIndex(of: TestPack.laptop.say(.plainCommands, "en"))
        let noStop = printed.lines.firstIndex(of: TestPack.laptop.say(.noSuchStop, "en", "999"))
        #expect(unknown != nil && help != nil && noStop != nil)
        #expect((unknown ?? 0) < (help ?? 0) && (help ?? 0) < (noStop ?? 0))
        #expect(printed.lines.first == "Test Museum · Ground floor · EN", "the first page starts at once")
    }

    /// `s` and words: what they find, as numbered choices; a number goes there.
    @Test func sAndWordsPrintTheResultsAsNumberedChoices() {
        let (outcome, printed, _) = plain(TestPack.tours, start: Tour.SessionStart(language: "en")) { source in
            source.type("s ISMAYILLI", after: 1)
            source.type("1")
            source.type("1")
            source.type("q")
        }
        #expect(outcome.ending == .tour(.visitorLeft))
        #expect(printed.lines.contains("Find: ISMAYILLI"))
        #expect(printed.lines.contains("1. 120  İsmayıllı: copper"))
        #expect(printed.lines.contains("2. 121  A copper tray from Lahij"))
        #expect(printed.lines.contains(TestPack.tours.say(.searchHowToPlain, "en")))
        // Through the hall's door, as any move goes.
        #expect(printed.lines.contains(TestPack.tours.say(.beforeYouEnter, "en")))
        #expect(printed.lines.contains("Test Museum · Ground floor · Stop 120 · EN"))
    }

    @Test func aPlainParticipantFollowsTheGuideAndHearsWhereTheGroupWent() throws {
        let directory = TemporaryDirectory()
        let tour = TestPack.laptop
        let guideFront = TestFront()
        let guide = SessionRuntime(tour: tour, front: guideFront, clock: guideFront.clock,
                                   effects: EffectRunner(group: groupLink(directory.path, tour)),
                                   start: Tour.SessionStart(language: "en", groupsAvailable: true, group: .lead(orphans: [])))
        let code = try #require(guide.state.visit.group.leadership?.code)
        guide.send(.key(.enter))
        guide.send(.key(.enter))
        #expect(guide.state.visit.place.kind == .hall(0))

        let start = Tour.SessionStart(language: "en", groupsAvailable: true, group: .join(code))
        let (outcome, printed, _) = plain(start: start, lines: { source in
            // The guide's kiosk takes the participant in, then the participant reads the
            // advisory and goes on to the guide.
            source.elsewhere(after: 0.5) { guide.wake() }
            source.type("", after: 1)
            source.elsewhere(after: 1) {
                guide.wake()
                guide.send(.key(.character("n")))
            }
            source.type("q", after: 1)
        }, effects: EffectRunner(group: groupLink(directory.path, tour)))
        #expect(outcome.ending == .tour(.visitorLeft))
        let headers = printed.lines.filter { $0.hasPrefix("Test Museum · Ground floor") }
        #expect(headers == ["Test Museum · Ground floor · EN", "Test Museum · Ground floor · Stop 100 · EN",
                            "Test Museum · Ground floor · Stop 101 · EN"],
                "the tour's advisory, then the guide's stops, each printed as it came")
        #expect(printed.lines[2] == TestPack.laptop.say(.advisoryTitle, "en"), "a participant reads the advisory first")
        // What changed without their asking is said as a line: the guide's move before its
        // page, and how the group stands when it changes.
        let moved = try #require(printed.lines.firstIndex { $0.hasPrefix("The guide moved to stop 101: ") })
        #expect(printed.lines[moved + 2] == "Test Museum · Ground floor · Stop 101 · EN")
        #expect(!printed.lines.contains { $0.hasPrefix("The guide moved to stop 100") }, "going on to the guide was the reader's own step")
        #expect(printed.lines.filter { $0 == "Following the guide · w: I need a pause" }.count == 1, "said once, when it began")
        guide.wake()
        #expect(guide.state.visit.group.leadership?.counts.participants == 0, "the participant left the group")
    }
}
