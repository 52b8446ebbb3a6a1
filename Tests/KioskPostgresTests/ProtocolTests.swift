@testable import KioskPostgres
import Glibc
import Testing

/// The parts that need no server: the URL, the authentication's arithmetic, the parser.
@Suite struct ConnectionURLTests {
    @Test func aFullURLIsReadPartByPart() throws {
        let url = try ConnectionURL.parse("postgresql://book%40museum:p%40ss%3Aw%2Frd%25@db.museum.az:6543/remembrance?sslmode=require&connect_timeout=7&application_name=stand%201")
        #expect(url.user == "book@museum")
        #expect(url.password == "p@ss:w/rd%")
        #expect(url.endpoint == .tcp(host: "db.museum.az"))
        #expect(url.port == 6543)
        #expect(url.database == "remembrance")
        #expect(url.sslMode == .require)
        #expect(url.connectTimeout == 7)
        #expect(url.applicationName == "stand 1")
    }

    @Test func defaultsAreLibpqs() throws {
        let url = try ConnectionURL.parse("postgres://")
        #expect(url.endpoint == .unixSocket(directory: "/var/run/postgresql"))
        #expect(url.port == 5432)
        #expect(url.user == nil && url.password == nil && url.database == nil)
        #expect(url.sslMode == .prefer)
        #expect(url.connectTimeout == nil)
    }

    @Test func aSocketDirectoryIsAnEncodedHostOrAParameter() throws {
        #expect(try ConnectionURL.parse("postgresql://kiosk@%2Fvar%2Frun%2Fpostgresql/book").endpoint == .unixSocket(directory: "/var/run/postgresql"))
        let given = try ConnectionURL.parse("postgresql:///book?host=/tmp/pg%20sockets&port=5433&user=kiosk")
        #expect(given.endpoint == .unixSocket(directory: "/tmp/pg sockets"))
        #expect(given.port == 5433)
        #expect(given.user == "kiosk")
        #expect(given.database == "book")
    }

    @Test func ipv6AddressesAreInBrackets() throws {
        let url = try ConnectionURL.parse("postgresql://kiosk@[::1]:5433/book")
        #expect(url.endpoint == .tcp(host: "::1"))
        #expect(url.port == 5433)
        #expect(try ConnectionURL.parse("postgresql://[fe80::1]/").endpoint == .tcp(host: "fe80::1"))
    }

    @Test func decodingIsOfBytesThenUTF8AndPlusIsAPlus() throws {
        let url = try ConnectionURL.parse("postgresql://%D0%BA%D0%B8%D0%BE%D1%81%D0%BA:a+b@h/%C5%9F%C9%99hid")
        #expect(url.user == "киоск")
        #expect(url.password == "a+b")
        #expect(url.database == "şəhid")
    }

    @Test func numericAddressesAndLocalhostAreNotLookedUp() throws {
        #expect(SocketChannel.numericAddress("192.0.2.7", port: 5432)?.family == AF_INET)
        #expect(SocketChannel.numericAddress("2001:db8::7", port: 5432)?.family == AF_INET6)
        #expect(SocketChannel.numericAddress("book.museum.az", port: 5432) == nil)
        #expect(try SocketChannel.resolve("localhost", port: 5432).map(\.family) == [AF_INET, AF_INET6])
    }

    @Test(arguments: [
        "mysql://kiosk@host/db",
        "postgresql://kiosk:secret%zz@host/db",
        "postgresql://kiosk:secret%C3@host/db",
        "postgresql://kiosk:secret%00@host/db",
        "postgresql://kiosk:secret@host:99999/db",
        "postgresql://kiosk:secret@host:54x/db",
        "postgresql://kiosk:secret@[::1/db",
        "postgresql://kiosk:secret@host/db?sslmode=verify-full",
        "postgresql://kiosk:secret@host/db?sslmode",
        "postgresql://kiosk:secret@host/db?connect_timeout=soon",
        "postgresql://kiosk:secret@host/db?passwd=secret",
    ])
    func aBadURLIsRefusedWithoutRepeatingThePassword(url: String) {
        #expect {
            try ConnectionURL.parse(url)
        } throws: { error in
            guard let error = error as? PostgresError else { return false }
            return !error.description.contains("secret") && !error.connectionLost
        }
    }
}

@Suite struct AuthenticationTests {
    /// RFC 7677, section 3: the exchange for user "user" and password "pencil".
    @Test func scramMatchesRFC7677sExample() throws {
        var client = SCRAMClient(password: "pencil", nonce: "rOprNGfwEbeRWgbNEkqO", userName: "user")
        #expect(String(decoding: client.clientFirstMessage, as: UTF8.self) == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let final = try client.clientFinalMessage(serverFirst: Array("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096".utf8))
        #expect(String(decoding: final, as: UTF8.self)
                == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        try client.verify(serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
        #expect(throws: PostgresError.self) {
            try client.verify(serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4A".utf8))
        }
        #expect(throws: PostgresError.self) {
            try client.verify(serverFinal: Array("v=7rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
        }
        #expect(throws: PostgresError.self) { try client.verify(serverFinal: Array("e=invalid-proof".utf8)) }
    }

    @Test func scramRefusesAServerThatDoesNotExtendOurNonceOrAsksTooMuch() {
        var client = SCRAMClient(password: "pencil", nonce: "abc", userName: "")
        for serverFirst in ["r=xyz123,s=QUJD,i=4096", "r=abc,s=QUJD,i=4096", "r=abc1,s=,i=4096", "r=abc1,s=QUJD,i=0",
                            "r=abc1,s=QUJD,i=2000000000", "r=abc1,s=QUJD", "garbage", "", "r=abc1,s=QU,i=1", "m=ext,r=abc1,s=QUJD,i=1"] {
            #expect(throws: PostgresError.self, "\(serverFirst)") {
                try client.clientFinalMessage(serverFirst: Array(serverFirst.utf8))
            }
        }
    }

    @Test func md5AnswerIsPostgresqls() {
        // python3: "md5" + md5(md5("secret" + "postgres").hexdigest() + bytes([1, 2, 3, 4])).hexdigest()
        let answer = md5PasswordAnswer(user: "postgres", password: "secret", salt: [1, 2, 3, 4])
        #expect(String(decoding: answer, as: UTF8.self) == "md5bb41a296aab6baccb36ff243a562abff")
    }

    @Test func base64RoundTripsAndIsStrict() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.encode(Array("n,,".utf8)) == "biws")
        for bad in ["a", "ab=c", "abc", "=abc", "ab==abcd", "a===", "ab c", "ab\u{0}c", "QR==", "QUJ="] {
            #expect(Base64.decode(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct MessageTests {
    @Test func messagesParse() throws {
        #expect(try BackendMessage.parse(type: UInt8(ascii: "Z"), body: [UInt8(ascii: "I")]) == .readyForQuery(transactionStatus: UInt8(ascii: "I")))
        let row: [UInt8] = [0, 2, 0, 0, 0, 2, 0x68, 0x69, 0xFF, 0xFF, 0xFF, 0xFF]
        #expect(try BackendMessage.parse(type: UInt8(ascii: "D"), body: row[...]) == .dataRow([Array("hi".utf8), nil]))
        let error = Array("SERROR\0VERROR\0C42P01\0Mno such table\0Dit is not there\0\0".utf8)
        #expect(try BackendMessage.parse(type: UInt8(ascii: "E"), body: error[...])
                == .error(ServerFields(severity: "ERROR", code: "42P01", message: "no such table", detail: "it is not there")))
    }

    @Test func malformedMessagesAreProtocolViolations() {
        let cases: [(Character, [UInt8])] = [
            ("D", [0, 1, 0, 0, 0, 9, 1]),        // a field longer than the message
            ("D", [0, 1, 0xFF, 0xFF, 0xFF, 0xFE]),  // a negative length
            ("D", [0xFF, 0xFF]),                 // a negative count
            ("T", [0, 1, 0x61]),                 // a name without its end
            ("Z", [UInt8(ascii: "X")]),          // no such status
            ("Z", [UInt8(ascii: "I"), 0]),       // longer than its content
            ("R", [0, 0, 0, 5, 1, 2]),           // a salt cut short
            ("E", Array("Mno end".utf8)),
            ("?", []),
        ]
        for (type, body) in cases {
            #expect(throws: PostgresError.self, "\(type) \(body)") {
                try BackendMessage.parse(type: UInt8(ascii: type.unicodeScalars.first!), body: body[...])
            }
        }
    }

    /// A few hundred random and mutated messages: each parses or is refused, none crashes.
    @Test func theParserSurvivesRandomInput() {
        var generator = SeededGenerator(seed: 16)
        let types = Array("RSKZTDCIn123stENAGHWdcv?".utf8)
        let valid: [(UInt8, [UInt8])] = [
            (UInt8(ascii: "T"), [0, 1] + Array("name\0".utf8) + [UInt8](repeating: 0, count: 18)),
            (UInt8(ascii: "D"), [0, 2, 0, 0, 0, 1, 0x41, 0xFF, 0xFF, 0xFF, 0xFF]),
            (UInt8(ascii: "E"), Array("SFATAL\0C57P01\0Mterminating\0\0".utf8)),
            (UInt8(ascii: "R"), [0, 0, 0, 10] + Array("SCRAM-SHA-256\0\0".utf8)),
            (UInt8(ascii: "v"), [0, 0, 0, 0, 0, 0, 0, 1] + Array("_pq_.x\0".utf8)),
        ]
        var parsed = 0
        for round in 0..<600 {
            let type: UInt8
            var body: [UInt8]
            if round % 2 == 0 {
                type = types.randomElement(using: &generator) ?? 0
                body = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                let base = valid[round / 2 % valid.count]
                type = base.0
                body = base.1
                for _ in 0..<Int.random(in: 1...4, using: &generator) where !body.isEmpty {
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: body[Int.random(in: 0..<body.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                    case 1: body.removeLast(Int.random(in: 0...body.count, using: &generator))
                    default: body.insert(0xFF, at: Int.random(in: 0...body.count, using: &generator))
                    }
                }
            }
            if (try? BackendMessage.parse(type: type, body: body[...])) != nil { parsed += 1 }
        }
        #expect(parsed > 0 && parsed < 600)
    }

    @Test func frontendMessagesCountTheirLength() {
        #expect(FrontendMessage.sslRequest == [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F])
        #expect(FrontendMessage.terminate == [UInt8(ascii: "X"), 0, 0, 0, 4])
        #expect(FrontendMessage.query("SELECT 1") == [UInt8(ascii: "Q"), 0, 0, 0, 13] + Array("SELECT 1\0".utf8))
    }
}

/// A server that is a script of bytes: what it sends, whatever it is sent.
final class ScriptedChannel: Channel {
    private var pending: [UInt8]
    private var generator: SeededGenerator
    private(set) var sent: [UInt8] = []

    init(_ bytes: [UInt8], seed: UInt64 = 1) {
        pending = bytes
        generator = SeededGenerator(seed: seed)
    }

    func send(_ bytes: [UInt8], before deadline: Deadline) throws(PostgresError) { sent += bytes }

    func receive(upTo count: Int, before deadline: Deadline) throws(PostgresError) -> [UInt8] {
        guard !pending.isEmpty else { throw .lost("the server closed the connection") }
        // In pieces of random size, as a network delivers them.
        let size = min(pending.count, count, Int.random(in: 1...64, using: &generator))
        defer { pending.removeFirst(size) }
        return Array(pending[0..<size])
    }

    func close() {}
}

func backend(_ type: Character, _ body: [UInt8]) -> [UInt8] {
    let length = UInt32(body.count + 4)
    return [UInt8(ascii: type.unicodeScalars.first!), UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + body
}

@Suite struct HostileServerTests {
    static let ready = backend("R", [0, 0, 0, 0]) + backend("S", Array("client_encoding\0UTF8\0".utf8))
        + backend("K", [0, 0, 0, 42, 1, 2, 3, 4]) + backend("Z", [UInt8(ascii: "I")])
    static let result = backend("1", []) + backend("2", [])
        + backend("T", [0, 1] + Array("greeting\0".utf8) + [UInt8](repeating: 0, count: 18))
        + backend("D", [0, 1, 0, 0, 0, 5] + Array("salam".utf8)) + backend("C", Array("SELECT 1\0".utf8))
        + backend("Z", [UInt8(ascii: "I")])

    @Test func aScriptedSessionGivesItsRows() throws {
        let connection = try PostgresConnection(channel: ScriptedChannel(Self.ready + Self.result), user: "kiosk", password: nil, timeoutSeconds: 1)
        let result = try connection.query("SELECT 'salam' AS greeting")
        #expect(result == PostgresResult(columns: ["greeting"], rows: [["salam"]], commandTag: "SELECT 1"))
        #expect(connection.processID == 42)
        #expect(connection.serverParameters["client_encoding"] == "UTF8")
    }

    @Test func aMessageOver64MiBIsRefusedBeforeItIsRead() {
        let huge: [UInt8] = [UInt8(ascii: "D"), 0x7F, 0xFF, 0xFF, 0xFF]
        #expect {
            let connection = try PostgresConnection(channel: ScriptedChannel(Self.ready + huge), user: "kiosk", password: nil, timeoutSeconds: 1)
            _ = try connection.query("SELECT 1")
        } throws: { error in
            (error as? PostgresError)?.connectionLost == true && "\(error)".contains("MiB")
        }
    }

    @Test func aRowThatDoesNotMatchItsDescriptionLosesTheConnection() throws {
        let bad = backend("1", []) + backend("2", []) + backend("T", [0, 1] + Array("a\0".utf8) + [UInt8](repeating: 0, count: 18))
            + backend("D", [0, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        let connection = try PostgresConnection(channel: ScriptedChannel(Self.ready + bad), user: "kiosk", password: nil, timeoutSeconds: 1)
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(!connection.isOpen)
    }

    @Test func aResultOverTheLimitIsDroppedAndTheConnectionKept() throws {
        let row = backend("D", [0, 1, 0, 0, 0x10, 0] + [UInt8](repeating: 0x41, count: 0x1000))
        let many = backend("1", []) + backend("2", []) + backend("T", [0, 1] + Array("a\0".utf8) + [UInt8](repeating: 0, count: 18))
            + Array([[UInt8]](repeating: row, count: 300).joined()) + backend("C", Array("SELECT 300\0".utf8)) + backend("Z", [UInt8(ascii: "I")])
        let connection = try PostgresConnection(channel: ScriptedChannel(Self.ready + many + Self.result), user: "kiosk", password: nil, timeoutSeconds: 5)
        connection.resultLimit = 1 << 20
        #expect {
            try connection.query("SELECT a FROM big")
        } throws: { error in
            (error as? PostgresError)?.connectionLost == false && "\(error)".contains("over 1 MiB")
        }
        #expect(try connection.query("SELECT 'salam'").rows == [["salam"]])
    }

    @Test func scramThatSkipsTheServersProofIsRefused() {
        let skipping = backend("R", [0, 0, 0, 10] + Array("SCRAM-SHA-256\0\0".utf8)) + Self.ready
        #expect(throws: PostgresError.self) {
            try PostgresConnection(channel: ScriptedChannel(skipping), user: "kiosk", password: "pencil", timeoutSeconds: 1)
        }
    }

    /// Hundreds of sessions whose server bytes were damaged at random: each ends in a result or
    /// an error, never a crash or a wait without end.
    @Test func damagedSessionsEndInAnErrorOrAResult() {
        var generator = SeededGenerator(seed: 2026)
        let script = Self.ready + Self.result
        var outcomes = (results: 0, errors: 0)
        for round in 0..<400 {
            var bytes = script
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &generator)))
                case 2: bytes.insert(contentsOf: (0..<Int.random(in: 1...8, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: at)
                default: bytes[at] = bytes[at] ^ 0x80
                }
                if bytes.isEmpty { break }
            }
            do {
                let connection = try PostgresConnection(channel: ScriptedChannel(bytes, seed: UInt64(round)), user: "kiosk", password: "pw", timeoutSeconds: 1)
                _ = try connection.query("SELECT 1")
                _ = try? connection.query("SELECT 2")
                outcomes.results += 1
            } catch {
                outcomes.errors += 1
            }
        }
        #expect(outcomes.errors > 0)
    }
}

/// SplitMix64: the same bytes every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
