import Foundation
import Glibc
import KioskCore
import KioskGroupLink
import KioskRuntime
import Testing

/// Group tours over real local sockets in a directory of the test's own, several kiosks in
/// one test process, each with its own link, as separate processes would have.
@Suite struct GroupLinkTests {
    /// A guide hands the group to a colleague: the participants are told, and follow the
    /// colleague's session once it takes the group back, at the stop it was left at.
    @Test func aGuideHandsTheGroupToAColleague() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, code) = try group(in: directory.path, participants: 1)
        guide.press(.character("h"))
        #expect(guide.state.visit.overlay?.kind == .handOver)
        guide.press(.enter)
        #expect(guide.runtime.ending == .tour(.visitorLeft))
        settle(participants)
        #expect(participants[0].state.visit.group.participation?.handingOver == true)
        let colleague = Kiosk(directory: directory.path, group: .lead(orphans: GroupDirectory(path: directory.path).orphans()))
        colleague.press(.enter)
        #expect(colleague.code == code)
        #expect(colleague.state.visit.place.kind == .hall(0))
        participants[0].advance(milliseconds: 600)
        settle([colleague] + participants)
        #expect(participants[0].state.visit.group.participation?.handingOver == false)
        colleague.press(.character("n"))
        settle([colleague] + participants)
        #expect(participants[0].state.visit.place.kind == .exhibit(0, 0))
    }

    /// A code fixed in advance opens the group, is refused to a second guide while the first
    /// leads, and brings the first back to their own group after a dropped connection.
    @Test func aFixedCodeOpensAGroupAndItsGuideResumesIt() throws {
        let directory = TemporaryDirectory()
        let guide = Kiosk(directory: directory.path, group: .leadWithCode("150301"))
        #expect(guide.code == "150301")
        let other = Kiosk(directory: directory.path, group: .leadWithCode("150301"))
        #expect(other.code == nil)
        #expect(other.state.visit.group.notice == .cannotOpen, "a live group's code is not taken")
        other.link.close()
        guide.press(.enter, .enter, .character("n"))
        let participant = Kiosk(directory: directory.path, group: .join("150301"))
        settle([guide, participant])
        participant.press(.enter)
        settle([guide, participant])
        #expect(participant.state.visit.place.kind == .exhibit(0, 0))

        guide.link.close()
        settle([participant])
        #expect(participant.state.visit.group.participation?.guideLostAt != nil)
        let back = Kiosk(directory: directory.path, group: .leadWithCode("150301"))
        #expect(back.code == "150301")
        #expect(back.state.visit.place.kind == .exhibit(0, 0), "at the stop the group was left at")
        participant.advance(milliseconds: 600)
        settle([back, participant])
        #expect(participant.state.visit.group.participation?.guideLostAt == nil, "the participants find their guide again")
        back.press(.character("n"))
        settle([back, participant])
        #expect(participant.state.visit.place.kind == back.state.visit.place.kind)
    }

    /// A participant's name, cleaned, and their pause reach the guide, and the pause rings the
    /// guide's terminal bell, once.
    @Test func aPauseAskedByNameRingsTheGuidesBellOnce() throws {
        let directory = TemporaryDirectory()
        let guide = Kiosk(directory: directory.path, group: .lead(orphans: []))
        let code = try #require(guide.code)
        let participant = Kiosk(directory: directory.path, group: nil)
        participant.press(.down, .enter)
        for character in code { participant.press(.character(character)) }
        participant.press(.enter)
        #expect(participant.state.visit.group.namingStep, "the code, then the name")
        for character in "\u{1B}[2JAnna" { participant.press(.character(character)) }
        participant.press(.enter)
        settle([guide, participant])
        participant.press(.enter)
        guide.press(.enter)
        settle([guide, participant])
        #expect(guide.state.visit.group.leadership?.members.map(\.name) == ["[2JAnna"], "the escape is gone")
        #expect(guide.front.bells == 0)
        participant.press(.character("w"))
        settle([guide, participant])
        #expect(guide.front.bells == 1)
        #expect(guide.state.visit.group.leadership?.members.map(\.pause) == [true])
        guide.exchange()
        #expect(guide.front.bells == 1, "once")
    }

    @Test func aGuideOpensAGroupAndParticipantsFollow() throws {
        let directory = TemporaryDirectory()
        let guide = Kiosk(directory: directory.path, group: .lead(orphans: []))
        let code = try #require(guide.code)
        #expect(GroupVisit.isCode(code))

        let participant = Kiosk(directory: directory.path, group: .join(code))
        #expect(participant.state.visit.group.participation?.code == code)
        #expect(participant.state.visit.place.kind == .tourAdvisory)

        guide.press(.enter, .character("n"))
        settle([guide, participant])
        participant.press(.enter)
        settle([guide, participant])
        #expect(participant.state.visit.place.kind == .hall(0))
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 1, following: 1, here: 1, pauses: 0))

        guide.press(.character("n"))
        settle([guide, participant])
        #expect(participant.state.visit.place.kind == .exhibit(0, 0))
        #expect(!guide.log.all.contains { $0.hasPrefix("warning") }, "\(guide.log.all)")
    }
}

/// A guide leads a group on the short tour: the participants hear the guide's choice, follow
/// its own order, and one who stepped away goes on along it.
@Suite struct GroupTourChoiceTests {
    @Test func aGuideLeadsAGroupOnTheShortTour() throws {
        let directory = TemporaryDirectory()
        let guide = Kiosk(directory: directory.path, group: .lead(orphans: []), tour: TestTour.tours)
        let code = try #require(guide.code)
        let participant = Kiosk(directory: directory.path, language: "az", group: .join(code), tour: TestTour.tours)
        settle([guide, participant])
        #expect(participant.state.visit.place.kind == .tourAdvisory, "a participant does not choose a tour")

        guide.press(.enter)
        #expect(guide.state.visit.place.kind == .chooseTour)
        guide.press(.down, .enter)
        settle([guide, participant])
        #expect(guide.state.visit.tour.index == 1)
        #expect(participant.state.visit.tour.index == 1, "the guide's tour is the group's")

        guide.press(.enter)
        participant.press(.enter)
        settle([guide, participant])
        #expect(participant.state.visit.place.kind == .hall(0))
        // The short tour's own order: the entrance, the copper tray (through its hall's door),
        // the plan of the floor, the garden.
        guide.press(.character("n"), .enter)
        settle([guide, participant])
        participant.press(.enter)
        settle([guide, participant])
        #expect(guide.state.visit.place.kind == .exhibit(2, 0))
        #expect(participant.state.visit.place.kind == .exhibit(2, 0))
        guide.press(.character("n"))
        settle([guide, participant])
        #expect(participant.state.visit.place.kind == .exhibit(0, 0))
        // A participant who steps away and presses n goes on along the guide's tour.
        participant.press(.character("1"), .character("1"), .character("0"), .enter, .enter)
        #expect(participant.state.visit.place.kind == .hall(1), "through its door")
        #expect(participant.state.visit.group.participation?.following == .away)
        participant.press(.character("n"))
        #expect(participant.state.visit.place.kind == .hall(3))
        #expect(!guide.log.all.contains { $0.hasPrefix("warning") } && !participant.log.all.contains { $0.hasPrefix("warning") })
    }

    /// Someone who joins after the guide chose hears the tour before the place.
    @Test func aLateJoinerHearsTheTourToo() throws {
        let directory = TemporaryDirectory()
        let guide = Kiosk(directory: directory.path, group: .lead(orphans: []), tour: TestTour.tours)
        let code = try #require(guide.code)
        guide.press(.enter, .down, .down, .enter)
        let participant = Kiosk(directory: directory.path, group: .join(code), tour: TestTour.tours)
        settle([guide, participant])
        #expect(participant.state.visit.tour.index == 2)
    }
}

/// A group with a guide at the entrance hall and `count` participants following.
func group(in directory: String, participants count: Int) throws -> (guide: Kiosk, participants: [Kiosk], code: String) {
    let guide = Kiosk(directory: directory, group: .lead(orphans: []))
    let code = try #require(guide.code)
    guide.press(.enter, .enter)
    var participants: [Kiosk] = []
    for _ in 0..<count {
        let participant = Kiosk(directory: directory, group: .join(code))
        participants.append(participant)
        settle([guide, participant])
        participant.press(.enter)
    }
    settle([guide] + participants)
    return (guide, participants, code)
}

/// A raw socket to a group, standing for a peer that does not play by the rules.
func rawConnection(to path: String) -> Int32 {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        let bytes = Array(path.utf8)
        raw.copyBytes(from: bytes)
        raw[bytes.count] = 0
    }
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    return descriptor
}

func write(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
}

@Suite struct GroupLinkFailureTests {
    @Test func badMessagesAreDroppedAndLoggedAndTheirSenderLetGo() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, code) = try group(in: directory.path, participants: 1)
        let rogue = rawConnection(to: "\(directory.path)/\(code).sock")
        defer { close(rogue) }
        write("{\"v\":1,\"type\":\"status\",\"following\":true,\"pause\":true}\n", to: rogue)
        settle([guide])
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 2, following: 2, here: 1, pauses: 1, gettingReady: 1),
                "a status with no place is not at a stop")
        write("\u{1B}[2J not json\n{\"v\":9,\"type\":\"end\"}\n{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"end\"}}\n", to: rogue)
        settle([guide])
        let warnings = guide.log.all.filter { $0.hasPrefix("warning") }
        #expect(warnings.contains { $0.contains("dropped a message from a participant: not a JSON message of the group protocol") })
        #expect(warnings.contains { $0.contains("protocol version 9, this kiosk speaks 2") })
        #expect(warnings.contains { $0.contains("a place is the guide's to send") })
        #expect(!warnings.contains { $0.contains("\u{1B}") }, "nothing a peer sent is logged raw")
        write(String(repeating: "x", count: 2000) + "\n" + "{}\n{}\n", to: rogue)
        settle([guide])
        #expect(guide.log.all.contains { $0.contains("let a participant go: 5 bad messages") })
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 1, following: 1, here: 1, pauses: 0),
                "the rogue's pause went with it")
        // The rest of the group goes on.
        guide.press(.character("n"))
        settle([guide] + participants)
        #expect(participants[0].state.visit.place.kind == .exhibit(0, 0))
    }

    @Test func aFloodIsCutOff() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, code) = try group(in: directory.path, participants: 1)
        let rogue = rawConnection(to: "\(directory.path)/\(code).sock")
        defer { close(rogue) }
        defer { withExtendedLifetime(participants) {} }
        let status = "{\"v\":1,\"type\":\"status\",\"following\":true,\"pause\":true}\n"
        write(String(repeating: status, count: 60), to: rogue)
        settle([guide])
        #expect(guide.log.all.contains { $0.contains("more than 50 messages a second") })
        #expect(guide.state.visit.group.leadership?.counts.participants == 1)
    }

    @Test func aParticipantWhoDropsOutDoesNotDisturbTheGroup() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, _) = try group(in: directory.path, participants: 3)
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 3, following: 3, here: 3, pauses: 0))
        participants[1].link.close()
        guide.press(.character("n"))
        settle([guide, participants[0], participants[2]])
        #expect(guide.state.visit.group.leadership?.counts == GroupCounts(participants: 2, following: 2, here: 2, pauses: 0))
        #expect(participants[0].state.visit.place.kind == .exhibit(0, 0))
        #expect(participants[2].state.visit.place.kind == .exhibit(0, 0))
    }

    @Test func aGuideWhoComesBackWithinAMinuteTakesTheGroupBack() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, code) = try group(in: directory.path, participants: 2)
        guide.press(.character("n"))
        settle([guide] + participants)
        participants[1].press(.character("n"))
        // The guide's connection drops.
        guide.link.close()
        settle(participants)
        #expect(participants.allSatisfy { $0.state.visit.group.participation?.guideLostAt != nil })

        let orphans = GroupDirectory(path: directory.path).orphans()
        #expect(orphans == [OrphanGroup(code: code, place: .stop(hall: "entrance", exhibit: "01-plan", more: false))])
        let returning = Kiosk(directory: directory.path, group: .lead(orphans: orphans))
        returning.press(.enter)
        #expect(returning.code == code)
        #expect(returning.state.visit.place.kind == .exhibit(0, 0))
        // Participants look for the guide every half second.
        for participant in participants { participant.advance(milliseconds: 600) }
        settle([returning] + participants)
        #expect(participants.allSatisfy { $0.state.visit.group.participation?.guideLostAt == nil })
        #expect(returning.state.visit.group.leadership?.counts == GroupCounts(participants: 2, following: 1, here: 1, pauses: 0, atDoor: 1),
                "one had walked off to the next hall's door, and is still there")
        returning.press(.character("n"))
        settle([returning] + participants)
        // The archive has advisories: the participant stops at its door first.
        if case .hallAdvisory(.hall(1), _) = participants[0].state.visit.place.kind {} else {
            Issue.record("the participant is at \(participants[0].state.visit.place.kind), not at the archive's door")
        }
        #expect(participants[1].state.visit.group.participation?.following == .away)
    }

    @Test func aGuideWhoQuitsEndsTheGroupAndLeavesNothingBehind() throws {
        let directory = TemporaryDirectory()
        let (guide, participants, _) = try group(in: directory.path, participants: 2)
        guide.press(.character("q"))
        for character in "Thank you" { guide.press(.character(character)) }
        guide.press(.enter)
        #expect(guide.runtime.ending == .tour(.visitorLeft))
        settle(participants)
        #expect(participants.allSatisfy { $0.state.visit.group.role == .ended(.guideEnded) })
        #expect(participants.allSatisfy { $0.state.visit.group.closingWords == "Thank you" && $0.state.visit.overlay?.kind == .groupEnded })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["join-attempts"],
                "only the host's count of wrong codes stays")
        #expect(GroupDirectory(path: directory.path).orphans().isEmpty)
    }

    /// A group another guide has just made, before it is locked and has a place, is not
    /// swept away by a guide looking for orphans at that moment.
    @Test func aGroupBeingMadeIsNotSweptAway() throws {
        let directory = TemporaryDirectory()
        let state = "\(directory.path)/123456.state"
        #expect(FileManager.default.createFile(atPath: state, contents: nil, attributes: [.posixPermissions: 0o600]))
        #expect(GroupDirectory(path: directory.path).orphans().isEmpty)
        #expect(FileManager.default.fileExists(atPath: state))
    }

    @Test func aWrongCodeFindsNoGroup() {
        let directory = TemporaryDirectory()
        let visitor = Kiosk(directory: directory.path, group: .join("123456"))
        #expect(visitor.state.visit.group.role == .none)
        #expect(visitor.state.visit.group.notice == .noSuchGroup("123456"))
        #expect(visitor.log.all == ["info: no group 123456 to join in \(directory.path)"])
    }

    /// A group that cannot be reached is no group to the visitor, but the operator's log says
    /// why: here a directory whose path is too long for a socket's address.
    @Test func aGroupThatCannotBeReachedIsLoggedWithTheReason() {
        let directory = TemporaryDirectory()
        let deep = directory.path + "/" + String(repeating: "d", count: 120)
        let visitor = Kiosk(directory: deep, group: .join("123456"))
        #expect(visitor.state.visit.group.notice == .noSuchGroup("123456"))
        #expect(visitor.log.all == ["warning: group 123456: cannot join at \(deep)/123456.sock: File name too long"])
    }

    @Test func aGroupLeftLongerThanAMinuteAgoIsGoneForGood() throws {
        let directory = TemporaryDirectory()
        let (guide, _, code) = try group(in: directory.path, participants: 1)
        guide.link.close()
        let state = "\(directory.path)/\(code).state"
        var times = [timespec(tv_sec: time(nil) - 61, tv_nsec: 0), timespec(tv_sec: time(nil) - 61, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, state, &times, 0) == 0)
        #expect(GroupDirectory(path: directory.path).orphans().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["join-attempts"],
                "only the host's count of wrong codes stays")
    }

    @Test func aLiveGroupIsNoOrphanAndItsCodeIsNotHandedOutAgain() throws {
        let directory = TemporaryDirectory()
        let (guide, _, code) = try group(in: directory.path, participants: 0)
        defer { withExtendedLifetime(guide) {} }
        #expect(GroupDirectory(path: directory.path).orphans().isEmpty)
        let thief = Kiosk(directory: directory.path, group: .lead(orphans: [OrphanGroup(code: code, place: .welcome)]))
        thief.press(.enter)
        #expect(thief.code == nil)
        #expect(thief.state.visit.group.notice == .cannotOpen)
    }
}
