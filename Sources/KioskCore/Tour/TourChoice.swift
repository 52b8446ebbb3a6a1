/// The walk a visitor chose among the pack's tours, and how far along it they are.
public struct ChosenTour: Hashable, Sendable {
    /// Which of the pack's tours (`Pack.tours`).
    public var index: Int
    /// The place on the tour's route of the last of its stops the visitor was at: after a
    /// walk off the tour, `n` goes on from there.
    public var position: Int?

    public init(index: Int = 0) {
        self.index = index
    }
}

/// Choosing a tour and following it: after the language the visitor chooses among the pack's
/// tours (a pack with one goes straight on), `n` and `p` follow the chosen tour's route, and
/// a walk off it (a neighbouring hall, a stop number, a search) comes back to it where it was
/// left. A guide chooses for the group (GroupTour.swift).
extension Tour {
    public func chosenTour(_ visit: VisitState) -> GuidedTour {
        pack.tours[min(max(0, visit.tour.index), pack.tours.count - 1)]
    }

    /// On from the language, once the visitor has begun: to the choice of tour where there is
    /// one to make, and the visitor's own to make (a guide makes it for the group), else to
    /// the tour's advisory.
    func goPastLanguage(_ visit: inout VisitState, _ session: SessionState) {
        if pack.tours.count > 1, visit.group.participation == nil {
            go(to: .chooseTour, selecting: .chooseTour(visit.tour.index), &visit, session)
        } else {
            go(to: .tourAdvisory, &visit, session)
        }
    }

    func choose(tour index: Int, _ visit: inout VisitState, _ session: SessionState) {
        visit.tour = ChosenTour(index: index)
        go(to: .tourAdvisory, &visit, session)
    }

    /// The stop after the visitor's place on their tour: the next on its route, or, off the
    /// route, the next after the last of its stops they were at (the first, if none); the
    /// end after the last.
    func stop(after place: ScreenKind, _ visit: VisitState) -> ScreenKind {
        let tour = chosenTour(visit)
        let next = (place.stop.flatMap { tour.positions[$0] } ?? visit.tour.position).map { $0 + 1 } ?? 0
        return next < tour.route.count ? kind(of: tour.route[next]) : .end
    }

    /// The stop before the visitor's place on their tour: the one before on its route (the
    /// tour's advisory before the first), or, off the route, the last of its stops they
    /// were at.
    func stop(before place: ScreenKind, _ visit: VisitState) -> ScreenKind {
        let tour = chosenTour(visit)
        if place == .end { return tour.route.last.map(kind(of:)) ?? .tourAdvisory }
        if let here = place.stop.flatMap({ tour.positions[$0] }) {
            return here > 0 ? kind(of: tour.route[here - 1]) : .tourAdvisory
        }
        return visit.tour.position.map { kind(of: tour.route[$0]) } ?? .tourAdvisory
    }

    /// Notes how far along the tour a place the visitor arrives at is, if it is on it.
    func noteTourPosition(_ place: ScreenKind, _ visit: inout VisitState) {
        if let position = place.stop.flatMap({ chosenTour(visit).positions[$0] }) { visit.tour.position = position }
    }

    /// Whether a hall or exhibit is on the visitor's way: on a young visitors' tour, what is
    /// marked for adults is not, and the pages of the tour do not list it.
    func admits(_ stop: Stop, _ visit: VisitState) -> Bool {
        GuidedTour.admits(stop, in: pack, youngVisitors: chosenTour(visit).isForYoungVisitors)
    }

    /// The label a stop shows on the visitor's tour: its young label on a young visitors'
    /// tour, where it has one, with no "read more" (written for adults); else its label.
    func label<Text: StopText>(_ resolved: ResolvedText<Text>, _ visit: VisitState) -> (blocks: [Block], part: TextPart) {
        if chosenTour(visit).isForYoungVisitors, !resolved.value.youngLabel.isEmpty { return (resolved.value.youngLabel, .youngLabel) }
        return (resolved.value.label, .label)
    }

    /// The pack's tours, each with what it shows, how long it takes to read, and whom it is
    /// written for.
    func tourChoicePage(_ language: String) -> Page {
        var page = Page()
        page.append(.title, say(.chooseTour, language), .title)
        for (index, tour) in pack.tours.enumerated() {
            page.append(.item(.chooseTour(index)), localized(tour.name, language), .item,
                        language: originalLanguage(of: tour.name, language))
            let indent = PageLayout.itemIndent
            page.append(PageBlock(.note, [Run(localized(tour.description, language), .body)], hangingIndent: indent,
                                  language: originalLanguage(of: tour.description, language)))
            let length = [say(.tourMinutes, language, count: tour.minutes)]
                + (tour.age.map { [say(.tourAge, language, count: $0)] } ?? [])
            page.append(PageBlock(.note, [Run(length.joined(separator: " · "), .hint)], hangingIndent: indent))
        }
        return page
    }
}
