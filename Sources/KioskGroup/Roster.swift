import KioskCore

/// The guide's tally of the group: the last status of each connected participant, counted
/// without names. A connection counts once it has said where it is.
public struct Roster: Sendable {
    private var statuses: [Int: ParticipantStatus] = [:]

    public init() {}

    public mutating func update(_ participant: Int, _ status: ParticipantStatus) {
        statuses[participant] = status
    }

    /// A participant left: their signals go with them.
    public mutating func remove(_ participant: Int) {
        statuses[participant] = nil
    }

    /// The counts the guide sees while at `place`.
    public func counts(guideAt place: GuidePlace?) -> GroupCounts {
        var counts = GroupCounts(participants: statuses.count)
        let gathering = place?.gathering
        for status in statuses.values {
            if status.following { counts.following += 1 }
            if status.pause { counts.pauses += 1 }
            if let gathering, status.place?.gathering == gathering { counts.here += 1 }
        }
        return counts
    }
}
