/// What each screen says, in the visitor's language. The view draws these; the reducer lays
/// them out to know what is on screen.
extension Tour {
    public func page(for kind: ScreenKind, in state: TourState) -> Page {
        page(for: kind, state.visit, state.session)
    }

    func page(for kind: ScreenKind, _ visit: VisitState, _ session: SessionState) -> Page {
        let language = visit.language
        switch kind {
        case .welcome: return welcomePage(visit, session)
        case .chooseLanguage: return languagePage(title: trilingual(.chooseLanguage), selection: nil)
        case .languageMenu: return languagePage(title: say(.languageTitle, language), selection: language)
        case .chooseTour: return tourChoicePage(language)
        case .tourAdvisory: return advisoryPage(language, session.medium)
        case .hall(let hall): return hallPage(hall, visit, session.medium)
        case .hallMore(let hall): return morePage(pack.narrative(hall, language, layer: .more), language)
        case .exhibit(let hall, let exhibit):
            return exhibitPage(hall, exhibit, visit, showing: !isHidden(.exhibit(hall, exhibit), visit.care))
        case .exhibitMore(let hall, let exhibit): return morePage(pack.exhibitText(hall, exhibit, language, layer: .more), language)
        case .end:
            var page = endPage(language)
            appendBookChoices(to: &page, session, language)
            return page
        case .help: return helpPage(visit)
        case .map: return mapListPage(visit, session.medium)
        case .search: return searchPage(visit, session.medium)
        case .hallAdvisory(let stop, _): return hallAdvisoryPage(stop, language, session.medium)
        case .remembrance: return remembrancePage(language, session)
        case .staffExit: return staffExitPage(visit)
        case .joinGroup: return joinGroupPage(visit)
        case .groupRoster: return rosterPage(visit, session)
        case .endGroup: return endGroupPage(visit)
        case .handOver: return handOverPage(visit)
        case .groupEnded: return groupEndedPage(visit)
        case .sessionClosed(let reason): return sessionClosedPage(reason, language)
        case .book(let screen): return bookPage(screen, visit, session)
        }
    }

    /// A text in every language of the pack the kiosk has words for, for a visitor who has not
    /// chosen one yet.
    func trilingual(_ text: Message) -> String {
        spokenLanguages.map { say(text, $0) }.joined(separator: " · ")
    }

    func localized(_ text: LocalizedText, _ language: String) -> String {
        text.text(in: language, fallback: pack.defaultLanguage)
    }

    /// The language a part of a stop's text is shown in when it is not the visitor's (the
    /// original's, where the translation leaves that part out), for a block's `language`.
    func originalLanguage<Text: StopText>(of part: TextPart, _ resolved: ResolvedText<Text>) -> String? {
        let whole = resolved.titleLanguage != resolved.language
        return whole || resolved.value.fromOriginal.contains(part) ? pack.defaultLanguage : nil
    }

    /// The same for a text of `tour.yaml`, which falls back to the default language.
    func originalLanguage(of text: LocalizedText, _ language: String) -> String? {
        text.byLanguage[language] == nil && text.byLanguage[pack.defaultLanguage] != nil ? pack.defaultLanguage : nil
    }

    private func welcomePage(_ visit: VisitState, _ session: SessionState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, localized(pack.museumName, language), .title)
        page.append(.paragraph, localized(pack.floor, language), .strong)
        let address = localized(pack.address, language)
        if !address.isEmpty { page.append(.paragraph, address) }
        // What the museum says of its tour, then, once here and in each record's own line (never
        // in a memorial text), that the records are demonstrations: one paragraph, two
        // sentences, each a whole message.
        let introduction = [localized(pack.words.welcome, language),
                            pack.hasDemonstrationRecords ? say(.welcomeDemonstrationRecords, language) : ""]
        if !introduction.joined().isEmpty {
            page.append(.paragraph, introduction.filter { !$0.isEmpty }.joined(separator: " "),
                        language: originalLanguage(of: pack.words.welcome, language))
        }
        page.append(.paragraph, say(session.medium == .lines ? .welcomeHowToPlain : .welcomeHowTo, language))
        if !visit.languageChosen {
            for code in spokenLanguages where code != language {
                page.append(.note, say(.pressEnter, code), .hint)
            }
        }
        appendGroupWelcome(&page, visit, session, beforeBegin: true)
        page.append(.item(.continueTour), say(.begin, language), .item)
        appendGroupWelcome(&page, visit, session, beforeBegin: false)
        page.append(.item(.search), say(.searchChoice, language), .item)
        return page
    }

    private func languagePage(title: String, selection: String?) -> Page {
        var page = Page()
        page.append(.title, title, .title)
        for code in pack.languages {
            page.append(.item(.chooseLanguage(code)), languageName(code), .item, language: code)
        }
        return page
    }

    /// The tour's advisory: the museum's own introduction to its floor and age guidance, where
    /// the pack gives them, around the advisories its halls carry, and the kiosk's promise of
    /// a warning at each door and a way out.
    private func advisoryPage(_ language: String, _ medium: Medium) -> Page {
        var page = Page()
        page.append(.title, say(.advisoryTitle, language), .title)
        let advisories = pack.advisories(tagged: pack.usedAdvisoryTags)
        let introduction = localized(pack.words.advisoryIntroduction, language)
        if !introduction.isEmpty {
            page.append(.paragraph, introduction, language: originalLanguage(of: pack.words.advisoryIntroduction, language))
        }
        for advisory in advisories {
            page.append(.listItem, localized(advisory.text, language), .warning,
                        language: originalLanguage(of: advisory.text, language))
        }
        let age = localized(pack.words.ageGuidance, language)
        if !age.isEmpty { page.append(.paragraph, age, language: originalLanguage(of: pack.words.ageGuidance, language)) }
        page.append(.paragraph, say(.advisoryEachHall, language))
        page.append(.paragraph, stepOutHint(language, medium))
        page.append(.item(.continueTour), say(.continueTour, language), .item)
        return page
    }

    /// The advisory line for some tags, if there are any. Public for the HTML export, whose
    /// "read more" pages can be opened without passing the page that names them.
    public func advisoryNote(_ tags: [String], _ language: String) -> PageBlock? {
        let texts = tags.compactMap { pack.advisory($0).map { localized($0.text, language) } }
        guard !texts.isEmpty else { return nil }
        return PageBlock(.note, [Run(say(.advisoryNote, language) + " ", .warning),
                                 Run(texts.joined(separator: "; "), .warning)])
    }

    /// Says when a text is not in the visitor's language, or was translated by machine.
    func translationNote(status: TranslationStatus, isFallback: Bool, _ language: String) -> PageBlock? {
        if isFallback { return PageBlock(.note, say(.notTranslated, language), .mark) }
        if status == .machine { return PageBlock(.note, say(.machineTranslation, language), .mark) }
        return nil
    }

    func sources(_ sources: [String], into page: inout Page, _ language: String) {
        guard !sources.isEmpty else { return }
        page.append(.heading, say(.sources, language), .heading)
        for source in sources { page.append(.listItem, source, .source) }
    }

    private func hallPage(_ index: Int, _ visit: VisitState, _ medium: Medium) -> Page {
        let language = visit.language
        let hall = pack.halls[index]
        let resolved = pack.narrative(index, language)
        let narrative = resolved.value
        var page = Page()
        page.append(.title, narrative.title, .title, language: originalLanguage(of: .title, resolved))
        if let note = advisoryNote(hall.advisories, language) { page.append(note) }
        if let note = translationNote(status: narrative.translation, isFallback: resolved.isFallback, language) { page.append(note) }
        let label = label(resolved, visit)
        page.append(label.blocks, language: originalLanguage(of: label.part, resolved))
        if label.part == .label, !narrative.more.isEmpty {
            page.append(.item(.readMore), say(.readMore, language), .item)
        }
        let exhibits = hall.exhibits.indices.map { Stop.exhibit(index, $0) }.filter { admits($0, visit) }
        if !exhibits.isEmpty {
            page.append(.heading, say(.inThisHall, language), .heading)
            for block in stopItems(exhibits, language, medium) { page.append(block) }
        }
        if !hall.exits.isEmpty {
            page.append(.heading, say(.walkOn, language), .heading)
            for exit in hall.exits {
                let title = pack.narrative(exit, language)
                page.append(PageBlock(.item(.walk(toHall: exit)),
                                      // An arrow on a screen; words alone for a reader, who would hear "rightwards arrow".
                                      [Run(medium == .screen ? "→ " : "", .hint), Run(title.value.title, .item),
                                       Run("  \(pack.halls[exit].stop)", .hint)],
                                      hangingIndent: 2, language: originalLanguage(of: .title, title)))
            }
        }
        sources(narrative.sources, into: &page, language)
        return page
    }

    /// Halls and exhibits as items to open, each with its stop number in a column of its
    /// own, so that the titles line up.
    func stopItems(_ stops: [Stop], _ language: String, _ medium: Medium) -> [PageBlock] {
        let numberWidth = stops.compactMap { pack.number(of: $0).map { String($0).count + 2 } }.max() ?? 0
        return stops.map { stop in
            let number = pack.number(of: stop).map(String.init) ?? ""
            let padding = String(repeating: " ", count: numberWidth - number.count)
            switch stop {
            case .hall(let hall):
                let title = pack.narrative(hall, language)
                return PageBlock(.item(.goToHall(hall)), [Run(number + padding, .hint), Run(title.value.title, .item)],
                                 hangingIndent: numberWidth, language: originalLanguage(of: .title, title))
            case .exhibit(let hall, let exhibit):
                let title = pack.exhibitText(hall, exhibit, language)
                return PageBlock(.item(.openExhibit(hall, exhibit)), [Run(number + padding, .hint), Run(title.value.title, .item)],
                                 hangingIndent: numberWidth, language: originalLanguage(of: .title, title))
            }
        }
    }

    /// A "read more" layer, of a hall or an exhibit: its title, the longer text, its sources.
    /// The layer may be the original's where the label is translated.
    private func morePage<Text: StopText>(_ resolved: ResolvedText<Text>, _ language: String) -> Page {
        let text = resolved.value
        var page = Page()
        page.append(.title, text.title, .title, language: originalLanguage(of: .title, resolved))
        if let note = translationNote(status: text.translation, isFallback: resolved.isFallback, language) { page.append(note) }
        page.append(text.more, language: originalLanguage(of: .more, resolved))
        sources(text.sources, into: &page, language)
        return page
    }

    /// An exhibit's label, then its record: where it is (its hall, and which of the hall's
    /// exhibits), the label (a graphic exhibit not `showing` gives its summary as the text
    /// alternative instead, and offers to show more), then the record fields the pack gives.
    private func exhibitPage(_ hall: Int, _ index: Int, _ visit: VisitState, showing: Bool) -> Page {
        let language = visit.language
        let exhibit = pack.halls[hall].exhibits[index]
        let resolved = pack.exhibitText(hall, index, language)
        let text = resolved.value
        var page = Page()
        page.append(.title, text.title, .title, language: originalLanguage(of: .title, resolved))
        if let note = advisoryNote(exhibit.advisories, language) { page.append(note) }
        if let note = translationNote(status: text.translation, isFallback: resolved.isFallback, language) { page.append(note) }
        // Which of the exhibits the hall lists on the visitor's tour: a young visitor is not
        // told of one the tour leaves out. One reached by its number counts among them all.
        let listed = pack.halls[hall].exhibits.indices.filter { admits(.exhibit(hall, $0), visit) }
        let (position, count) = listed.firstIndex(of: index).map { ($0 + 1, listed.count) }
            ?? (index + 1, pack.halls[hall].exhibits.count)
        page.append(.note, say(.exhibitPosition, language, pack.narrative(hall, language).value.title, String(position),
                               String(count)), .hint)
        if showing {
            let label = label(resolved, visit)
            page.append(label.blocks, language: originalLanguage(of: label.part, resolved))
            if label.part == .label, !text.more.isEmpty {
                page.append(.item(.readMore), say(.readMore, language), .item)
            }
        } else {
            page.append(PageBlock(.paragraph, [Run(say(.textAlternative, language) + " ", .fieldName),
                                               Run(text.summary, .body)],
                                  language: originalLanguage(of: .summary, resolved)))
            page.append(.paragraph, say(.graphicHidden, language), .hint)
            page.append(.item(.showGraphic), say(.showGraphic, language), .item)
        }
        let record = exhibit.recordSource == .demonstration ? Message.demonstrationRecord : .collectionRecord
        let fields: [(Message, String, TextPart?)] = [
            (.objectNumber, exhibit.objectNumber, nil), (.objectName, text.objectName, .objectName), (.date, text.date, .date),
            (.maker, text.maker, .maker), (.materials, text.materials, .materials), (.dimensions, text.dimensions, .dimensions),
            (.creditLine, text.creditLine, .creditLine), (.rights, text.rights, .rights), (.record, say(record, language), nil),
        ]
        // The record is set apart from the label by a heading of its own.
        page.append(.heading, say(.recordHeading, language), .heading)
        for (name, value, part) in fields where !value.isEmpty {
            page.append(PageBlock(.field, [Run(say(name, language) + ": ", .fieldName), Run(value, .body)],
                                  language: part.flatMap { originalLanguage(of: $0, resolved) }))
        }
        sources(text.sources, into: &page, language)
        return page
    }

    /// The end of the tour: a thank-you, and, after halls about the killing of civilians and
    /// children, the way to the quiet room and its support before anything else.
    private func endPage(_ language: String) -> Page {
        var page = Page()
        page.append(.title, say(.endTitle, language), .title)
        page.append(.paragraph, say(.endText, language))
        page.append(.paragraph, say(.endRemembrance, language))
        page.append(.item(.stepOut), quietTitle(language), .item)
        page.append(.item(.startAgain), say(.startAgain, language), .item)
        return page
    }

    /// The keys this visitor has, each with what it does: the key map's list, in full.
    private func helpPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.helpTitle, language), .title)
        let helpKeys = KeyMap.helpLines(KeyMap.Context(isKiosk: kiosk.isKiosk, role: visit.group.role))
            .map { (keys: label($0.keys, language), text: $0.text) }
        let keyColumn = helpKeys.map { DisplayWidth.of($0.keys) }.max() ?? 0
        for (keys, text) in helpKeys {
            let padding = String(repeating: " ", count: keyColumn - DisplayWidth.of(keys) + 2)
            page.append(PageBlock(.field, [Run(keys, .key), Run(padding + say(text, language), .body)],
                                  hangingIndent: keyColumn + 2))
        }
        page.append(.paragraph, say(.helpClose, language), .hint)
        return page
    }

    /// The floor map as a list, for a screen too small to draw it (and for reading aloud),
    /// with the halls the visitor's tour leaves out said to be so.
    private func mapListPage(_ visit: VisitState, _ medium: Medium) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.mapTitle, language) + " · " + localized(pack.floor, language), .title)
        let here = visit.place.kind.stop?.hall
        let tour = chosenTour(visit)
        for index in pack.halls.indices {
            let title = pack.narrative(index, language)
            var runs = [Run("\(pack.halls[index].stop)  ", .hint), Run(title.value.title, .item)]
            if index == here { runs.append(Run((medium == .screen ? "  ◆ " : "  ") + say(.youAreHere, language), .here)) }
            if !tour.halls.contains(index) { runs.append(Run("  (" + say(.notOnYourTour, language) + ")", .hint)) }
            page.append(PageBlock(.item(.goToHall(index)), runs, language: originalLanguage(of: .title, title)))
        }
        return page
    }
}
