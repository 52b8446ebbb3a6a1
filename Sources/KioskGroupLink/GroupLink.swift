import KioskCore
import KioskGroup
import Logging

/// A visit's connection to its group, for the session loop: it does what the tour asks
/// (`Tour.groupRequest`), tells the other kiosks what changed, and turns what they say into
/// `GroupEvent`s. The session waits on `descriptors` along with the terminal.
public final class GroupLink {
    public let directory: GroupDirectory
    private let tour: Tour
    private let logger: Logger
    private var host: GuideHost?
    private var participant: ParticipantLink?

    public init(directory: GroupDirectory, tour: Tour, logger: Logger) {
        self.directory = directory
        self.tour = tour
        self.logger = logger
    }

    /// The sockets to wait on.
    public var descriptors: [Int32] { (host?.descriptors ?? []) + (participant?.descriptors ?? []) }

    /// Rounds of `exchange`, their events reduced into `state`, until nothing more comes (a
    /// join answered, then the first status sent), a few rounds at most. Call it after every
    /// change of state and whenever a descriptor is readable.
    public func exchange(_ state: inout TourState, now: Instant) {
        for _ in 0..<4 {
            let events = exchange(state, now: now)
            if events.isEmpty { return }
            for event in events { tour.reduce(&state, .group(event)) }
        }
    }

    /// One round: requests carried out, news out and in; the events go to `Tour.reduce`.
    func exchange(_ state: TourState, now: Instant) -> [GroupEvent] {
        var events: [GroupEvent] = []
        switch tour.groupRequest(state) {
        case .join(let code) where participant?.code != code:
            participant?.close()
            participant = ParticipantLink.join(code, in: directory, logger: logger)
            events.append(participant == nil ? .noSuchGroup(code) : .joined(code))
        case .open(let opening) where host == nil:
            switch opening {
            case .new: host = GuideHost.openNew(in: directory, logger: logger)
            case .takeBack(let orphan): host = GuideHost.takeBack(orphan.code, in: directory, logger: logger)
            }
            events.append(host.map { .opened($0.code) } ?? .cannotOpen)
        default:
            break
        }
        switch state.group.role {
        case .participant:
            guard let participant else { break }
            for event in participant.service(now: now) {
                // The tour ignores it; the operator hears of it.
                if case .guideMoved(let place) = event, tour.screenKind(for: place) == nil {
                    logger.warning("group \(participant.code): ignored a place from the guide: this pack has no such hall or exhibit")
                }
                events.append(event)
            }
            if let status = tour.participantStatus(state) { participant.publish(status) }
        case .guide:
            guard let host else { break }
            if let counts = host.service(place: tour.guidePlace(of: state.place.kind), now: now) { events.append(.counts(counts)) }
        case .joining:
            // Just connected: the tour takes the answer in with this round's events.
            break
        case .none, .ended:
            participant?.close()
            participant = nil
        }
        return events
    }

    /// The visit is over. A guide who quit ends the group; one whose connection dropped (or
    /// who was told to stop) leaves it for a minute, to be taken back.
    public func close(endingGroup: Bool) {
        if endingGroup { host?.end() } else { host?.leave() }
        host = nil
        participant?.close()
        participant = nil
    }
}
