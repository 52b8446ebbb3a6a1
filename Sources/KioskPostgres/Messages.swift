/// The frontend/backend protocol, version 3.0: what we send and what the server answers, as
/// bytes. Parsing is total: any input either parses or throws a protocol violation; nothing
/// read off the network is unwrapped by force or indexed unchecked.

/// The largest message we accept from a server: a row of a remembrance book is a few
/// kilobytes; a longer one is a broken or hostile server, refused before its body is read.
let maximumBackendMessage = 64 << 20

/// The most row data one result may hold; past it the rest of the result is read and dropped
/// (the connection stays usable) and the statement fails.
let maximumResultBytes = 256 << 20

/// Reads a message body front to back, throwing at the first byte that is not there.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    var isAtEnd: Bool { index == bytes.endIndex }
    var remaining: Int { bytes.endIndex - index }

    mutating func byte() throws(PostgresError) -> UInt8 {
        guard index < bytes.endIndex else { throw .protocolViolation("a message ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func int16() throws(PostgresError) -> Int16 {
        let high = try byte(), low = try byte()
        return Int16(bitPattern: UInt16(high) << 8 | UInt16(low))
    }

    mutating func int32() throws(PostgresError) -> Int32 {
        var value: UInt32 = 0
        for _ in 0..<4 { value = value << 8 | UInt32(try byte()) }
        return Int32(bitPattern: value)
    }

    mutating func take(_ count: Int) throws(PostgresError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw .protocolViolation("a length runs past its message") }
        defer { index += count }
        return bytes[index..<(index + count)]
    }

    /// A NUL-terminated string, decoded as UTF-8 (the client encoding we ask for).
    mutating func cString() throws(PostgresError) -> String {
        guard let end = bytes[index...].firstIndex(of: 0) else { throw .protocolViolation("a string has no end") }
        defer { index = end + 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// The rest of the body.
    mutating func rest() -> ArraySlice<UInt8> {
        defer { index = bytes.endIndex }
        return bytes[index...]
    }
}

/// One message from the server.
enum BackendMessage: Equatable {
    case authentication(Authentication)
    case parameterStatus(name: String, value: String)
    case backendKeyData(processID: Int32, secretKey: Int32)
    case readyForQuery(transactionStatus: UInt8)
    case rowDescription(columns: [String])
    case dataRow([[UInt8]?])
    case commandComplete(tag: String)
    case emptyQueryResponse
    case noData
    case parseComplete
    case bindComplete
    case closeComplete
    case portalSuspended
    case parameterDescription
    case error(ServerFields)
    case notice
    case notification
    case copyInResponse
    case copyOutResponse
    case copyBothResponse
    case copyData
    case copyDone
    case negotiateProtocolVersion(minor: Int32)

    enum Authentication: Equatable {
        case ok
        case cleartextPassword
        case md5Password(salt: [UInt8])
        case sasl(mechanisms: [String])
        case saslContinue([UInt8])
        case saslFinal([UInt8])
        case unsupported(code: Int32)
    }

    /// Parses one message's body; `type` is its first byte.
    static func parse(type: UInt8, body: ArraySlice<UInt8>) throws(PostgresError) -> BackendMessage {
        var reader = ByteReader(body)
        let message: BackendMessage
        switch type {
        case UInt8(ascii: "R"):
            message = .authentication(try parseAuthentication(&reader))
        case UInt8(ascii: "S"):
            message = .parameterStatus(name: try reader.cString(), value: try reader.cString())
        case UInt8(ascii: "K"):
            message = .backendKeyData(processID: try reader.int32(), secretKey: try reader.int32())
        case UInt8(ascii: "Z"):
            let status = try reader.byte()
            guard [UInt8(ascii: "I"), UInt8(ascii: "T"), UInt8(ascii: "E")].contains(status) else {
                throw .protocolViolation("an unknown transaction status")
            }
            message = .readyForQuery(transactionStatus: status)
        case UInt8(ascii: "T"):
            let count = try reader.int16()
            guard count >= 0 else { throw .protocolViolation("a negative column count") }
            var columns: [String] = []
            for _ in 0..<count {
                columns.append(try reader.cString())
                _ = try reader.take(18)  // table, column number, type, size, modifier, format
            }
            message = .rowDescription(columns: columns)
        case UInt8(ascii: "D"):
            let count = try reader.int16()
            guard count >= 0 else { throw .protocolViolation("a negative field count") }
            var fields: [[UInt8]?] = []
            fields.reserveCapacity(Int(count))
            for _ in 0..<count {
                let length = try reader.int32()
                if length == -1 {
                    fields.append(nil)
                } else {
                    guard length >= 0 else { throw .protocolViolation("a negative field length") }
                    fields.append(Array(try reader.take(Int(length))))
                }
            }
            message = .dataRow(fields)
        case UInt8(ascii: "C"):
            message = .commandComplete(tag: try reader.cString())
        case UInt8(ascii: "I"): message = .emptyQueryResponse
        case UInt8(ascii: "n"): message = .noData
        case UInt8(ascii: "1"): message = .parseComplete
        case UInt8(ascii: "2"): message = .bindComplete
        case UInt8(ascii: "3"): message = .closeComplete
        case UInt8(ascii: "s"): message = .portalSuspended
        case UInt8(ascii: "t"): _ = reader.rest(); message = .parameterDescription
        case UInt8(ascii: "E"):
            message = .error(try ServerFields.parse(&reader))
        case UInt8(ascii: "N"):
            _ = try ServerFields.parse(&reader)
            message = .notice
        case UInt8(ascii: "A"):
            _ = try reader.int32(); _ = try reader.cString(); _ = try reader.cString()
            message = .notification
        case UInt8(ascii: "G"): _ = reader.rest(); message = .copyInResponse
        case UInt8(ascii: "H"): _ = reader.rest(); message = .copyOutResponse
        case UInt8(ascii: "W"): _ = reader.rest(); message = .copyBothResponse
        case UInt8(ascii: "d"): _ = reader.rest(); message = .copyData
        case UInt8(ascii: "c"): message = .copyDone
        case UInt8(ascii: "v"):
            let minor = try reader.int32()
            let count = try reader.int32()
            guard count >= 0 else { throw .protocolViolation("a negative option count") }
            for _ in 0..<count { _ = try reader.cString() }
            message = .negotiateProtocolVersion(minor: minor)
        default:
            throw .protocolViolation("an unknown message type \(type)")
        }
        guard reader.isAtEnd else { throw .protocolViolation("a message longer than its content") }
        return message
    }

    private static func parseAuthentication(_ reader: inout ByteReader) throws(PostgresError) -> Authentication {
        let code = try reader.int32()
        switch code {
        case 0: return .ok
        case 3: return .cleartextPassword
        case 5: return .md5Password(salt: Array(try reader.take(4)))
        case 10:
            var mechanisms: [String] = []
            while true {
                let name = try reader.cString()
                if name.isEmpty { break }
                mechanisms.append(name)
            }
            return .sasl(mechanisms: mechanisms)
        case 11: return .saslContinue(Array(reader.rest()))
        case 12: return .saslFinal(Array(reader.rest()))
        default:
            _ = reader.rest()
            return .unsupported(code: code)
        }
    }
}

/// The fields of an ErrorResponse or NoticeResponse.
struct ServerFields: Equatable {
    var severity: String?
    var code: String?
    var message: String?
    var detail: String?

    static func parse(_ reader: inout ByteReader) throws(PostgresError) -> ServerFields {
        var fields = ServerFields()
        while true {
            let kind = try reader.byte()
            if kind == 0 { break }
            let value = try reader.cString()
            switch kind {
            case UInt8(ascii: "V"): fields.severity = value  // not localized
            case UInt8(ascii: "S"): if fields.severity == nil { fields.severity = value }
            case UInt8(ascii: "C"): fields.code = value
            case UInt8(ascii: "M"): fields.message = value
            case UInt8(ascii: "D"): fields.detail = value
            default: break
            }
        }
        return fields
    }

    /// FATAL and PANIC end the session: the server closes the connection after them.
    var endsSession: Bool { severity == "FATAL" || severity == "PANIC" }

    func error(connectionLost: Bool) -> PostgresError {
        PostgresError(sqlState: code, message: message ?? "the server reported an error without a message",
                      detail: detail, connectionLost: connectionLost)
    }
}

/// What we send: a type byte (none for the startup and SSL requests), a length that counts
/// itself, and the body.
struct FrontendMessage {
    private(set) var bytes: [UInt8]
    private let lengthAt: Int

    init(type: UInt8?) {
        bytes = []
        if let type { bytes.append(type) }
        lengthAt = bytes.count
        bytes += [0, 0, 0, 0]
    }

    mutating func int16(_ value: UInt16) {
        bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
    }

    mutating func int32(_ value: Int32) {
        let bits = UInt32(bitPattern: value)
        bytes += [UInt8(bits >> 24), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF)]
    }

    mutating func raw<Bytes: Sequence>(_ data: Bytes) where Bytes.Element == UInt8 {
        bytes += data
    }

    /// A string with its NUL; the caller has checked it holds none.
    mutating func cString(_ text: String) {
        bytes += text.utf8
        bytes.append(0)
    }

    /// The message, its length filled in. Callers keep bodies far below 1 GiB.
    var finished: [UInt8] {
        var result = bytes
        let length = UInt32(truncatingIfNeeded: bytes.count - lengthAt)
        result[lengthAt] = UInt8(length >> 24)
        result[lengthAt + 1] = UInt8(length >> 16 & 0xFF)
        result[lengthAt + 2] = UInt8(length >> 8 & 0xFF)
        result[lengthAt + 3] = UInt8(length & 0xFF)
        return result
    }

    static func startup(_ parameters: [(String, String)]) -> [UInt8] {
        var message = FrontendMessage(type: nil)
        message.int32(196_608)  // protocol 3.0
        for (name, value) in parameters {
            message.cString(name)
            message.cString(value)
        }
        message.raw([0])
        return message.finished
    }

    static let sslRequest: [UInt8] = {
        var message = FrontendMessage(type: nil)
        message.int32(80_877_103)
        return message.finished
    }()

    static let terminate: [UInt8] = FrontendMessage(type: UInt8(ascii: "X")).finished
    static let sync: [UInt8] = FrontendMessage(type: UInt8(ascii: "S")).finished

    static func password(_ bytes: [UInt8]) -> [UInt8] {
        var message = FrontendMessage(type: UInt8(ascii: "p"))
        message.raw(bytes)
        message.raw([0])
        return message.finished
    }

    static func saslInitialResponse(mechanism: String, data: [UInt8]) -> [UInt8] {
        var message = FrontendMessage(type: UInt8(ascii: "p"))
        message.cString(mechanism)
        message.int32(Int32(data.count))
        message.raw(data)
        return message.finished
    }

    static func saslResponse(_ data: [UInt8]) -> [UInt8] {
        var message = FrontendMessage(type: UInt8(ascii: "p"))
        message.raw(data)
        return message.finished
    }

    static func query(_ sql: String) -> [UInt8] {
        var message = FrontendMessage(type: UInt8(ascii: "Q"))
        message.cString(sql)
        return message.finished
    }

    /// Parse, Bind, Describe and Execute of the unnamed statement and portal, and Sync: one
    /// round trip. Parameters and results are text; the server infers the parameters' types.
    static func extendedQuery(_ sql: String, _ parameters: [String?]) -> [UInt8] {
        var parse = FrontendMessage(type: UInt8(ascii: "P"))
        parse.cString("")
        parse.cString(sql)
        parse.int16(0)

        var bind = FrontendMessage(type: UInt8(ascii: "B"))
        bind.cString("")
        bind.cString("")
        bind.int16(0)  // every parameter in text
        bind.int16(UInt16(truncatingIfNeeded: parameters.count))
        for parameter in parameters {
            if let parameter {
                bind.int32(Int32(truncatingIfNeeded: parameter.utf8.count))
                bind.raw(parameter.utf8)
            } else {
                bind.int32(-1)
            }
        }
        bind.int16(0)  // every result column in text

        var describe = FrontendMessage(type: UInt8(ascii: "D"))
        describe.raw([UInt8(ascii: "P")])
        describe.cString("")

        var execute = FrontendMessage(type: UInt8(ascii: "E"))
        execute.cString("")
        execute.int32(0)  // all rows

        return parse.finished + bind.finished + describe.finished + execute.finished + sync
    }

    static func copyFail(_ reason: String) -> [UInt8] {
        var message = FrontendMessage(type: UInt8(ascii: "f"))
        message.cString(reason)
        return message.finished
    }
}
