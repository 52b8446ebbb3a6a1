import KioskCore
import KioskGroup
import Logging

/// A participant's end of a group: one connection to the guide's kiosk, made again while the
/// guide is away, so a guide who comes back finds the group where it was.
final class ParticipantLink {
    let code: String
    private let path: String
    private let logger: Logger
    private var peer: Peer?
    private var lastAttempt: Instant?
    private var status: ParticipantStatus?

    /// How often a lost guide is looked for.
    static let retryMilliseconds: Int64 = 500

    private let directory: GroupDirectory

    private init(code: String, path: String, peer: Peer, logger: Logger, directory: GroupDirectory) {
        self.code = code
        self.path = path
        self.peer = peer
        self.logger = logger
        self.directory = directory
    }

    /// Whether the process listening on `socket` is a guide's: it runs as the directory's owner,
    /// the only account that can make a group there (the kernel says who listens: SO_PEERCRED).
    /// Checked on every connection, the first and each one made again while the guide is away.
    static func isGuide(_ socket: LocalSocket, of directory: GroupDirectory) -> Bool {
        guard let listener = socket.peer, let owner = directory.owner else { return false }
        return listener.user == owner.user
    }

    /// Joins the group with `code`, or nil when there is no such group or it cannot be
    /// reached; the log tells the two apart, for the operator.
    static func join(_ code: String, in directory: GroupDirectory, logger: Logger) -> ParticipantLink? {
        let path = directory.socketPath(code)
        switch GroupVisit.isCode(code) ? LocalSocket.connect(to: path) : nil {
        case .success(let socket)? where isGuide(socket, of: directory):
            return ParticipantLink(code: code, path: path, peer: Peer(socket), logger: logger, directory: directory)
        case .success(let socket)?:
            logger.warning("group \(code): refused the socket at \(path): it is not a guide's (user \(socket.peer.map { String($0.user) } ?? "unknown") listens there)")
            socket.close()
        case .failure(let error)? where !error.meansNobodyListens:
            logger.warning("group \(code): cannot join at \(path): \(error)")
        default:
            logger.info("no group \(code) to join in \(directory.path)")
        }
        return nil
    }

    var descriptors: [Int32] { peer.map { [$0.descriptor] } ?? [] }

    /// While the guide is lost, when to look for them again.
    var nextDeadline: Instant? {
        guard peer == nil, let lastAttempt else { return nil }
        return Instant(milliseconds: lastAttempt.milliseconds + Self.retryMilliseconds)
    }

    /// News from the guide, checked; the loss of the guide, and their return.
    func service(now: Instant) -> [GroupEvent] {
        guard let peer else { return reconnect(now: now) }
        var events: [GroupEvent] = []
        let (received, reason) = peer.receive(now: now)
        for item in received {
            switch item {
            case .message(.guide(let place)): events.append(.guideMoved(place))
            case .message(.tour(let id)): events.append(.guideChoseTour(id))
            case .message(.reading(let block)): events.append(.guideReading(block))
            case .message(.gather(let place)): events.append(.gathered(place))
            case .message(.end): events.append(.groupEnded)
            case .message(.farewell(let words)): events.append(.farewell(words))
            case .message(.handOver): events.append(.handingOver)
            case .message(.status): logger.warning("group \(code): dropped a message from the guide: a status is a participant's to send")
            case .refused(let problem): logger.warning("group \(code): dropped a message from the guide: \(problem)")
            }
        }
        if !peer.isClosed { peer.flush() }
        if peer.isClosed {
            self.peer = nil
            lastAttempt = now
            if let reason { logger.warning("group \(code): left the guide: \(reason)") }
            if !events.contains(where: \.endsTheGroup) { events.append(.guideLost) }
        }
        return events
    }

    private func reconnect(now: Instant) -> [GroupEvent] {
        if let lastAttempt, lastAttempt.milliseconds(until: now) < Self.retryMilliseconds { return [] }
        lastAttempt = now
        guard case .success(let socket) = LocalSocket.connect(to: path) else { return [] }
        guard Self.isGuide(socket, of: directory) else {
            logger.warning("group \(code): refused the socket at \(path): it is not a guide's")
            socket.close()
            return []
        }
        let peer = Peer(socket)
        self.peer = peer
        if let status { peer.send(.status(status)) }
        return [.guideBack]
    }

    /// Tells the guide this participant's status, when it changed.
    func publish(_ newStatus: ParticipantStatus) {
        guard newStatus != status else { return }
        status = newStatus
        peer?.send(.status(newStatus))
    }

    func close() {
        peer?.close()
        peer = nil
    }
}
