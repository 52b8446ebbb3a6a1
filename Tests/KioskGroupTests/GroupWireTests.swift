import KioskCore
import Testing
@testable import KioskGroup

/// The messages between kiosks: what is sent, and what is refused.
@Suite struct GroupWireTests {
    static let stop = GuidePlace.stop(hall: "khojaly", exhibit: "02-report", more: true)

    func decode(_ text: String) -> Result<GroupMessage, MessageProblem> { GroupWire.decode(Array(text.utf8)) }

    @Test(arguments: [
        GroupMessage.guide(stop), .guide(.welcome), .guide(.advisory), .guide(.end),
        .guide(.stop(hall: "entrance", exhibit: nil, more: false)), .end,
        .status(ParticipantStatus(place: stop, following: true, pause: false)),
        .status(ParticipantStatus(place: nil, following: false, pause: true)), .tour("short"),
    ])
    func everyMessageSurvivesTheWire(message: GroupMessage) throws {
        let line = GroupWire.encode(message)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.count < 150)
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
    ])
    func aBadMessageIsRefusedWithItsReason(text: String, problem: MessageProblem) {
        #expect(decode(text) == .failure(problem))
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

    @Test func theGuideSeesCountsOnly() {
        var roster = Roster()
        roster.update(1, ParticipantStatus(place: Self.hall, following: true, pause: false))
        roster.update(2, ParticipantStatus(place: .stop(hall: "archive", exhibit: nil, more: true), following: true, pause: true))
        roster.update(3, ParticipantStatus(place: .stop(hall: "garden", exhibit: nil, more: false), following: false, pause: false))
        #expect(roster.counts(guideAt: Self.hall) == GroupCounts(participants: 3, following: 2, here: 2, pauses: 1))
        roster.update(3, ParticipantStatus(place: Self.hall, following: true, pause: false))
        #expect(roster.counts(guideAt: Self.hall) == GroupCounts(participants: 3, following: 3, here: 3, pauses: 1))
        roster.remove(2)
        #expect(roster.counts(guideAt: .stop(hall: "garden", exhibit: nil, more: false)) == GroupCounts(participants: 2, following: 2, here: 0, pauses: 0))
    }
}
