import Testing
@testable import KioskCore

/// A visit of the small pack where the book of remembrance is kept, at the quiet page.
private func atTheQuietPage(_ tour: Tour = TestPacks.tour, language: String = "en") -> Visit {
    var config = Tour.SessionStart()
    config.bookAvailable = true
    var visit = Visit(tour: tour, language: language, config: config)
    visit.press(.character("x"))
    return visit
}

extension Visit {
    /// Chooses the item with this action on the screen on top.
    mutating func choose(_ action: PageAction) {
        guard let index = tour.page(for: state.screen.kind, in: state).actions.firstIndex(of: action) else {
            Issue.record("no \(action) on \(state.screen.kind)")
            return
        }
        send(.choose(index))
    }
}

@Suite struct BookOfRemembranceTests {
    @Test func theQuietPageAndTheEndOfferTheBookWhereItIsKept() {
        var visit = atTheQuietPage()
        let actions = visit.tour.page(for: visit.kind, in: visit.state).actions
        #expect(Array(actions.prefix(3)) == [.returnToTour, .writeInBook, .readBook])
        visit.send(.goToStop("120"))
        let without = Visit(language: "en")
        #expect(!without.tour.page(for: .remembrance, in: without.state).actions.contains(.writeInBook), "no book, no offer")
        #expect(visit.tour.page(for: .end, in: visit.state).actions.contains(.writeInBook))
    }

    @Test func whatIsTypedGoesIntoTheFormNeverToACommand() {
        var visit = atTheQuietPage(language: "az")
        visit.choose(.writeInBook)
        #expect(visit.kind == .book(.write))
        // Letters that are commands elsewhere (n, q, x, m, ?), digits, and Azerbaijani letters.
        visit.type("Xocalı nə vaxt? 1992 m x q")
        #expect(visit.state.visit.book.draft.words == "Xocalı nə vaxt? 1992 m x q")
        #expect(visit.kind == .book(.write), "no letter led away")
        #expect(visit.effects == [])
        // Backspace takes a whole character, never half a letter: a flag of two scalars, a
        // letter with a combining mark.
        visit.type("🇦🇿e\u{301}")
        visit.press(.backspace)
        #expect(visit.state.visit.book.draft.words.hasSuffix("🇦🇿"))
        visit.press(.backspace)
        #expect(visit.state.visit.book.draft.words.hasSuffix(" q"))
        // Enter goes on to the name, then the place, then Save.
        visit.press(.enter)
        visit.type("Aysel")
        visit.press(.enter)
        visit.type("Bakı")
        visit.press(.enter)
        #expect(visit.chosen == .saveInBook)
        visit.press(.enter)
        #expect(visit.effects == [.book(.submit(BookSubmission(words: "Xocalı nə vaxt? 1992 m x q", name: "Aysel", place: "Bakı", language: "az")))])
        #expect(visit.state.visit.book.sending)
        visit.type("more")
        #expect(visit.state.visit.book.draft.words == "Xocalı nə vaxt? 1992 m x q", "nothing changes while saving")
        visit.send(.book(.saved))
        #expect(visit.state.visit.book.saved)
        #expect(visit.state.visit.book.draft == BookDraft(), "the words are the book's now, not the screen's")
        #expect(visit.tour.page(for: visit.kind, in: visit.state).blocks.contains { $0.runs.plainText == visit.tour.say(.bookSaved, "az") })
        visit.press(.enter)
        #expect(visit.kind == .remembrance, "back where the visitor came from")
        #expect(visit.state.visit.care.stepOut != nil, "and the way back to the tour is still there")
    }

    @Test func eachPartIsBoundedAndTheWordsCounted() {
        var visit = atTheQuietPage()
        visit.choose(.writeInBook)
        visit.type(String(repeating: "a", count: 600))
        #expect(visit.state.visit.book.draft.words.count == BookField.words.longest)
        visit.press(.enter)
        visit.type(String(repeating: "b", count: 100))
        #expect(visit.state.visit.book.draft.name.count == BookField.name.longest)
        #expect(visit.tour.page(for: visit.kind, in: visit.state).blocks.contains { $0.runs.plainText == "500 of 500 characters" })
    }

    @Test func leavingWithWordsAsksOnceMore() {
        var visit = atTheQuietPage()
        visit.choose(.writeInBook)
        visit.press(.escape)
        #expect(visit.kind == .remembrance, "an empty form closes at once")
        visit.choose(.writeInBook)
        visit.type("words")
        visit.press(.escape)
        #expect(visit.kind == .book(.write))
        #expect(visit.state.visit.notice == .bookLeaveConfirm)
        visit.type("!")
        visit.press(.escape)
        #expect(visit.kind == .book(.write), "a key between the two Esc asks again")
        visit.press(.escape)
        #expect(visit.kind == .remembrance)
        visit.choose(.writeInBook)
        #expect(visit.state.visit.book.draft == BookDraft(), "the words were let go")
    }

    @Test func saveWithoutWordsSaysSoAndAFailureKeepsThem() {
        var visit = atTheQuietPage()
        visit.choose(.writeInBook)
        visit.choose(.saveInBook)
        #expect(visit.effects == [])
        #expect(visit.state.visit.notice == .bookNoWords)
        #expect(visit.chosen == .bookField(.words))
        visit.type("In memory")
        visit.choose(.saveInBook)
        visit.send(.book(.notSaved))
        #expect(visit.state.visit.book.failed)
        #expect(visit.state.visit.book.draft.words == "In memory", "still on the form, to try again")
        visit.choose(.saveInBook)
        #expect(visit.effects == [.book(.submit(BookSubmission(words: "In memory", language: "en")))])
    }

    @Test func theIdleResetDiscardsAnUnsentEntryAndALateAnswerChangesNothing() {
        let kiosk = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true))
        var config = Tour.SessionStart()
        config.bookAvailable = true
        var visit = Visit(tour: kiosk, language: "en", config: config)
        visit.press(.character(" "), .character("x"))
        visit.choose(.writeInBook)
        visit.type("unsent")
        #expect(visit.state.visit.book.hasUnsentWords, "the idle warning says they will be lost")
        visit.choose(.saveInBook)
        visit.tick(200)
        #expect(visit.state.visit.book == BookVisit())
        visit.send(.book(.saved))
        #expect(visit.state.visit.book == BookVisit())
    }

    @Test func theEntriesArePagedNewestFirst() {
        var visit = atTheQuietPage()
        visit.choose(.readBook)
        #expect(visit.effects == [.book(.read(page: 0)), .record(.showing(nil))], "the book covers the quiet page")
        #expect(visit.tour.page(for: visit.kind, in: visit.state).blocks.contains { $0.runs.plainText == "Opening the book…" })
        let entry = BookEntry(words: "Вечная память\u{1B}[2J", name: "Anna", place: "Baku", language: "ru", date: "2026-12-04")
        visit.send(.book(.page(BookPage(number: 0, entries: [entry], hasOlder: true))))
        let page = visit.tour.page(for: visit.kind, in: visit.state)
        #expect(page.blocks.contains { $0.runs.plainText == "Вечная память [2J" }, "cleaned as pack text is: no escape reaches the screen")
        #expect(page.blocks.contains { $0.runs.plainText == "— Anna, Baku · 2026-12-04 · Русский" })
        #expect(page.actions.contains(.bookPage(1)))
        visit.choose(.bookPage(1))
        #expect(visit.effects == [.book(.read(page: 1))])
        visit.send(.book(.page(BookPage(number: 0, entries: [], hasOlder: false))))
        #expect(visit.state.visit.book.shelf?.number == 0, "an answer for a page no longer asked for is let go")
        visit.send(.book(.unreadable(page: 1)))
        #expect(visit.tour.page(for: visit.kind, in: visit.state).blocks.contains { $0.runs.plainText == "The book cannot be opened just now. Please try again later." })
    }

    @Test func aLineIsTheTextOfThePartChosenInTheLineByLineMode() {
        var config = Tour.SessionStart()
        config.bookAvailable = true
        config.medium = .lines
        var visit = Visit(language: "en", config: config)
        visit.press(.character("x"))
        visit.choose(.writeInBook)
        #expect(visit.tour.awaitsText(visit.state))
        visit.send(.text("For my grandfather"))
        visit.send(.text(""))
        visit.send(.text("Ganja"))
        #expect(!visit.tour.awaitsText(visit.state), "the parts are filled: Save or Leave is a number")
        #expect(visit.state.visit.book.draft.words == "For my grandfather" && visit.state.visit.book.draft.place == "Ganja")
        visit.send(.choose(visit.tour.page(for: visit.kind, in: visit.state).actions.firstIndex(of: .saveInBook)!))
        #expect(visit.effects == [.book(.submit(BookSubmission(words: "For my grandfather", place: "Ganja", language: "en")))])
    }
}
