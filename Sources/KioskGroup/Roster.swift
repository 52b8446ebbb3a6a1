import KioskCore

/// The guide's roster: each participant's last status, where that puts them beside the guide,
/// and since when. The counts and the roster's lines come from the one classification
/// (`whereabouts`), so "here: 2 of 3" and the lines always agree.
public struct Roster: Sendable {
    private struct Entry: Sendable {
        var status: ParticipantStatus
        var whereabouts: Whereabouts
        var since: Instant
    }

    private var entries: [Int: Entry] = [:]
    /// Who left, and when: the guide sees them as gone. The most recent `goneKept` only.
    private var gone: [(number: Int, name: String?, since: Instant)] = []
    private var guidePlace: GuidePlace?

    /// Participants who left, still shown as gone.
    static let goneKept = 50

    public init() {}

    /// A participant said where they are.
    public mutating func update(_ participant: Int, _ status: ParticipantStatus, now: Instant) {
        let whereabouts = Self.whereabouts(status, guideAt: guidePlace)
        if let entry = entries[participant], entry.whereabouts == whereabouts {
            entries[participant]?.status = status
        } else {
            entries[participant] = Entry(status: status, whereabouts: whereabouts, since: now)
        }
    }

    /// The guide moved: who is here, and who is not, is counted again from now.
    public mutating func guideMoved(to place: GuidePlace, now: Instant) {
        guidePlace = place
        for (participant, entry) in entries {
            let whereabouts = Self.whereabouts(entry.status, guideAt: place)
            if whereabouts != entry.whereabouts { entries[participant] = Entry(status: entry.status, whereabouts: whereabouts, since: now) }
        }
    }

    /// A participant left: their signals go with them; the guide sees them gone.
    public mutating func remove(_ participant: Int, now: Instant) {
        guard let entry = entries.removeValue(forKey: participant) else { return }
        gone.append((participant, entry.status.name, now))
        if gone.count > Self.goneKept { gone.removeFirst(gone.count - Self.goneKept) }
    }

    /// Where a participant with `status` is beside a guide at `place`.
    public static func whereabouts(_ status: ParticipantStatus, guideAt place: GuidePlace?) -> Whereabouts {
        switch status.spot {
        case .steppedOut: return .steppedOut
        case .door: return .atDoor(status.place?.gathering)
        case .page: break
        }
        switch status.place {
        case .welcome?, .advisory?, nil: return .gettingReady
        case let here? where here.gathering == place?.gathering: return .here
        case let elsewhere?: return .elsewhere(elsewhere.gathering)
        }
    }

    /// The counts the guide sees.
    public var counts: GroupCounts {
        var counts = GroupCounts(participants: entries.count)
        for entry in entries.values {
            if entry.status.following { counts.following += 1 }
            if entry.status.pause { counts.pauses += 1 }
            switch entry.whereabouts {
            case .here: counts.here += 1
            case .atDoor: counts.atDoor += 1
            case .steppedOut: counts.steppedOut += 1
            case .gettingReady: counts.gettingReady += 1
            case .elsewhere: counts.elsewhere += 1
            case .gone: break
            }
        }
        return counts
    }

    /// Everyone, in the order they joined, those gone included.
    public var members: [GroupMember] {
        let present = entries.map { number, entry in
            GroupMember(number: number, name: entry.status.name, whereabouts: entry.whereabouts, since: entry.since,
                        following: entry.status.following, pause: entry.status.pause)
        }
        let left = gone.map { GroupMember(number: $0.number, name: $0.name, whereabouts: .gone, since: $0.since, following: false, pause: false) }
        return (present + left).sorted { $0.number < $1.number }
    }
}
