import KioskCore
import KioskGroup
import Logging

/// A visit's connection to its group, for the runtime: it carries out what the tour asks
/// (`TourEffect.group`), answering at once where there is an answer, and turns what the other
/// kiosks say into `GroupEvent`s. The runtime waits on `descriptors` along with the terminal,
/// and calls `service` when one is readable or `nextDeadline` comes.
public final class GroupLink {
    public let directory: GroupDirectory
    private let tour: Tour
    private let logger: Logger
    private var host: GuideHost?
    private var participant: ParticipantLink?
    /// Participants a group opened here takes (`--group-size`).
    private let groupSize: Int
    private var joinLimit = GroupJoinLimit()

    /// The largest group a guide may lead.
    public static let largestGroup = GuideHost.maximumParticipants

    public init(directory: GroupDirectory, tour: Tour, logger: Logger, groupSize: Int = GroupLink.largestGroup) {
        self.directory = directory
        self.tour = tour
        self.logger = logger
        self.groupSize = min(max(1, groupSize), Self.largestGroup)
    }

    /// The sockets to wait on.
    public var descriptors: [Int32] { (host?.descriptors ?? []) + (participant?.descriptors ?? []) }

    /// When the link needs `service` whatever happens: the guide's heartbeat, or looking again
    /// for a guide who dropped.
    public var nextDeadline: Instant? {
        [host?.nextDeadline, participant?.nextDeadline].compactMap { $0 }.min()
    }

    /// Carries out a request of the tour; the answer, when it has one.
    public func perform(_ request: GroupRequest, now: Instant) -> [GroupEvent] {
        switch request {
        case .join(let code):
            participant?.close()
            participant = nil
            // Codes cannot be tried faster than a person types them (GroupJoinLimit).
            if let seconds = joinLimit.wait(now: now) ?? GroupJoinLimit.host(directory, now: now, spending: false).flatMap({ $0 > 0 ? $0 : nil }) {
                logger.warning("a join was refused for \(seconds) s: too many wrong codes (\(joinLimit.wrongCodes) in this session)")
                return [.tooManyJoinAttempts(code, seconds: seconds)]
            }
            participant = ParticipantLink.join(code, in: directory, logger: logger)
            if participant == nil {
                joinLimit.wrongCode(now: now)
                _ = GroupJoinLimit.host(directory, now: now, spending: true)
            }
            return [participant == nil ? .noSuchGroup(code) : .joined(code)]
        case .open(let opening):
            guard host == nil else { return [] }
            switch opening {
            case .new: host = GuideHost.openNew(in: directory, logger: logger, size: groupSize)
            case .takeBack(let orphan): host = GuideHost.takeBack(orphan.code, in: directory, logger: logger, size: groupSize)
            case .fixed(let code):
                let opened = GuideHost.openFixed(code, in: directory, logger: logger, size: groupSize)
                host = opened?.host
                if let resumed = opened?.resumed { return [.resumed(resumed)] }
            }
            return [host.map { .opened($0.code) } ?? .cannotOpen]
        case .report(let status):
            participant?.publish(status)
        case .announce(let place):
            host?.announce(place, now: now)
        case .announceTour(let id):
            host?.announce(tour: id, now: now)
        case .announceReading(let block):
            host?.announce(reading: block, now: now)
        case .gather(let place):
            host?.gather(at: place, now: now)
        case .leave:
            participant?.close()
            participant = nil
        case .end:
            host?.end()
            host = nil
        case .farewell(let words):
            host?.end(closing: words)
            host = nil
        case .handOver:
            host?.handOver()
            host = nil
        }
        return []
    }

    /// News from the other kiosks: what a readable socket brought, a guide lost or back, the
    /// group's counts when they changed.
    public func service(now: Instant) -> [GroupEvent] {
        var events: [GroupEvent] = []
        if let participant {
            for event in participant.service(now: now) {
                // The tour ignores it; the operator hears of it.
                if case .guideMoved(let place) = event, tour.screenKind(for: place) == nil {
                    logger.warning("group \(participant.code): ignored a place from the guide: this pack has no such hall or exhibit")
                }
                if case .guideChoseTour(let id) = event, !tour.pack.tours.contains(where: { $0.id == id }) {
                    logger.warning("group \(participant.code): ignored the guide's tour: this pack has no such tour")
                }
                events.append(event)
            }
        }
        if let tally = host?.service(now: now) { events.append(.counts(tally.counts, members: tally.members)) }
        return events
    }

    /// The session is over without the tour ending the group (a hangup, a signal): a guide's
    /// group stays a minute, to be taken back.
    public func close() {
        host?.leave()
        host = nil
        participant?.close()
        participant = nil
    }
}
