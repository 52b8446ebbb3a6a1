/// What a visit tells the museum's statistics (`TourEffect.record`), read from the change an
/// event made to the state rather than from each feature's code: however the visitor got
/// somewhere (a key, a typed stop number, a numbered choice, the guide), the record is the
/// same, and the walk, care and the group need not know they are counted.
extension Tour {
    /// The place the visitor sees now; nil when no visitor has the screen (the attract loop,
    /// the demonstration), when something over the tour covers it (the map, help, a menu, the
    /// book, a session's last screen), and in the minute of silence, when keys wait.
    public func shownPlace(_ state: TourState) -> VisitPlace? {
        guard state.visit.attention.control == .visitor, state.session.limits.closing == nil, silence(state) == nil else { return nil }
        return visitPlace(of: state.visit.screen.kind)
    }

    func visitPlace(of kind: ScreenKind) -> VisitPlace? {
        switch kind {
        case .welcome, .chooseLanguage, .chooseTour: return .welcome
        case .tourAdvisory: return .tourAdvisory
        case .hallAdvisory(let stop, _): return .door(hall: pack.halls[stop.hall].id)
        case .hall(let hall), .hallMore(let hall): return .stop(hall: pack.halls[hall].id, exhibit: nil)
        case .exhibit(let hall, let exhibit), .exhibitMore(let hall, let exhibit):
            return .stop(hall: pack.halls[hall].id, exhibit: pack.halls[hall].exhibits[exhibit].id)
        case .end: return .end
        case .remembrance: return .quietRoom
        case .map, .help, .languageMenu, .staffExit, .search, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .book,
             .sessionClosed: return nil
        }
    }

    /// What the first screen of a session's visit tells, when the visit begins with it.
    func openingRecords(_ state: TourState) -> [TourEffect] {
        guard state.visit.attention.control == .visitor else { return [] }
        return [.record(.began(language: state.language))] + (shownPlace(state).map { [.record(.showing($0))] } ?? [])
    }

    /// The records of one event, from the state before and after it and what it asked: the
    /// place shown, what the visitor did there, and how the visit ended. A visit that ends
    /// shows nothing new (its end closes what was shown); a visit the event replaced
    /// (`.newVisit`) has said its end already, and the next has not begun.
    func visitRecords(before: TourState, after: TourState, effects: [TourEffect]) -> [VisitRecord] {
        guard !effects.contains(.newVisit) else { return [] }
        var ends: [VisitEnd] = []
        if before.session.limits.closing == nil, after.session.limits.closing != nil { ends.append(.sessionClosed) }
        for case .endSession(let end) in effects {
            switch end {
            case .visitorLeft: ends.append(.left)
            case .staffExit: ends.append(.staffExit)
            // Said when the last screen came up.
            case .closed: break
            }
        }
        var records: [VisitRecord] = []
        let shown = shownPlace(after)
        if ends.isEmpty, shown != shownPlace(before) { records.append(.showing(shown)) }
        if before.visit.attention.control == .visitor, after.visit.attention.control == .visitor {
            records += actions(before.visit, after.visit)
        }
        return records + ends.map(VisitRecord.ended)
    }

    /// What the visitor did between two states of one visit.
    private func actions(_ before: VisitState, _ after: VisitState) -> [VisitRecord] {
        var records: [VisitRecord] = []
        let from = before.place.kind
        let to = after.place.kind
        if from != to, to != .remembrance, case .hallAdvisory(let stop, _) = from {
            records.append(.door(hall: pack.halls[stop.hall].id, entered: to.stop?.hall == stop.hall))
        }
        if from != to, from != .remembrance, to != .remembrance {
            switch to {
            // Back from the quiet page to a longer text opened before is not a new opening.
            case .hallMore, .exhibitMore: if let place = visitPlace(of: to) { records.append(.readMore(place)) }
            default: break
            }
        }
        if to == .remembrance, from != .remembrance { records.append(.steppedOut(hall: hallID(of: from))) }
        if from == .remembrance, to != .remembrance, let left = before.care.stepOut, to == left.place.kind {
            records.append(.steppedBack(hall: hallID(of: to)))
        }
        for stop in after.care.revealedExhibits.subtracting(before.care.revealedExhibits) {
            if let place = visitPlace(of: kind(of: stop)) { records.append(.graphicRevealed(place)) }
        }
        if before.languageChosen, before.language != after.language { records.append(.languageChanged(to: after.language)) }
        if before.group.participation == nil, after.group.participation != nil { records.append(.joinedGroup) }
        if before.group.leadership?.code == nil, after.group.leadership?.code != nil { records.append(.ledGroup) }
        return records
    }

    /// The hall a place is in, or at the door of.
    private func hallID(of kind: ScreenKind) -> String? {
        let hall: Int? = switch kind {
        case .hallAdvisory(let stop, _): stop.hall
        default: kind.stop?.hall
        }
        return hall.map { pack.halls[$0].id }
    }
}
