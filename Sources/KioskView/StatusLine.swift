import KioskCore

/// The line over the rule above the footer: a coming close, or how the group stands. It
/// takes no row of its own, so a page reads the same in a group as alone.
extension TourView {
    func drawStatus(_ frame: inout Frame, _ state: TourState) {
        guard let (texts, role) = status(state) else { return }
        // A text's own " · " parts are parts too.
        let parts = texts.flatMap { $0.split(separator: " · ", omittingEmptySubsequences: false).map(String.init) }
        let room = state.session.size.columns - 6
        // The least important parts go first when the line is too narrow.
        var shown = parts
        while shown.count > 1, DisplayWidth.of(shown.joined(separator: " · ")) > room { shown.removeLast() }
        frame.put(" " + shown.joined(separator: " · ") + " ", row: state.session.size.rows - 2, column: 2,
                  style: CellStyle(role), limit: state.session.size.columns - 4)
    }

    /// The texts of the status line, most important first, and how they look.
    func status(_ state: TourState) -> (parts: [String], role: Role)? {
        let language = state.language
        if let warning = state.sessionWarning { return ([warning.text(language)], .notice) }
        if state.session.limits.closing != nil { return nil }
        switch state.visit.group.notice {
        case .notEveryoneHere(let counts):
            let tally = "\(UIText.barHere.text(language, "\(counts.here)/\(counts.participants)")), "
                + UIText.barPauses.text(language, "\(counts.pauses)")
            return ([UIText.barNotEveryoneHere.text(language, tally)], .notice)
        case .cannotOpen: return ([UIText.barCannotOpen.text(language)], .notice)
        case .alreadyFollowing: return ([UIText.barFollowingGuide.text(language)], .notice)
        case .noSuchGroup, nil: break
        }
        switch state.visit.group.role {
        case .guide(let leadership):
            guard let code = leadership.code else {
                return leadership.orphans.isEmpty ? nil : ([UIText.barChooseGroup.text(language)], .notice)
            }
            let counts = leadership.counts
            // Whether everyone is here matters most to a guide, then pauses.
            var parts = [UIText.barGroup.text(language, GroupVisit.display(code)),
                         UIText.barHere.text(language, "\(counts.here)/\(counts.participants)"),
                         UIText.barPauses.text(language, "\(counts.pauses)"),
                         UIText.barFollowers.text(language, "\(counts.following)")]
            if leadership.waitForEveryone { parts.append(UIText.barWaiting.text(language)) }
            return (parts, counts.pauses > 0 ? .notice : .strong)
        case .participant(let participation):
            if participation.guideLostAt != nil { return ([UIText.barGuideLost.text(language)], .notice) }
            switch participation.following {
            case .gettingReady:
                return ([UIText.barGettingReady.text(language, GroupVisit.display(participation.code))], .strong)
            case .away:
                return ([UIText.barSteppedAway.text(language)], .notice)
            case .following where participation.pause:
                return ([UIText.barPauseAsked.text(language)], .notice)
            case .following:
                return ([UIText.barFollowingGuide.text(language), UIText.barAskPause.text(language)], .strong)
            }
        case .ended(.guideEnded): return ([UIText.barGuideEnded.text(language)], .notice)
        case .ended(.guideDidNotReturn): return ([UIText.barGuideDidNotReturn.text(language)], .notice)
        case .none, .joining: return nil
        }
    }
}
