import KioskCore
import Testing
@testable import KioskGroup

/// The messages between kiosks: what is sent, and what is refused.
@Suite struct GroupWireTests {
    static let stop = GuidePlace.stop(hall: "khojaly", exhibit: "02-report", more: true)

    func decode(_ text: String) -> Result<GroupMessage, MessageProblem> { GroupWire.decode(Array(text.utf8)) }

    @Test(arguments: [
        GroupMessage.guide(stop), .guide(.welcome), .guide(.advisory), .guide(.end), .gather(stop), .farewell("Thank you «all»"), .handOver,
        .guide(.stop(hall: "entrance", exhibit: nil, more: false)), .end,
        .status(ParticipantStatus(place: stop, following: true, pause: false)),
        .status(ParticipantStatus(place: nil, following: false, pause: true)), .tour("short"), .reading(block: 7),
        .status(ParticipantStatus(place: stop, following: true, pause: false, spot: .door, name: "Gülnarə")),
        .status(ParticipantStatus(place: nil, following: false, pause: true, spot: .steppedOut, name: "Анна Мария")),
    ])
    func everyMessageSurvivesTheWire(message: GroupMessage) throws {
        let line = GroupWire.encode(message)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.count < 250)
        #expect(GroupWire.decode(line.dropLast()) == .success(message))
    }

    @Test func theLineIsPlainVersionedJSON() {
        #expect(String(decoding: GroupWire.encode(.end), as: UTF8.self) == "{\"type\":\"end\",\"v\":2}\n")
        #expect(String(decoding: GroupWire.encode(.tour("young")), as: UTF8.self) == "{\"tour\":\"young\",\"type\":\"tour\",\"v\":2}\n")
    }

    /// Version 2 added the guide's tour; a kiosk of version 1 says the rest the same way, and
    /// is understood.
    @Test func aMessageOfTheVersionBeforeToursIsRead() {
        #expect(decode("{\"v\":1,\"type\":\"end\"}") == .success(.end))
        #expect(decode("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"end\"}}") == .success(.guide(.end)))
    }

    @Test(arguments: [
        ("{\"v\":3,\"type\":\"end\"}", MessageProblem.unsupportedVersion(3)),
        ("{\"v\":0,\"type\":\"end\"}", .unsupportedVersion(0)),
        ("{\"v\":1,\"type\":\"tour\",\"tour\":\"short\"}", .unknownType),
        ("{\"v\":2,\"type\":\"tour\"}", .invalid("tour")),
        ("{\"v\":2,\"type\":\"tour\",\"tour\":\"../etc\"}", .invalid("tour")),
        ("{\"type\":\"end\"}", .notJSON),
        ("not json", .notJSON),
        ("", .notJSON),
        ("[1,2]", .notJSON),
        ("{\"v\":2,\"type\":\"reading\",\"block\":-1}", .invalid("block")),
        ("{\"v\":2,\"type\":\"reading\"}", .invalid("block")),
        ("{\"v\":1,\"type\":\"shell\"}", .unknownType),
        ("{\"v\":1,\"type\":\"guide\"}", .invalid("place")),
        ("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"stop\",\"hall\":\"../etc\",\"more\":false}}", .invalid("hall")),
        ("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"stop\",\"hall\":\"Khojaly\",\"more\":false}}", .invalid("hall")),
        ("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"stop\",\"hall\":\"a\",\"exhibit\":\"\\u001b[2J\",\"more\":false}}", .invalid("exhibit")),
        ("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"stop\",\"hall\":\"a\"}}", .invalid("more")),
        ("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"welcome\",\"hall\":\"a\"}}", .invalid("place")),
        ("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"roof\"}}", .invalid("place")),
        ("{\"v\":1,\"type\":\"status\",\"pause\":false}", .invalid("following")),
        ("{\"v\":1,\"type\":\"status\",\"following\":1,\"pause\":false}", .notJSON),
        ("{\"v\":1,\"type\":\"status\",\"following\":true}", .invalid("pause")),
        ("{\"v\":1,\"type\":\"status\",\"following\":true,\"pause\":false,\"at\":\"roof\"}", .invalid("at")),
    ])
    func aBadMessageIsRefusedWithItsReason(text: String, problem: MessageProblem) {
        #expect(decode(text) == .failure(problem))
    }

    /// A status of a kiosk from before names and spots is still understood: on a page, no name.
    /// What a kiosk from before gathering and closing words reads of them: a move, an end.
    @Test func theNewMessagesAreOldOnesWithOptionalFields() {
        #expect(String(decoding: GroupWire.encode(.gather(.end)), as: UTF8.self) == "{\"gather\":true,\"place\":{\"kind\":\"end\"},\"type\":\"guide\",\"v\":2}\n")
        #expect(String(decoding: GroupWire.encode(.farewell("Bye")), as: UTF8.self) == "{\"closing\":\"Bye\",\"type\":\"end\",\"v\":2}\n")
        #expect(decode("{\"v\":1,\"type\":\"end\",\"closing\":\"\\u001b[2J\"}") == .success(.farewell("[2J")), "cleaned on arrival")
        #expect(decode("{\"v\":1,\"type\":\"end\",\"closing\":\"\\u0007\"}") == .success(.end), "nothing left: a plain end")
    }

    @Test func aStatusWithoutTheNewFieldsMeansWhatItAlwaysDid() {
        #expect(decode("{\"v\":1,\"type\":\"status\",\"following\":true,\"pause\":false}")
            == .success(.status(ParticipantStatus(place: nil, following: true, pause: false))))
    }

    /// A name reaches the guide's terminal: whatever a peer sends, it arrives cleaned like pack
    /// text (no escapes, no bidirectional overrides, no control characters) and bounded.
    @Test(arguments: [
        ("\\u001b]52;c;aGk=\\u0007Anna", "]52;c;aGk=Anna"),
        ("\\u202eannA", "annA"),
        ("  Ivan \\n\\t Petrov  ", "Ivan Petrov"),
        ("\\u0000\\u0008", nil),
        (String(repeating: "x", count: 100), String(repeating: "x", count: GroupVisit.nameLength)),
        ("e" + String(repeating: "\\u0301", count: 40), nil),
    ] as [(String, String?)])
    func aNameIsCleanedOnArrival(sent: String, shown: String?) {
        let decoded = decode("{\"v\":1,\"type\":\"status\",\"following\":true,\"pause\":false,\"name\":\"\(sent)\"}")
        #expect(decoded == .success(.status(ParticipantStatus(place: nil, following: true, pause: false, name: shown))))
    }

    @Test func anIDLongerThanAnyPacksIsRefused() {
        let long = String(repeating: "a", count: 65)
        #expect(decode("{\"v\":1,\"type\":\"guide\",\"place\":{\"kind\":\"stop\",\"hall\":\"\(long)\",\"more\":false}}") == .failure(.invalid("hall")))
    }

    @Test func aMessageOverTheLimitIsNotEvenParsed() {
        let padding = String(repeating: " ", count: GroupWire.maximumBytes)
        #expect(decode("{\"v\":1,\"type\":\"end\"\(padding)}") == .failure(.tooLong(limit: GroupWire.maximumBytes)))
    }

    @Test func problemsAreSaidInWords() {
        #expect(MessageProblem.unsupportedVersion(7).description == "protocol version 7, this kiosk speaks 2")
    }
}

@Suite struct LineFramerTests {
    @Test func linesComeWholeHoweverTheBytesArrive() {
        var framer = LineFramer(limit: 16)
        #expect(framer.feed(Array("ab".utf8)).isEmpty)
        #expect(framer.feed(Array("c\nde\n\nf".utf8)) == [.success(Array("abc".utf8)), .success(Array("de".utf8)), .success([])])
        #expect(framer.feed(Array("\n".utf8)) == [.success(Array("f".utf8))])
    }

    @Test func aLineTooLongIsReportedOnceAndSkippedToItsEnd() {
        var framer = LineFramer(limit: 8)
        let results = framer.feed(Array(String(repeating: "x", count: 30).utf8) + Array("\nok\n".utf8))
        #expect(results == [.failure(.tooLong(limit: 8)), .success(Array("ok".utf8))])
    }
}

@Suite struct RosterTests {
    static let hall = GuidePlace.stop(hall: "archive", exhibit: nil, more: false)
    static let ledger = GuidePlace.stop(hall: "archive", exhibit: "01-ledger", more: false)
    static let garden = GuidePlace.stop(hall: "garden", exhibit: nil, more: false)

    @Test func eachParticipantIsCountedInOnePlace() {
        var roster = Roster()
        roster.guideMoved(to: Self.hall, now: Instant(milliseconds: 0))
        roster.update(1, ParticipantStatus(place: Self.hall, following: true, pause: false, name: "Anna"), now: Instant(milliseconds: 0))
        roster.update(2, ParticipantStatus(place: .stop(hall: "archive", exhibit: nil, more: true), following: true, pause: true),
                      now: Instant(milliseconds: 0))
        roster.update(3, ParticipantStatus(place: Self.garden, following: false, pause: false), now: Instant(milliseconds: 0))
        #expect(roster.counts == GroupCounts(participants: 3, following: 2, here: 2, pauses: 1, elsewhere: 1))
        roster.update(3, ParticipantStatus(place: Self.hall, following: true, pause: false), now: Instant(milliseconds: 0))
        #expect(roster.counts == GroupCounts(participants: 3, following: 3, here: 3, pauses: 1))
        roster.remove(2, now: Instant(milliseconds: 0))
        roster.guideMoved(to: Self.garden, now: Instant(milliseconds: 0))
        #expect(roster.counts == GroupCounts(participants: 2, following: 2, elsewhere: 2))
        #expect(roster.members.map(\.whereabouts) == [.elsewhere(Self.hall), .gone, .elsewhere(Self.hall)])
        #expect(roster.members.map(\.name) == ["Anna", nil, nil])
    }

    /// Issue 15: a participant still reading the advisories at the door of the guide's stop
    /// was counted as here.
    @Test func aParticipantAtTheDoorOfTheGuidesStopIsNotHere() {
        var roster = Roster()
        roster.guideMoved(to: Self.ledger, now: Instant(milliseconds: 0))
        roster.update(1, ParticipantStatus(place: Self.ledger, following: true, pause: false, spot: .door), now: Instant(milliseconds: 0))
        roster.update(2, ParticipantStatus(place: Self.ledger, following: true, pause: false), now: Instant(milliseconds: 0))
        roster.update(3, ParticipantStatus(place: nil, following: false, pause: false, spot: .steppedOut), now: Instant(milliseconds: 0))
        roster.update(4, ParticipantStatus(place: .advisory, following: false, pause: false), now: Instant(milliseconds: 0))
        #expect(roster.counts == GroupCounts(participants: 4, following: 2, here: 1, atDoor: 1, steppedOut: 1, gettingReady: 1))
        #expect(!roster.counts.everyoneReady)
    }

    @Test func sinceIsWhenTheirPlaceBesideTheGuideChanged() {
        var roster = Roster()
        roster.guideMoved(to: Self.hall, now: Instant(milliseconds: 0))
        roster.update(1, ParticipantStatus(place: Self.hall, following: true, pause: false), now: Instant(milliseconds: 1000))
        roster.update(1, ParticipantStatus(place: .stop(hall: "archive", exhibit: nil, more: true), following: true, pause: true),
                      now: Instant(milliseconds: 2000))
        #expect(roster.members.first?.since == Instant(milliseconds: 1000), "reading more, or asking a pause, is still here")
        roster.guideMoved(to: Self.garden, now: Instant(milliseconds: 3000))
        #expect(roster.members.first?.since == Instant(milliseconds: 3000))
        #expect(roster.members.first?.whereabouts == .elsewhere(Self.hall))
    }

    @Test func theGoneAreKeptToABound() {
        var roster = Roster()
        for participant in 1...(Roster.goneKept + 10) {
            roster.update(participant, ParticipantStatus(place: .welcome, following: false, pause: false), now: Instant(milliseconds: 0))
            roster.remove(participant, now: Instant(milliseconds: 0))
        }
        #expect(roster.members.count == Roster.goneKept)
        #expect(roster.members.first?.number == 11)
    }
}
