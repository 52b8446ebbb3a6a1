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
    /// When each connection that has not yet said where it is was taken in.
    private var connecting: [Int: Instant] = [:]
    private var nextPeer = 1
    private var roster = Roster()
    private var place: GuidePlace?
    /// The tour the guide chose for the group.
    private var tour: String?
    private var counts = GroupCounts()
    private var members: [GroupMember] = []
    private var lastBeat: Instant?
    /// Participants this group takes (`--group-size`), connecting ones included.
    private let size: Int
    /// Warnings about participants, at most so many a minute (`LogLimit`).
    private var warnings: LogLimit

    /// The most participants a guide can lead, and the default size of a group.
    static let maximumParticipants = 250
    /// How often the state file is touched while the guide is there.
    static let heartbeatSeconds = 10.0
    /// A connection must say where it is (its first status) this soon, or it is let go: a
    /// participant's kiosk says so at once, so a silent one holds a place for nothing.
    static let handshakeSeconds = 5.0
    /// Bytes read from all participants together in one wake-up, and connections taken in:
    /// a flood waits for the next wake-up instead of holding the guide's keys.
    static let readBudget = 32 * 1024
    static let acceptsPerWake = 16
    /// New connections taken in a second: a class of 30 joining together is in within a
    /// second; a flood of connections made and dropped again waits in the listen queue, and
    /// the guide does not wake for it until the next second.
    static let acceptsPerSecond = 40
    /// The second being counted, and the connections taken in it.
    private var acceptWindow: Instant?
    private var acceptedInWindow = 0

    private init(code: String, directory: GroupDirectory, listener: LocalSocket, state: StateFile, logger: Logger, size: Int) {
        self.code = code
        self.directory = directory
        self.listener = listener
        self.state = state
        self.logger = logger
        self.size = size
        warnings = LogLimit(logger: logger, perMinute: 20, subject: "group \(code)")
    }

    /// Opens a new group with a fresh code.
    static func openNew(in directory: GroupDirectory, logger: Logger, size: Int = maximumParticipants) -> GuideHost? {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let code = String(Int.random(in: 100_000...999_999, using: &generator))
            // O_EXCL: a code in use, or just left by its guide, is never handed out again.
            guard let state = StateFile.open(directory.statePath(code), creating: true) else { continue }
            return open(code, state: state, in: directory, logger: logger, size: size)
        }
        logger.error("cannot open a group in \(directory.path): no free code (errno \(errno))")
        return nil
    }

    /// Opens the group with a code fixed in advance: a new group, or, when this account's guide
    /// left that group a moment ago, that group taken back (its place comes with it). A live
    /// group with the code, or another account's, is not touched.
    static func openFixed(_ code: String, in directory: GroupDirectory, logger: Logger,
                          size: Int = maximumParticipants) -> (host: GuideHost, resumed: OrphanGroup?)? {
        guard GroupVisit.isCode(code) else { return nil }
        // Sweeps away a group with the code left longer than a minute ago (yesterday's tour).
        let orphan = directory.orphans().first { $0.code == code }
        if let state = StateFile.open(directory.statePath(code), creating: true) {
            return open(code, state: state, in: directory, logger: logger, size: size).map { ($0, nil) }
        }
        guard let orphan else {
            logger.warning("group \(code) cannot be opened: a guide is leading it")
            return nil
        }
        return takeBack(code, in: directory, logger: logger, size: size).map { ($0, orphan) }
    }

    /// Takes back a group whose guide is gone, if nobody else has already.
    static func takeBack(_ code: String, in directory: GroupDirectory, logger: Logger, size: Int = maximumParticipants) -> GuideHost? {
        guard GroupVisit.isCode(code), let state = StateFile.open(directory.statePath(code), creating: false),
              state.owner == geteuid(), state.lock() else {
            logger.warning("group \(code) cannot be taken back: it is gone, or another guide has it")
            return nil
        }
        return open(code, state: state, in: directory, logger: logger, size: size)
    }

    private static func open(_ code: String, state: StateFile, in directory: GroupDirectory, logger: Logger, size: Int) -> GuideHost? {
        guard state.lock() else { return nil }
        let path = directory.socketPath(code)
        // The socket a dropped guide left behind (nobody listens: its state file was unlocked).
        unlink(path)
        switch LocalSocket.listen(at: path) {
        case .success(let listener):
            state.touch()
            logger.info("group \(code) open at \(path)")
            GroupJoinLimit.prepare(directory)
            return GuideHost(code: code, directory: directory, listener: listener, state: state, logger: logger, size: size)
        case .failure(let error):
            logger.error("cannot listen at \(path): \(error)")
            unlink(directory.statePath(code))
            return nil
        }
    }

    /// The sockets to wait on: the listener only while this second has room for new
    /// connections.
    var descriptors: [Int32] {
        (acceptedInWindow < Self.acceptsPerSecond ? [listener.descriptor] : []) + peers.values.map(\.descriptor)
    }

    /// Tells everyone where the guide is, when it changed.
    func announce(_ newPlace: GuidePlace, now: Instant) {
        guard newPlace != place else { return }
        place = newPlace
        roster.guideMoved(to: newPlace, now: now)
        state.write(newPlace)
        lastBeat = now
        for (id, peer) in peers where !peer.send(.guide(newPlace)) { drop(id, "it does not read", now: now) }
    }

    /// Tells everyone the tour the guide chose, when it changed.
    func announce(tour newTour: String, now: Instant) {
        guard newTour != tour else { return }
        tour = newTour
        for (id, peer) in peers where !peer.send(.tour(newTour)) { drop(id, "it does not read", now: now) }
    }

    /// Tells everyone the block at the top of the guide's page, as the guide scrolls.
    func announce(reading block: Int, now: Instant) {
        for (id, peer) in peers where !peer.send(.reading(block: block)) { drop(id, "it does not read", now: now) }
    }

    /// Asks everyone to the guide's place, followers and those looking around alike.
    func gather(at newPlace: GuidePlace, now: Instant) {
        announce(newPlace, now: now)
        for (id, peer) in peers where !peer.send(.gather(newPlace)) { drop(id, "it does not read", now: now) }
    }

    /// When the state file is next touched, to show the guide is still there.
    var nextDeadline: Instant? {
        let heartbeat = lastBeat?.adding(seconds: Self.heartbeatSeconds)
        // A paused listener is taken up again when its second is over.
        guard acceptedInWindow >= Self.acceptsPerSecond, let window = acceptWindow else { return heartbeat }
        return [heartbeat, window.adding(seconds: 1)].compactMap { $0 }.min()
    }

    /// Keeps the state file fresh, takes in new participants and their news, and returns the
    /// counts and the roster when they changed.
    func service(now: Instant) -> (counts: GroupCounts, members: [GroupMember])? {
        if lastBeat.map({ now >= $0.adding(seconds: Self.heartbeatSeconds) }) ?? true {
            state.touch()
            lastBeat = now
        }
        accept(now: now)
        // Each participant in turn, from a different one each wake-up, within one budget for
        // all: no participant, and no flood, takes the guide's whole wake-up.
        var budget = Self.readBudget
        let order = peers.keys.sorted()
        let start = order.isEmpty ? 0 : Int(now.milliseconds % Int64(order.count))
        for id in order[start...] + order[..<start] {
            guard let peer = peers[id] else { continue }
            let (received, reason) = peer.receive(now: now, budget: min(budget, Peer.readBudget))
            budget -= peer.lastRead
            for item in received {
                switch item {
                case .message(.status(let status)):
                    roster.update(id, status, now: now)
                    connecting[id] = nil
                case .message(let other): warnings.warn("dropped a message from a participant: \(kind(of: other)) is the guide's to send", now: now)
                case .refused(let problem): warnings.warn("dropped a message from a participant: \(problem)", now: now)
                }
            }
            if peer.isClosed {
                drop(id, reason, now: now)
            } else if !peer.flush() {
                drop(id, "it does not read", now: now)
            } else if let since = connecting[id], now >= since.adding(seconds: Self.handshakeSeconds) {
                drop(id, "it did not say where it is within \(Int(Self.handshakeSeconds)) seconds", now: now)
            }
            if budget <= 0 { break }
        }
        warnings.flush(now: now)
        var newCounts = roster.counts
        newCounts.connecting = connecting.count
        let newMembers = roster.members
        guard newCounts != counts || newMembers != members else { return nil }
        counts = newCounts
        members = newMembers
        return (newCounts, newMembers)
    }

    private func kind(of message: GroupMessage) -> String {
        switch message {
        case .guide, .gather: return "a place"
        case .tour: return "a tour"
        case .reading: return "a reading place"
        case .end, .farewell, .handOver: return "an end"
        case .status: return "a status"
        }
    }

    /// Takes in new connections, a few a wake-up: from the kiosk's accounts only (the kernel
    /// says who connected), and while the group has room.
    private func accept(now: Instant) {
        if acceptWindow.map({ $0.milliseconds(until: now) >= 1000 }) ?? true {
            acceptWindow = now
            acceptedInWindow = 0
        }
        for _ in 0..<Self.acceptsPerWake where acceptedInWindow < Self.acceptsPerSecond {
            guard let socket = listener.accept() else { return }
            acceptedInWindow += 1
            guard isParticipant(socket.peer) else {
                warnings.warn("turned away a connection from user \(socket.peer.map { String($0.user) } ?? "unknown"): not one of the kiosk's accounts", now: now)
                socket.close()
                continue
            }
            guard peers.count < size else {
                warnings.warn("the group is full (\(size)): a participant was turned away", now: now)
                socket.close()
                continue
            }
            let peer = Peer(socket)
            if let tour { peer.send(.tour(tour)) }
            if let place { peer.send(.guide(place)) }
            peers[nextPeer] = peer
            connecting[nextPeer] = now
            nextPeer += 1
        }
    }

    /// A participant runs as this guide's account, or in the directory's group (the kiosk's
    /// accounts); nobody else, whatever the directory's permissions have become.
    private func isParticipant(_ credentials: (user: uid_t, group: gid_t)?) -> Bool {
        guard let credentials else { return false }
        if credentials.user == geteuid() { return true }
        guard let owner = directory.owner else { return false }
        return credentials.group == owner.group
    }

    private func drop(_ id: Int, _ reason: String?, now: Instant) {
        peers[id]?.close()
        peers[id] = nil
        connecting[id] = nil
        roster.remove(id, now: now)
        if let reason { warnings.warn("let a participant go: \(reason)", now: now) }
    }

    /// The guide ended the group, with closing words or without: everyone is told, and the
    /// group is gone.
    func end(closing words: String? = nil) {
        for peer in peers.values { peer.send(words.map(GroupMessage.farewell) ?? .end) }
        unlink(directory.socketPath(code))
        unlink(directory.statePath(code))
        close()
    }

    /// The guide hands the group to a colleague: the participants are told, and the group
    /// stays, as for a guide whose connection dropped, for the colleague to take back.
    func handOver() {
        for peer in peers.values {
            peer.send(.handOver)
        }
        leave()
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
