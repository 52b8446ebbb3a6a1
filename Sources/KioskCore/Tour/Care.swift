/// Care for the visitor: a hall's advisories at its door, graphic exhibits shown only as their
/// text alternative until asked, and a quiet page to step out to from anywhere and return from
/// to exactly the same place.
extension Tour {
    // MARK: - A hall's door

    /// The door to stand at before `kind`, when it lies in a hall with advisories the visitor
    /// has not yet read there.
    func hallAdvisory(before kind: ScreenKind, _ state: TourState) -> ScreenKind? {
        guard let stop = kind.stop, !state.acknowledgedHalls.contains(stop.hall),
              !pack.advisoryTagsInside[stop.hall].isEmpty else { return nil }
        // The tour's advisory, just read, names every advisory on the floor; the first hall
        // follows it at once.
        if state.place.kind == .tourAdvisory, stop == pack.route.first { return nil }
        // From one door to another, "back" still leads to where the visitor stood before both.
        if case .hallAdvisory(_, let from) = state.place.kind { return .hallAdvisory(stop, from: from) }
        return .hallAdvisory(stop, from: state.place)
    }

    func enterHall(at stop: Stop, _ state: inout TourState) {
        state.acknowledgedHalls.insert(stop.hall)
        go(to: kind(of: stop), &state)
    }

    func hallAdvisoryPage(_ stop: Stop, _ language: String) -> Page {
        var page = Page()
        page.append(.title, UIText.beforeYouEnter.text(language), .title)
        page.append(.paragraph, pack.narrative(stop.hall, language).value.title, .strong)
        page.append(.paragraph, UIText.hallIncludes.text(language))
        for advisory in pack.advisories(tagged: pack.advisoryTagsInside[stop.hall]) {
            page.append(.listItem, advisory.text.text(in: language, fallback: pack.defaultLanguage), .warning)
        }
        page.append(.paragraph, UIText.stepOutHint.text(language, quietTitle(language)), .hint)
        page.append(.item(.enterHall), UIText.enterHall.text(language), .item)
        page.append(.item(.turnBack), UIText.turnBack.text(language), .item)
        page.append(.item(.stepOut), quietTitle(language), .item)
        return page
    }

    // MARK: - Graphic exhibits

    /// Whether only the text alternative of the exhibit at `stop` is shown.
    func isHidden(_ stop: Stop, in state: TourState) -> Bool {
        guard case .exhibit(let hall, let exhibit) = stop else { return false }
        return pack.halls[hall].exhibits[exhibit].graphic && !state.revealedExhibits.contains(stop)
    }

    func revealGraphic(_ state: inout TourState) {
        guard case .exhibit = state.place.kind, let stop = state.place.kind.stop else { return }
        state.revealedExhibits.insert(stop)
        // The label appears where the text alternative was: the visitor reads on from there.
        state.place.selection = 0
        state.place = viewport(of: state.place, in: state).scrolled(state.place, by: 0)
    }

    // MARK: - The quiet page

    /// What the quiet page is called: the remembrance hall's title, or the kiosk's own words
    /// for a pack that names no such hall.
    func quietTitle(_ language: String) -> String {
        guard let hall = pack.remembranceHall else { return UIText.quietTitle.text(language) }
        return pack.narrative(hall, language).value.title
    }

    /// `x`: out to the quiet page, remembering the place and anything open over it; `x` again
    /// comes back.
    func stepOut(_ state: inout TourState) {
        if state.place.kind == .remembrance {
            if state.overlay != nil { state.overlay = nil } else { returnFromRemembrance(&state) }
            return
        }
        state.stepOut = StepOut(place: state.place, overlay: state.overlay)
        state.overlay = nil
        state.digits = ""
        state.place = Screen(.remembrance)
    }

    func returnFromRemembrance(_ state: inout TourState) {
        guard let back = state.stepOut else {
            go(to: .welcome, &state)
            return
        }
        state.stepOut = nil
        // Exactly where the visitor was, kept within the page should the screen have changed.
        state.place = viewport(of: back.place, in: state).scrolled(back.place, by: 0)
        state.overlay = back.overlay.map { viewport(of: $0, in: state).scrolled($0, by: 0) }
    }

    /// The remembrance hall's text with a way back after its first part, or, for a pack that
    /// names no such hall, a few quiet words of the kiosk's own.
    func remembrancePage(_ language: String) -> Page {
        var page = Page()
        guard let hall = pack.remembranceHall else {
            page.append(.title, UIText.quietTitle.text(language), .title)
            page.append(.paragraph, UIText.quietText.text(language))
            page.append(.paragraph, UIText.quietSupport.text(language))
            page.append(.item(.returnToTour), UIText.returnToTour.text(language), .item)
            return page
        }
        let resolved = pack.narrative(hall, language)
        let narrative = resolved.value
        page.append(.title, narrative.title, .title)
        if let note = translationNote(status: narrative.translation, isFallback: resolved.isFallback, language) { page.append(note) }
        page.append(narrative.label)
        page.append(.item(.returnToTour), UIText.returnToTour.text(language), .item)
        page.append(narrative.more)
        sources(narrative.sources, into: &page, language)
        return page
    }
}

extension Tour {
    /// The staff exit's prompt: the PIN shows as dots.
    func staffExitPage(_ state: TourState) -> Page {
        let language = state.language
        var page = Page()
        page.append(.title, UIText.staffExitTitle.text(language), .title)
        page.append(.paragraph, UIText.staffExitHowTo.text(language))
        let dots = String(repeating: "•", count: state.staffExit.entry.count)
        page.append(PageBlock(.field, [Run(UIText.staffPIN.text(language) + ": ", .fieldName), Run(dots + "_", .body)]))
        return page
    }
}
