import KioskCore

/// The line over the rule above the footer: a coming close, or how the group stands. It
/// takes no row of its own, so a page reads the same in a group as alone.
extension TourView {
    func drawStatus(_ frame: inout Frame, _ state: TourState) {
        guard let (parts, role) = status(state) else { return }
        let room = state.session.size.columns - 6
        // The least important parts go first when the line is too narrow, each a whole message:
        // a translation is never cut apart.
        var shown = parts
        while shown.count > 1, DisplayWidth.of(shown.joined(separator: " · ")) > room { shown.removeLast() }
        frame.put(" " + shown.joined(separator: " · ") + " ", row: state.session.size.rows - 2, column: 2,
                  style: CellStyle(role), limit: state.session.size.columns - 4)
    }

    /// The texts of the status line, most important first, and how they look.
    func status(_ state: TourState) -> (parts: [String], role: Role)? {
        let language = state.language
        if let warning = state.sessionWarning { return (tour.say(warning: warning, language, medium: .screen), .notice) }
        if state.session.limits.closing != nil { return nil }
        switch state.visit.group.notice {
        case .notEveryoneHere:
            // Why the move waits, as the group is now: one reason, never a count beside it
            // that says otherwise.
            guard let leadership = state.visit.group.leadership else { break }
            let counts = leadership.counts
            let reason = counts.here < counts.participants
                ? tour.say(.barNotEveryoneHere, language, "\(counts.here)", "\(counts.participants)")
                : tour.say(.barHeldForPause, language, tour.names(asking: leadership.members, language))
            return ([reason, tour.say(.barPressAgain, language)], .notice)
        case .cannotOpen: return ([tour.say(.barCannotOpen, language), tour.say(.barChooseAgain, language)], .notice)
        case .alreadyFollowing: return ([tour.say(.barFollowingGuide, language)], .notice)
        case .everyoneCalled: break
        case .noSuchGroup, .tooManyJoinAttempts, nil: break
        }
        switch state.visit.group.role {
        case .guide(let leadership):
            guard let code = leadership.code else {
                return leadership.orphans.isEmpty ? nil : ([tour.say(.barChooseGroup, language)], .notice)
            }
            let counts = leadership.counts
            // A pause asked matters most to a guide, by name; then whether everyone is here;
            // then where the others are, each participant counted in one place only.
            var parts: [String] = []
            // Everyone was just asked over: said first, with who is here so far.
            if case .everyoneCalled(let number) = state.visit.group.notice {
                parts.append(tour.say(.barEveryoneCalled, language, "\(number)"))
            }
            if leadership.members.contains(where: \.pause) { parts.append(tour.say(.barPauseBy, language, tour.names(asking: leadership.members, language))) }
            parts += [tour.say(.barGroup, language, GroupVisit.display(code)),
                      tour.say(.barHere, language, "\(counts.here)", "\(counts.participants)")]
            let elsewhere: [(Int, Message)] = [(counts.atDoor, .barAtDoor), (counts.steppedOut, .barSteppedOut),
                                               (counts.gettingReady, .barReadingAdvisory), (counts.elsewhere, .barElsewhere),
                                               // Connections that have not yet joined: a guide sees them, and a flood of them.
                                               (counts.connecting, .barConnecting)]
            for (count, message) in elsewhere where count > 0 { parts.append(tour.say(message, language, "\(count)")) }
            if leadership.waitForEveryone { parts.append(tour.say(.barWaiting, language)) }
            return (parts, counts.pauses > 0 ? .notice : .strong)
        case .participant(let participation):
            if participation.guideLostAt != nil, participation.handingOver {
                return ([tour.say(.barHandingOver, language), tour.say(.barWaitingForGuide, language)], .notice)
            }
            if participation.guideLostAt != nil {
                return ([tour.say(.barGuideLost, language), tour.say(.barWaitingForGuide, language)], .notice)
            }
            switch participation.following {
            case .gettingReady:
                return ([tour.say(.barGettingReady, language, GroupVisit.display(participation.code)),
                         tour.say(.barContinueToJoin, language)], .strong)
            // The guide asked everyone over; not in the quiet room, which nothing disturbs.
            case .away where participation.call != nil && state.visit.place.kind != .remembrance:
                return ([tour.say(.barGuideCalls, language, tour.stopNumber(of: participation.call)),
                         tour.say(.barGoThere, language)], .notice)
            case .away:
                return ([tour.say(.barSteppedAway, language), tour.say(.barBackToGuide, language)], .notice)
            case .following where participation.pause:
                return ([tour.say(.barPauseAsked, language), tour.say(.barWithdrawPause, language)], .notice)
            case .following:
                return ([tour.say(.barFollowingGuide, language), tour.say(.barAskPause, language)], .strong)
            }
        case .ended(.guideEnded): return ([tour.say(.barGuideEnded, language), tour.say(.barGoOnAlone, language)], .notice)
        case .ended(.guideDidNotReturn):
            return ([tour.say(.barGuideDidNotReturn, language), tour.say(.barGoOnAlone, language)], .notice)
        case .none, .joining: return nil
        }
    }
}
