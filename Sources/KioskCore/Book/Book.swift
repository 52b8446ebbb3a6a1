/// The book of remembrance, for the visitor: from the Hall of Remembrance and the end of the
/// tour, a form to leave a few words (what is typed goes into it, never to a command), and the
/// entries staff have approved, a page at a time. Saving and reading are effects the runtime
/// performs off the loop (`TourEffect.book`); their answers come back as `.book` events. It
/// owns `VisitState.book`.
extension Tour {
    // MARK: - Input

    /// What the book's form takes: characters and Backspace into the part chosen, a whole line
    /// there in the line-by-line mode, Enter to the next part, Esc to leave (twice, with words).
    /// Arrows, and Enter on Save or Leave, are the page's as anywhere; any other key does
    /// nothing, so no letter typed leads away from unsaved words. Nil when the form is not open.
    func bookTakes(_ event: TourEvent, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect]? {
        guard visit.overlay?.kind == .book(.write), !visit.book.saved else { return nil }
        if visit.book.sending { return [] }
        let actions = laidOut(visit.screen.kind, visit, session).page.actions
        let selected = actions.indices.contains(visit.screen.selection) ? actions[visit.screen.selection] : nil
        let leaving = visit.book.confirmingLeave
        visit.book.confirmingLeave = false
        switch event {
        case .key(.escape), .command(.back):
            if visit.book.draft.isEmpty || leaving {
                leaveBook(&visit)
            } else {
                visit.book.confirmingLeave = true
                visit.notice = .bookLeaveConfirm
            }
            return []
        case .key(.up), .key(.down), .key(.pageUp), .key(.pageDown), .command(.up), .command(.down), .choose:
            return nil
        default:
            break
        }
        guard case .bookField(let field)? = selected else {
            // On Save or Leave: Enter chooses, as on any page.
            if case .key(.enter) = event { return nil }
            if case .command(.open) = event { return nil }
            return []
        }
        switch event {
        case .key(.character(let character)) where !character.isNewline:
            if visit.book.draft[field].count < field.longest { visit.book.draft[field].append(character) }
        case .key(.backspace):
            // A whole character at a time, never half a letter.
            if !visit.book.draft[field].isEmpty { visit.book.draft[field].removeLast() }
        case .text(let line):
            visit.book.draft[field] = String(line.prefix(field.longest))
            visit.screen.selection += 1
        case .key(.enter), .key(.tab), .command(.open):
            visit.screen.selection += 1
        default:
            return []
        }
        // On a small screen the statement fills it at first; what is typed is seen as it is typed.
        ensureSelectionVisible(&visit, session)
        return []
    }

    /// Whether the form, not yet sent, has a part to type in chosen (see `awaitsText`).
    func bookFieldChosen(_ state: TourState) -> Bool {
        let visit = state.visit
        guard visit.overlay?.kind == .book(.write), !visit.book.saved, !visit.book.sending else { return false }
        let actions = laidOut(visit.screen.kind, visit, state.session).page.actions
        guard actions.indices.contains(visit.screen.selection), case .bookField = actions[visit.screen.selection] else { return false }
        return true
    }

    func performBook(_ action: PageAction, _ visit: inout VisitState, _ session: SessionState) -> [TourEffect] {
        switch action {
        case .writeInBook:
            // A draft left on the form is still there; a saved one starts a new page.
            if visit.book.saved { visit.book.draft = BookDraft() }
            visit.book.saved = false
            visit.book.failed = false
            visit.overlay = Screen(.book(.write))
            return []
        case .readBook:
            visit.overlay = Screen(.book(.read))
            return askForPage(0, &visit)
        case .bookPage(let number):
            visit.overlay?.selection = 0
            return askForPage(number, &visit)
        case .saveInBook:
            guard !visit.book.draft.words.allSatisfy(\.isWhitespace) else {
                visit.notice = .bookNoWords
                visit.screen.selection = 0
                return []
            }
            visit.book.sending = true
            visit.book.failed = false
            let draft = visit.book.draft
            return [.book(.submit(BookSubmission(words: draft.words, name: draft.name, place: draft.place, language: visit.language)))]
        case .leaveBook:
            leaveBook(&visit)
            return []
        default:
            return []
        }
    }

    private func askForPage(_ number: Int, _ visit: inout VisitState) -> [TourEffect] {
        visit.book.asked = number
        visit.book.unreadable = false
        return [.book(.read(page: number))]
    }

    /// Closes the form or the entries; words not saved are let go.
    private func leaveBook(_ visit: inout VisitState) {
        if visit.book.hasUnsentWords || visit.book.saved { visit.book.draft = BookDraft() }
        visit.book.saved = false
        visit.book.failed = false
        visit.overlay = nil
    }

    /// The book's answer. One that comes for a visit that no longer waits for it (the idle
    /// reset came first) changes nothing.
    func reduceBook(_ news: BookNews, _ visit: inout VisitState, _ session: SessionState) {
        switch news {
        case .saved:
            guard visit.book.sending else { return }
            visit.book.sending = false
            visit.book.saved = true
            visit.book.draft = BookDraft()
            if visit.overlay?.kind == .book(.write) { visit.overlay?.selection = 0 }
        case .notSaved:
            guard visit.book.sending else { return }
            visit.book.sending = false
            visit.book.failed = true
        case .page(let page):
            guard visit.book.asked == page.number else { return }
            visit.book.asked = nil
            visit.book.shelf = page
            if visit.overlay?.kind == .book(.read) { visit.overlay = Screen(.book(.read)) }
        case .unreadable(let number):
            guard visit.book.asked == number else { return }
            visit.book.asked = nil
            visit.book.unreadable = true
        }
    }

    // MARK: - Pages

    /// Where the book is kept: on the quiet page and at the end, after the way back, a way to
    /// write in it and to read it.
    func appendBookChoices(to page: inout Page, _ session: SessionState, _ language: String) {
        guard session.bookAvailable else { return }
        page.append(.item(.writeInBook), say(.writeInBook, language), .item)
        page.append(.item(.readBook), say(.readBook, language), .item)
    }

    func bookPage(_ screen: BookScreen, _ visit: VisitState, _ session: SessionState) -> Page {
        switch screen {
        case .write: return visit.book.saved ? bookThanksPage(visit.language) : bookFormPage(visit, session)
        case .read: return bookEntriesPage(visit)
        }
    }

    private func bookFormPage(_ visit: VisitState, _ session: SessionState) -> Page {
        let language = visit.language
        let book = visit.book
        var page = Page()
        page.append(.title, say(.bookTitle, language), .title)
        page.append(.paragraph, say(.bookStatement, language))
        let labels: [BookField: Message] = [.words: .bookWords, .name: .bookName, .place: .bookPlace]
        // A note about the part above it lines up under its name.
        func note(_ text: String, _ role: Role) {
            page.append(PageBlock(.note, [Run(text, role)], hangingIndent: PageLayout.itemIndent))
        }
        for (index, field) in BookField.allCases.enumerated() {
            // What was typed, cleaned as pack text is, with a mark where the next letter goes
            // on the part being filled in (the parts are the form's first items).
            let typed = TerminalSafety.flattened(book.draft[field], replacingWith: " ")
            let chosen = visit.screen.selection == index && session.medium == .screen && !book.sending
            page.append(PageBlock(.item(.bookField(field)), [Run(say(labels[field]!, language) + ": ", .fieldName),
                                                             Run(typed + (chosen ? "_" : ""), .body)]))
            if field == .words { note(say(.bookCount, language, String(book.draft.words.count), String(field.longest)), .hint) }
        }
        if book.sending { note(say(.bookSaving, language), .notice) }
        if book.failed { note(say(.bookNotSaved, language), .warning) }
        page.append(.item(.saveInBook), say(.bookSave, language), .item)
        page.append(.item(.leaveBook), say(.bookLeave, language), .item)
        return page
    }

    private func bookThanksPage(_ language: String) -> Page {
        var page = Page()
        page.append(.title, say(.bookTitle, language), .title)
        page.append(.paragraph, say(.bookSaved, language))
        page.append(.item(.leaveBook), say(.bookReturn, language), .item)
        return page
    }

    private func bookEntriesPage(_ visit: VisitState) -> Page {
        let language = visit.language
        let book = visit.book
        var page = Page()
        page.append(.title, say(.bookTitle, language), .title)
        if book.unreadable {
            page.append(.paragraph, say(.bookUnreadable, language), .warning)
        } else if let shelf = book.shelf {
            if shelf.entries.isEmpty { page.append(.paragraph, say(.bookEmpty, language)) }
            for entry in shelf.entries {
                page.append(.quote, TerminalSafety.flattened(entry.words, replacingWith: " "), .quote)
                let who = [entry.name, entry.place].map { TerminalSafety.flattened($0, replacingWith: " ") }.filter { !$0.isEmpty }
                let about = [who.joined(separator: ", "), entry.date, languageName(entry.language)].filter { !$0.isEmpty }
                page.append(.note, "— " + about.joined(separator: " · "), .hint)
            }
            if shelf.number > 0 { page.append(.item(.bookPage(shelf.number - 1)), say(.bookNewer, language), .item) }
            if shelf.hasOlder { page.append(.item(.bookPage(shelf.number + 1)), say(.bookOlder, language), .item) }
        } else {
            page.append(.paragraph, say(.bookOpening, language), .hint)
        }
        page.append(.item(.writeInBook), say(.writeInBook, language), .item)
        page.append(.item(.leaveBook), say(.bookReturn, language), .item)
        return page
    }
}
