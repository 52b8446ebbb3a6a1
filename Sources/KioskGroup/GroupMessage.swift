// FoundationEssentials, not Foundation: the whole of Foundation brings ICU, 4 MB more in every
// session (docs/performance.md).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KioskCore

/// A message between the kiosks of one group tour, one JSON object a line on a local socket.
public enum GroupMessage: Hashable, Sendable {
    /// Guide to participants: where the group is now.
    case guide(GuidePlace)
    /// Guide to participants: the tour the guide chose for the group, by its id in the pack
    /// (version 2).
    case tour(String)
    /// Guide to participants: everyone is asked to the guide's place. On the wire, a `guide`
    /// message with `gather`, which a kiosk that does not know it takes for a move.
    case gather(GuidePlace)
    /// Guide to participants: the block of the page at the top of the guide's screen, so a
    /// long page is read together (a block, not a line: participants read it in their own
    /// language, at their own width). A new type: a kiosk that does not know it drops it.
    case reading(block: Int)
    /// Guide to participants: the guide ended the group.
    case end
    /// Guide to participants: the guide is handing the group to a colleague, whose kiosk will
    /// take it back (a new type: a kiosk that does not know it drops it and sees the guide go).
    case handOver
    /// Guide to participants: the guide ended the group with a few closing words. On the
    /// wire, an `end` with its `closing` field, which a kiosk that does not know it ignores.
    case farewell(String)
    /// Participant to guide: where they are, whether they follow, whether they need a pause.
    case status(ParticipantStatus)
}

/// Why a message was dropped. Said in the log, never on a visitor's screen.
public enum MessageProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case tooLong(limit: Int)
    case notJSON
    case unsupportedVersion(Int)
    case unknownType
    case invalid(String)

    public var description: String {
        switch self {
        case .tooLong(let limit): return "longer than \(limit) bytes"
        case .notJSON: return "not a JSON message of the group protocol"
        case .unsupportedVersion(let version): return "protocol version \(version), this kiosk speaks \(GroupWire.version)"
        case .unknownType: return "a message type this kiosk does not know"
        case .invalid(let field): return "an invalid '\(field)'"
        }
    }
}

/// The wire format: versioned, size-limited, checked field by field. Peers are other kiosk
/// processes, but a message is still treated as untrusted input.
public enum GroupWire {
    /// Version 2 added the guide's tour; a message of version 1, from a kiosk before tours,
    /// means what it did, and is read.
    public static let version = 2
    static let readableVersions = 1...version
    /// The longest message, newline included. Real ones are under 250 bytes (a status with
    /// the longest name and ids).
    public static let maximumBytes = 512
    /// The highest block of a page accepted: far beyond any page's.
    static let maximumBlock = 100_000
    /// The longest hall or exhibit id accepted.
    static let maximumIDLength = 64

    private struct Envelope: Codable {
        var v: Int
        var type: String
    }

    private struct WirePlace: Codable {
        var kind: String
        var hall: String?
        var exhibit: String?
        var more: Bool?
    }

    private struct WireMessage: Codable {
        var v: Int
        var type: String
        var place: WirePlace?
        var tour: String?
        var following: Bool?
        var pause: Bool?
        // Added within version 1, optional both ways: a kiosk that does not know a field
        // ignores it (JSONDecoder skips unknown keys), and its absence means what it always did.
        /// A status's spot: "door" or "quiet"; absent on a page.
        var at: String?
        /// A status's first name, as the participant gave it.
        var name: String?
        /// An end's closing words, as the guide wrote them.
        var closing: String?
        /// A guide's place that everyone is asked to.
        var gather: Bool?
        /// The block at the top of the guide's screen (`reading`).
        var block: Int?
    }

    /// The message as one line, newline included.
    public static func encode(_ message: GroupMessage) -> [UInt8] {
        let wire: WireMessage
        switch message {
        case .guide(let place):
            wire = WireMessage(v: version, type: "guide", place: wirePlace(place))
        case .tour(let id):
            wire = WireMessage(v: version, type: "tour", tour: id)
        case .gather(let place):
            wire = WireMessage(v: version, type: "guide", place: wirePlace(place), gather: true)
        case .reading(let block):
            wire = WireMessage(v: version, type: "reading", block: block)
        case .end:
            wire = WireMessage(v: version, type: "end")
        case .handOver:
            wire = WireMessage(v: version, type: "handover")
        case .farewell(let words):
            wire = WireMessage(v: version, type: "end", closing: words)
        case .status(let status):
            wire = WireMessage(v: version, type: "status", place: status.place.map(wirePlace),
                               following: status.following, pause: status.pause, at: wireSpot(status.spot), name: status.name)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        let data = (try? encoder.encode(wire)) ?? Data()
        return Array(data) + [UInt8(ascii: "\n")]
    }

    /// One line, without its newline, as a message, or why it is refused.
    public static func decode(_ line: some Collection<UInt8>) -> Result<GroupMessage, MessageProblem> {
        guard line.count < maximumBytes else { return .failure(.tooLong(limit: maximumBytes)) }
        let data = Data(line)
        let decoder = JSONDecoder()
        guard let envelope = try? decoder.decode(Envelope.self, from: data) else { return .failure(.notJSON) }
        guard readableVersions.contains(envelope.v) else { return .failure(.unsupportedVersion(envelope.v)) }
        guard let wire = try? decoder.decode(WireMessage.self, from: data) else { return .failure(.notJSON) }
        switch wire.type {
        case "guide":
            guard let place = wire.place else { return .failure(.invalid("place")) }
            return guidePlace(place).map(wire.gather == true ? GroupMessage.gather : GroupMessage.guide)
        case "tour" where envelope.v >= 2:
            guard let tour = wire.tour, isID(tour) else { return .failure(.invalid("tour")) }
            return .success(.tour(tour))
        case "handover":
            return .success(.handOver)
        case "reading":
            guard let block = wire.block, (0...maximumBlock).contains(block) else { return .failure(.invalid("block")) }
            return .success(.reading(block: block))
        case "end":
            // Words shown on every participant's screen: cleaned here whatever the guide sent.
            return .success(wire.closing.flatMap(GroupVisit.cleanClosingWords).map(GroupMessage.farewell) ?? .end)
        case "status":
            guard let following = wire.following else { return .failure(.invalid("following")) }
            guard let pause = wire.pause else { return .failure(.invalid("pause")) }
            guard let spot = spot(wire.at) else { return .failure(.invalid("at")) }
            // A name is shown on the guide's terminal: cleaned here whatever the sender did.
            let name = wire.name.flatMap(GroupVisit.cleanName)
            guard let place = wire.place else {
                return .success(.status(ParticipantStatus(place: nil, following: following, pause: pause, spot: spot, name: name)))
            }
            return guidePlace(place).map {
                .status(ParticipantStatus(place: $0, following: following, pause: pause, spot: spot, name: name))
            }
        default:
            return .failure(.unknownType)
        }
    }

    private static func wirePlace(_ place: GuidePlace) -> WirePlace {
        switch place {
        case .welcome: return WirePlace(kind: "welcome")
        case .advisory: return WirePlace(kind: "advisory")
        case .end: return WirePlace(kind: "end")
        case .stop(let hall, let exhibit, let more): return WirePlace(kind: "stop", hall: hall, exhibit: exhibit, more: more)
        }
    }

    private static func wireSpot(_ spot: ParticipantSpot) -> String? {
        switch spot {
        case .page: return nil
        case .door: return "door"
        case .steppedOut: return "quiet"
        }
    }

    private static func spot(_ wire: String?) -> ParticipantSpot? {
        switch wire {
        case nil: return .page
        case "door"?: return .door
        case "quiet"?: return .steppedOut
        default: return nil
        }
    }

    private static func guidePlace(_ wire: WirePlace) -> Result<GuidePlace, MessageProblem> {
        let isStop = wire.kind == "stop"
        if !isStop, wire.hall != nil || wire.exhibit != nil || wire.more != nil { return .failure(.invalid("place")) }
        switch wire.kind {
        case "welcome": return .success(.welcome)
        case "advisory": return .success(.advisory)
        case "end": return .success(.end)
        case "stop":
            guard let hall = wire.hall, isID(hall) else { return .failure(.invalid("hall")) }
            if let exhibit = wire.exhibit, !isID(exhibit) { return .failure(.invalid("exhibit")) }
            guard let more = wire.more else { return .failure(.invalid("more")) }
            return .success(.stop(hall: hall, exhibit: wire.exhibit, more: more))
        default:
            return .failure(.invalid("place"))
        }
    }

    /// A pack id as the loader accepts it: lower-case ASCII letters, digits and hyphens.
    static func isID(_ text: String) -> Bool {
        text.utf8.count <= maximumIDLength && PackNames.isValidID(text)
    }
}
