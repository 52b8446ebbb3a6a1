/// What care for the visitor remembers of a visit: the doors read, the graphic exhibits the
/// visitor asked to see, and where they stepped out from.
public struct CareState: Hashable, Sendable {
    /// Halls whose advisories the visitor has read at the door (or entered without one).
    public var acknowledgedHalls: Set<Int> = []
    /// Graphic exhibits the visitor asked to see in full.
    public var revealedExhibits: Set<Stop> = []
    /// Where `x` stepped out from: the quiet page returns exactly there.
    public var stepOut: StepOut?

    public init() {}
}

/// Where a visitor stepped out to the quiet page from: the place and anything open over it.
public struct StepOut: Hashable, Sendable {
    public var place: Screen
    public var overlay: Screen?
}

/// Care for the visitor: a hall's advisories at its door, graphic exhibits shown only as their
/// text alternative until asked, and a quiet page to step out to from anywhere and return from
/// to exactly the same place.
extension Tour {
    // MARK: - A hall's door

    /// The door to stand at before `kind`, when it lies in a hall with advisories the visitor
    /// has not yet read there.
    func hallAdvisory(before kind: ScreenKind, _ visit: VisitState) -> ScreenKind? {
        guard let stop = kind.stop, !visit.care.acknowledgedHalls.contains(stop.hall),
              !pack.advisoryTagsInside[stop.hall].isEmpty else { return nil }
        // The tour's advisory, just read, names every advisory on the floor; the first hall
        // follows it at once.
        if visit.place.kind == .tourAdvisory, stop == chosenTour(visit).route.first { return nil }
        // From one door to another, "back" still leads to where the visitor stood before both.
        if case .hallAdvisory(_, let from) = visit.place.kind { return .hallAdvisory(stop, from: from) }
        return .hallAdvisory(stop, from: visit.place)
    }

    func enterHall(at stop: Stop, _ visit: inout VisitState, _ session: SessionState) {
        visit.care.acknowledgedHalls.insert(stop.hall)
        go(to: kind(of: stop), &visit, session)
    }

    func hallAdvisoryPage(_ stop: Stop, _ language: String, _ medium: Medium) -> Page {
        var page = Page()
        page.append(.title, say(.beforeYouEnter, language), .title)
        page.append(.paragraph, pack.narrative(stop.hall, language).value.title, .strong)
        page.append(.paragraph, say(.hallIncludes, language))
        for advisory in pack.advisories(tagged: pack.advisoryTagsInside[stop.hall]) {
            page.append(.listItem, advisory.text.text(in: language, fallback: pack.defaultLanguage), .warning)
        }
        page.append(.paragraph, stepOutHint(language, medium), .hint)
        page.append(.item(.enterHall), say(.enterHall, language), .item)
        page.append(.item(.turnBack), say(.turnBack, language), .item)
        page.append(.item(.stepOut), quietTitle(language), .item)
        return page
    }

    /// That the quiet room is one step away, said as the medium says it: a key to press, or a
    /// letter to type.
    func stepOutHint(_ language: String, _ medium: Medium) -> String {
        say(medium == .lines ? .stepOutHintPlain : .stepOutHint, language, quietTitle(language))
    }

    // MARK: - Graphic exhibits

    /// Whether only the text alternative of the exhibit at `stop` is shown.
    func isHidden(_ stop: Stop, _ care: CareState) -> Bool {
        guard case .exhibit(let hall, let exhibit) = stop else { return false }
        return pack.halls[hall].exhibits[exhibit].graphic && !care.revealedExhibits.contains(stop)
    }

    func revealGraphic(_ visit: inout VisitState, _ session: SessionState) {
        guard case .exhibit = visit.place.kind, let stop = visit.place.kind.stop else { return }
        visit.care.revealedExhibits.insert(stop)
        // The label appears where the text alternative was: the visitor reads on from there.
        visit.place.selection = 0
        visit.place = viewport(of: visit.place, visit, session).scrolled(visit.place, by: 0)
    }

    // MARK: - The quiet page

    /// What the quiet page is called: the remembrance hall's title, or the kiosk's own words
    /// for a pack that names no such hall.
    func quietTitle(_ language: String) -> String {
        guard let hall = pack.remembranceHall else { return say(.quietTitle, language) }
        return pack.narrative(hall, language).value.title
    }

    /// `x`: out to the quiet page, remembering the place and anything open over it; `x` again
    /// comes back.
    func stepOut(_ visit: inout VisitState, _ session: SessionState) {
        if visit.place.kind == .remembrance {
            if visit.overlay != nil { visit.overlay = nil } else { returnFromRemembrance(&visit, session) }
            return
        }
        // The page of a group's end is not one to come back to.
        if visit.overlay?.kind == .groupEnded { visit.overlay = nil }
        visit.care.stepOut = StepOut(place: visit.place, overlay: visit.overlay)
        visit.overlay = nil
        visit.digits = ""
        visit.place = Screen(.remembrance)
    }

    func returnFromRemembrance(_ visit: inout VisitState, _ session: SessionState) {
        guard let back = visit.care.stepOut else {
            go(to: .welcome, &visit, session)
            return
        }
        visit.care.stepOut = nil
        // Exactly where the visitor was, kept within the page should the screen have changed.
        visit.place = viewport(of: back.place, visit, session).scrolled(back.place, by: 0)
        visit.overlay = back.overlay.map { viewport(of: $0, visit, session).scrolled($0, by: 0) }
    }

    /// The remembrance hall's text with a way back after its first part, or, for a pack that
    /// names no such hall, a few quiet words of the kiosk's own.
    func remembrancePage(_ language: String, _ session: SessionState) -> Page {
        var page = Page()
        guard let hall = pack.remembranceHall else {
            page.append(.title, say(.quietTitle, language), .title)
            page.append(.paragraph, say(.quietText, language))
            page.append(.paragraph, say(.quietSupport, language))
            page.append(.item(.returnToTour), say(.returnToTour, language), .item)
            appendBookChoices(to: &page, session, language)
            return page
        }
        let resolved = pack.narrative(hall, language)
        let narrative = resolved.value
        page.append(.title, narrative.title, .title)
        if let note = translationNote(status: narrative.translation, isFallback: resolved.isFallback, language) { page.append(note) }
        page.append(narrative.label)
        page.append(.item(.returnToTour), say(.returnToTour, language), .item)
        appendBookChoices(to: &page, session, language)
        page.append(narrative.more)
        sources(narrative.sources, into: &page, language)
        return page
    }
}

extension Tour {
    /// The staff exit's prompt: the PIN shows as dots.
    func staffExitPage(_ visit: VisitState) -> Page {
        let language = visit.language
        var page = Page()
        page.append(.title, say(.staffExitTitle, language), .title)
        page.append(.paragraph, say(.staffExitHowTo, language))
        let dots = String(repeating: "•", count: visit.staffPrompt.entry.count)
        page.append(PageBlock(.field, [Run(say(.staffPIN, language) + ": ", .fieldName), Run(dots + "_", .body)]))
        return page
    }
}
