import KioskCore
import KioskView
import Testing

@Suite struct PlainViewTests {
    let plain = PlainView(tour: tour)
    static let visitor = KeyMap.Context(isKiosk: false, role: .none)

    func state(_ events: [TourEvent], language: String? = "en") -> TourState {
        var state = started(tour, language: language, size: PlainView.size)
        for event in events { _ = tour.reduce(&state, event) }
        return state
    }

    @Test func aHallIsHeadedNumberedAndClosedByThePrompt() {
        let lines = plain.page(state(typed("110") + keys(.enter, .enter)))
        #expect(lines.first == "Test Museum · Ground floor · Stop 110 · EN")
        #expect(lines.contains("1. Read more"))
        #expect(lines.contains("2. 111  A ledger of names"))
        #expect(lines.contains("4. → Entrance  100"))
        #expect(lines.contains("5. → The garden  120"))
        #expect(lines.contains("- Test Archive, Catalogue of documents, 2025"))
        #expect(lines.last == tour.say(.plainPrompt, "en"))
    }

    @Test func quotesAreIndentedAndListsDashed() {
        let lines = plain.page(state(typed("100") + keys(.enter, .enter)))
        #expect(lines.contains("    A quotation from a visitor's book."))
        #expect(lines.contains("- A list item"))
    }

    @Test func noControlCharacterOrBoxDrawingIsEverPrinted() {
        let screens: [[TourEvent]] = [[], keys(.enter), typed("110") + keys(.enter), typed("100") + keys(.enter, .enter),
                                      keys(.character("m")), keys(.character("x")), typed("111") + keys(.enter),
                                      typed("120") + keys(.enter, .character("n"))]
        for events in screens {
            for language in ["en", "az", "ru"] {
                let text = (plain.page(state(events, language: language)) + plain.help(Self.visitor, language)).joined(separator: "\n")
                let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                    || (0x2500...0x257F).contains($0.value) }
                #expect(bad.isEmpty, "\(events) in \(language)")
            }
        }
    }

    @Test func cleanMakesControlCharactersSpaces() {
        #expect(PlainView.clean("a\tb\u{1B}[1mc\u{9B}d\u{7F}") == "a b [1mc d ")
    }

    @Test func helpListsTheCommandsInTheVisitorsLanguage() {
        let help = plain.help(Self.visitor, "ru")
        #expect(help.first == "Команды")
        #expect(help.contains("g 100    Перейти к остановке по номеру"), "the example is a stop of this pack")
        #expect(help.contains { $0.hasPrefix("q ") })
    }
}
