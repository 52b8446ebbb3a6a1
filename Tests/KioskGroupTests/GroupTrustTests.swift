import Foundation
import Glibc
import KioskCore
@testable import KioskGroupLink
import Logging
import Synchronization
import Testing

/// Issue 11: what a participant, or anyone who can reach the group directory, cannot do to a
/// group: impersonate its guide, fill it with silent connections, flood its guide or its log,
/// guess its code.
@Suite struct GroupTrustTests {
    /// The socket of a group is trusted only when the process listening on it runs as the
    /// directory's owner, the guides' account (SO_PEERCRED): here the directory changes hands
    /// under a live group, as if another account had put its own socket there.
    @Test(.enabled(if: getuid() == 0, "needs root, to give the directory to another account"))
    func aSocketNotListenedToByTheDirectorysOwnerIsRefused() throws {
        let directory = TemporaryDirectory()
        let (guide, _, code) = try group(in: directory.path, participants: 0)
        defer { withExtendedLifetime(guide) {} }
        #expect(chown(directory.path, 65534, 65534) == 0)
        let visitor = Kiosk(directory: directory.path, group: .join(code))
        #expect(visitor.state.visit.group.notice == .noSuchGroup(code), "followed an impostor")
        #expect(visitor.log.all.contains { $0.contains("refused the socket at \(directory.path)/\(code).sock: it is not a guide's") },
                "\(visitor.log.all)")
    }

    /// A connection that never says where it is holds a place for a few seconds only, and the
    /// guide sees it meanwhile.
    @Test func aSilentConnectionIsSeenAndLetGo() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, code) = try group(in: directory.path, participants: 1)
        defer { withExtendedLifetime(participants) {} }
        let silent = (0..<3).map { _ in rawConnection(to: "\(directory.path)/\(code).sock") }
        defer { silent.forEach { close($0) } }
        settle([guide])
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 1, following: 1, here: 1, pauses: 0, connecting: 3))
        guide.advance(milliseconds: 5_100)
        settle([guide])
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 1, following: 1, here: 1, pauses: 0, connecting: 0))
        #expect(guide.log.all.contains { $0.contains("let a participant go: it did not say where it is within 5 seconds") })
    }

    /// A group takes as many participants as it is given (--group-size), connecting ones too.
    @Test func aGroupTakesItsSizeAndNoMore() throws {
        let directory = TemporaryDirectory()
        let log = LogRecord()
        let link = GroupLink(directory: GroupDirectory(path: directory.path), tour: TestTour.tour, logger: log.logger, groupSize: 2)
        let now = Instant(milliseconds: 1_000_000)
        guard case .opened(let code)? = link.perform(.open(.new), now: now).first else {
            Issue.record("no group opened")
            return
        }
        let connections = (0..<3).map { _ in rawConnection(to: "\(directory.path)/\(code).sock") }
        defer { connections.forEach { close($0) } }
        usleep(20_000)
        let counts = link.service(now: now).compactMap { event -> GroupCounts? in
            if case .counts(let counts, _) = event { return counts }
            return nil
        }
        #expect(counts.last?.connecting == 2)
        #expect(log.all.contains { $0.contains("the group is full (2): a participant was turned away") })
    }

    /// New connections are taken in at most 40 a second, 16 a wake-up: a flood of them waits in
    /// the listen queue, and the guide's kiosk does not even wake for it until the next second.
    @Test func connectionsAreTakenInAtABoundedRate() throws {
        let directory = TemporaryDirectory()
        let link = GroupLink(directory: GroupDirectory(path: directory.path), tour: TestTour.tour, logger: LogRecord().logger)
        let now = Instant(milliseconds: 1_000_000)
        guard case .opened(let code)? = link.perform(.open(.new), now: now).first else {
            Issue.record("no group opened")
            return
        }
        let connections = (0..<60).map { _ in rawConnection(to: "\(directory.path)/\(code).sock") }
        defer { connections.forEach { close($0) } }
        func connecting(at time: Instant) -> Int? {
            link.service(now: time).compactMap { event -> Int? in
                if case .counts(let counts, _) = event { return counts.connecting }
                return nil
            }.last
        }
        #expect(connecting(at: now) == 16)
        for _ in 0..<4 { _ = link.service(now: now) }
        #expect(link.descriptors.count == 40, "the listener is not waited on for the rest of the second")
        #expect(link.nextDeadline == now.adding(seconds: 1))
        #expect(connecting(at: now.adding(seconds: 1)) == 56)
    }

    /// 16 KiB of empty lines is 16,384 bad messages: the sender is let go at the fifth, and the
    /// log has a handful of lines, not one a message.
    @Test func aFloodOfJunkWritesAFewLogLines() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, code) = try group(in: directory.path, participants: 1)
        defer { withExtendedLifetime(participants) {} }
        let before = guide.log.all.count
        var rogues: [Int32] = []
        defer { rogues.forEach { close($0) } }
        for _ in 0..<20 {
            let rogue = rawConnection(to: "\(directory.path)/\(code).sock")
            rogues.append(rogue)
            write(String(repeating: "\n", count: 16 * 1024), to: rogue)
        }
        settle([guide], rounds: 10)
        let lines = guide.log.all.count - before
        #expect(lines <= 21, "\(lines) log lines")
        #expect(guide.state.visit.group.leadership?.counts.participants == 1)
        guide.advance(milliseconds: 61_000)
        #expect(guide.log.all.last?.contains("more warnings like these in a minute") == true, "\(guide.log.all.suffix(2))")
        // The guide still leads.
        guide.press(.character("n"))
        settle([guide] + participants)
        #expect(participants[0].state.visit.place.kind == .exhibit(0, 0))
    }

    /// Codes cannot be tried one after another: three wrong ones freely, then a wait that
    /// doubles; and the host's bucket holds every session to 60 wrong codes a minute.
    @Test func wrongCodesAreLimitedPerSession() throws {
        let directory = TemporaryDirectory()
        let log = LogRecord()
        let link = GroupLink(directory: GroupDirectory(path: directory.path), tour: TestTour.tour, logger: log.logger)
        var now = Instant(milliseconds: 1_000_000)
        func attempt() -> GroupEvent? { link.perform(.join("123456"), now: now).first }
        for _ in 0..<4 { #expect(attempt() == .noSuchGroup("123456")) }
        #expect(attempt() == .tooManyJoinAttempts("123456", seconds: 2))
        now = now.adding(seconds: 2)
        #expect(attempt() == .noSuchGroup("123456"))
        #expect(attempt() == .tooManyJoinAttempts("123456", seconds: 4))
        #expect(log.all.contains { $0.contains("a join was refused for 4 s: too many wrong codes (5 in this session)") })
        // At most about a wrong code a minute after that.
        var tried = 0
        for _ in 0..<600 {
            now = now.adding(seconds: 1)
            if attempt() == .noSuchGroup("123456") { tried += 1 }
        }
        #expect(tried <= 15, "\(tried) wrong codes in ten minutes")
    }

    @Test func wrongCodesAreLimitedPerHost() throws {
        let directory = TemporaryDirectory()
        // The host's bucket, as the deploy makes it, empty: every session waits.
        let now = Instant(milliseconds: 1_000_000)
        let bucket = directory.path + "/join-attempts"
        try "0.0 \(now.milliseconds)\n".write(toFile: bucket, atomically: false, encoding: .utf8)
        let link = GroupLink(directory: GroupDirectory(path: directory.path), tour: TestTour.tour, logger: LogRecord().logger)
        #expect(link.perform(.join("123456"), now: now).first == .tooManyJoinAttempts("123456", seconds: 1))
        // Refilled at one a second: 60 sessions' first tries in the next minute, not more.
        var tried = 0
        for second in 1...60 {
            for _ in 0..<5 {
                let fresh = GroupLink(directory: GroupDirectory(path: directory.path), tour: TestTour.tour, logger: LogRecord().logger)
                if fresh.perform(.join("123456"), now: now.adding(seconds: Double(second))).first == .noSuchGroup("123456") { tried += 1 }
            }
        }
        #expect(tried == 60, "\(tried) wrong codes in a minute from 300 sessions")
    }

    /// The state file a guide keeps is never empty while it is rewritten (a guide looking for
    /// orphans at that moment would find no place).
    @Test func theStateFileIsNeverSeenEmpty() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/123456.state"
        let state = try #require(StateFile.open(path, creating: true))
        state.write(.welcome)
        let stop = Atomic(false)
        let empty = Atomic(0)
        let thread = Thread {
            let descriptor = open(path, O_RDONLY)
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 600)
            while !stop.load(ordering: .relaxed) {
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
                if count <= 0 || buffer[0] != UInt8(ascii: "{") { empty.add(1, ordering: .relaxed) }
            }
        }
        thread.start()
        for index in 0..<20_000 { state.write(index % 2 == 0 ? .end : .welcome) }
        stop.store(true, ordering: .relaxed)
        usleep(10_000)
        #expect(empty.load(ordering: .relaxed) == 0)
    }
}
