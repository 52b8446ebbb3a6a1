import Testing
@testable import KioskCore

@Suite struct PlainCommandTests {
    @Test func aNumberChoosesThatItem() {
        #expect(PlainCommand.parse("3") == .events([.choose(2)]))
        #expect(PlainCommand.parse("  12 ") == .events([.choose(11)]))
    }

    @Test func lettersAreTheKeysInEitherLayout() {
        #expect(PlainCommand.parse("n") == .events([.key(.character("n"))]))
        #expect(PlainCommand.parse("N") == .events([.key(.character("n"))]))
        #expect(PlainCommand.parse("т") == .events([.key(.character("т"))]))
        #expect(PlainCommand.parse("x") == .events([.key(.character("x"))]))
        #expect(PlainCommand.parse("next") == .events([.key(.character("n"))]))
        #expect(PlainCommand.parse("b") == .events([.key(.escape)]))
    }

    @Test func anEmptyLineIsEnter() {
        #expect(PlainCommand.parse("") == .events([.key(.enter)]))
        #expect(PlainCommand.parse("   ") == .events([.key(.enter)]))
    }

    @Test func gAndANumberGoesToThatStop() {
        #expect(PlainCommand.parse("g 450") == .events([.key(.character("4")), .key(.character("5")),
                                                        .key(.character("0")), .key(.enter)]))
    }

    @Test func theFrontEndsOwnCommands() {
        #expect(PlainCommand.parse("?") == .help)
        #expect(PlainCommand.parse("help") == .help)
        #expect(PlainCommand.parse("r") == .repeatPage)
    }

    @Test func anythingElseIsUnknown() {
        for line in ["z", "-1", "+2", "12345", "g", "g abc", "n n", "hello", "\u{1B}[A"] {
            #expect(PlainCommand.parse(line) == .unknown(line), "\(line)")
        }
    }

    @Test func aChoiceNotOnThePageSaysSo() {
        var visit = Visit()
        visit.tour.reduce(&visit.state, .choose(5))
        #expect(visit.state.notice == .noSuchChoice(6))
        #expect(visit.kind == .welcome)
        visit.tour.reduce(&visit.state, .choose(0))
        #expect(visit.kind == .tourAdvisory)
    }

    @Test func aChoiceOnTheMapGoesToThatHall() {
        var visit = Visit()
        visit.press(.character("m"))
        visit.tour.reduce(&visit.state, .choose(2))
        #expect(visit.state.place == Screen(.hall(2)))
    }
}
