import Testing
@testable import KioskCore

@Suite struct PlainCommandTests {
    static let visitor = KeyMap.Context(isKiosk: false, role: .none)
    static let participant = KeyMap.Context(isKiosk: false, role: .participant(Participation(code: "123456")))

    @Test func aNumberChoosesThatItem() {
        #expect(PlainCommand.parse("3", Self.visitor) == .events([.choose(2)]))
        #expect(PlainCommand.parse("  12 ", Self.visitor) == .events([.choose(11)]))
    }

    @Test func lettersAreTheKeysInEitherLayout() {
        #expect(PlainCommand.parse("n", Self.visitor) == .events([.command(.next)]))
        #expect(PlainCommand.parse("N", Self.visitor) == .events([.command(.next)]))
        #expect(PlainCommand.parse("т", Self.visitor) == .events([.command(.next)]))
        #expect(PlainCommand.parse("x", Self.visitor) == .events([.command(.stepOut)]))
        #expect(PlainCommand.parse("next", Self.visitor) == .events([.command(.next)]))
        #expect(PlainCommand.parse("b", Self.visitor) == .events([.command(.back)]))
    }

    /// The key map decides what a letter means for whom: `g` is a participant's way back to
    /// the guide, and nothing to a visitor alone; `q` is no way out of a kiosk.
    @Test func aLetterMeansWhatTheKeyMapSaysForThisVisitor() {
        #expect(PlainCommand.parse("g", Self.participant) == .events([.command(.rejoinGuide)]))
        #expect(PlainCommand.parse("w", Self.participant) == .events([.command(.askPause)]))
        #expect(PlainCommand.parse("w", Self.visitor) == .unknown("w"))
        #expect(PlainCommand.parse("q", KeyMap.Context(isKiosk: true, role: .none)) == .unknown("q"))
    }

    @Test func anEmptyLineIsEnter() {
        #expect(PlainCommand.parse("", Self.visitor) == .events([.command(.open)]))
        #expect(PlainCommand.parse("   ", Self.visitor) == .events([.command(.open)]))
    }

    @Test func gAndANumberGoesToThatStop() {
        #expect(PlainCommand.parse("g 450", Self.visitor) == .events([.goToStop("450")]))
        #expect(PlainCommand.parse("g 450", Self.participant) == .events([.goToStop("450")]), "not the way back to the guide")
    }

    @Test func theFrontEndsOwnCommands() {
        #expect(PlainCommand.parse("?", Self.visitor) == .help)
        #expect(PlainCommand.parse("help", Self.visitor) == .help)
        #expect(PlainCommand.parse("r", Self.visitor) == .repeatPage)
    }

    @Test func anythingElseIsUnknown() {
        for line in ["z", "-1", "+2", "0", "1234567", "g", "g abc", "n n", "hello", "\u{1B}[A"] {
            #expect(PlainCommand.parse(line, Self.visitor) == .unknown(line), "\(line)")
        }
    }

    @Test func aChoiceNotOnThePageSaysSo() {
        var visit = Visit()
        visit.send(.choose(5))
        #expect(visit.state.visit.notice == .noSuchChoice(6))
        #expect(visit.kind == .welcome)
        visit.send(.choose(0))
        #expect(visit.kind == .tourAdvisory)
    }

    /// A visitor who types a stop's number, as the signs in the halls show it, goes there.
    @Test func aStopsNumberWhereAChoiceIsExpectedGoesToThatStop() {
        var visit = Visit()
        visit.send(.choose(109))
        #expect(visit.kind == .hall(1), "110, the archive")
        #expect(visit.state.visit.notice == nil)
        visit.send(.choose(998))
        #expect(visit.state.visit.notice == .noSuchChoice(999))
        #expect(PlainCommand.parse("110", Self.visitor) == .events([.choose(109)]))
    }

    @Test func aChoiceOnTheMapGoesToThatHall() {
        var visit = Visit()
        visit.press(.character("m"))
        visit.send(.choose(2))
        #expect(visit.state.visit.place == Screen(.hall(2)))
    }
}
