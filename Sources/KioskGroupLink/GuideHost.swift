import Glibc
import KioskCore
import KioskGroup
import Logging

/// The guide's end of a group: listens at the group's socket, tells every participant where
/// the group is, and tallies what they say. A participant who drops out or misbehaves is let
/// go without disturbing the others.
final class GuideHost {
    let code: String
    private let directory: GroupDirectory
    private let listener: LocalSocket
    private let state: StateFile
    private let logger: Logger
    private var peers: [Int: Peer] = [:]
    private var nextPeer = 1
    private var roster = Roster()
    private var place: GuidePlace?
    /// The tour the guide chose for the group.
    private var tour: String?
    private var counts = GroupCounts()
    private var lastBeat: Instant?

    /// More participants than a guide can lead are turned away.
    static let maximumParticipants = 250
    /// How often the state file is touched while the guide is there.
    static let heartbeatSeconds = 10.0

    private init(code: String, directory: GroupDirectory, listener: LocalSocket, state: StateFile, logger: Logger) {
        self.code = code
        self.directory = directory
        self.listener = listener
        self.state = state
        self.logger = logger
    }

    /// Opens a new group with a fresh code.
    static func openNew(in directory: GroupDirectory, logger: Logger) -> GuideHost? {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let code = String(Int.random(in: 100_000...999_999, using: &generator))
            // O_EXCL: a code in use, or just left by its guide, is never handed out again.
            guard let state = StateFile.open(directory.statePath(code), creating: true) else { continue }
            return open(code, state: state, in: directory, logger: logger)
        }
        logger.error("cannot open a group in \(directory.path): no free code (errno \(errno))")
        return nil
    }

    /// Takes back a group whose guide is gone, if nobody else has already.
    static func takeBack(_ code: String, in directory: GroupDirectory, logger: Logger) -> GuideHost? {
        guard GroupVisit.isCode(code), let state = StateFile.open(directory.statePath(code), creating: false),
              state.lock() else {
            logger.warning("group \(code) cannot be taken back: it is gone, or another guide has it")
            return nil
        }
        return open(code, state: state, in: directory, logger: logger)
    }

    private static func open(_ code: String, state: StateFile, in directory: GroupDirectory, logger: Logger) -> GuideHost? {
        guard state.lock() else { return nil }
        let path = directory.socketPath(code)
        // The socket a dropped guide left behind (nobody listens: its state file was unlocked).
        unlink(path)
        switch LocalSocket.listen(at: path) {
        case .success(let listener):
            state.touch()
            logger.info("group \(code) open at \(path)")
            return GuideHost(code: code, directory: directory, listener: listener, state: state, logger: logger)
        case .failure(let error):
            logger.error("cannot listen at \(path): \(error)")
            unlink(directory.statePath(code))
            return nil
        }
    }

    var descriptors: [Int32] { [listener.descriptor] + peers.values.map(\.descriptor) }

    /// Tells everyone where the guide is, when it changed.
    func announce(_ newPlace: GuidePlace, now: Instant) {
        guard newPlace != place else { return }
        place = newPlace
        state.write(newPlace)
        lastBeat = now
        for (id, peer) in peers where !peer.send(.guide(newPlace)) { drop(id, "it does not read") }
    }

    /// Tells everyone the tour the guide chose, when it changed.
    func announce(tour newTour: String) {
        guard newTour != tour else { return }
        tour = newTour
        for (id, peer) in peers where !peer.send(.tour(newTour)) { drop(id, "it does not read") }
    }

    /// When the state file is next touched, to show the guide is still there.
    var nextDeadline: Instant? { lastBeat?.adding(seconds: Self.heartbeatSeconds) }

    /// Keeps the state file fresh, takes in new participants and their news, and returns the
    /// counts when they changed.
    func service(now: Instant) -> GroupCounts? {
        if lastBeat.map({ now >= $0.adding(seconds: Self.heartbeatSeconds) }) ?? true {
            state.touch()
            lastBeat = now
        }
        accept()
        for (id, peer) in peers {
            let (received, reason) = peer.receive(now: now)
            for item in received {
                switch item {
                case .message(.status(let status)): roster.update(id, status)
                case .message(let other): logger.warning("group \(code): dropped a message from a participant: \(kind(of: other)) is the guide's to send")
                case .refused(let problem): logger.warning("group \(code): dropped a message from a participant: \(problem)")
                }
            }
            if peer.isClosed { drop(id, reason) } else if !peer.flush() { drop(id, "it does not read") }
        }
        let newCounts = roster.counts(guideAt: place)
        guard newCounts != counts else { return nil }
        counts = newCounts
        return newCounts
    }

    private func kind(of message: GroupMessage) -> String {
        switch message {
        case .guide: return "a place"
        case .tour: return "a tour"
        case .end: return "an end"
        case .status: return "a status"
        }
    }

    private func accept() {
        while let socket = listener.accept() {
            guard peers.count < Self.maximumParticipants else {
                logger.warning("group \(code) is full (\(Self.maximumParticipants)): a participant was turned away")
                socket.close()
                continue
            }
            let peer = Peer(socket)
            if let tour { peer.send(.tour(tour)) }
            if let place { peer.send(.guide(place)) }
            peers[nextPeer] = peer
            nextPeer += 1
        }
    }

    private func drop(_ id: Int, _ reason: String?) {
        peers[id]?.close()
        peers[id] = nil
        roster.remove(id)
        if let reason { logger.warning("group \(code): let a participant go: \(reason)") }
    }

    /// The guide ended the group: everyone is told, and the group is gone.
    func end() {
        for peer in peers.values { peer.send(.end) }
        unlink(directory.socketPath(code))
        unlink(directory.statePath(code))
        close()
    }

    /// The guide's connection dropped: the group stays for a minute for them to take back.
    func leave() {
        state.touch()
        close()
    }

    private func close() {
        for peer in peers.values { peer.close() }
        peers = [:]
        listener.close()
        state.close()
    }
}
