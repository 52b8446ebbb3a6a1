import Glibc

/// A connection to a PostgreSQL server, speaking the frontend/backend protocol 3.0 itself,
/// with OpenSSL's libssl for TLS and libcrypto for the authentication's hashes.
///
/// It blocks: open and use it on a worker thread, one thread at a time. Every wait for the
/// server is bounded (a `poll` with a deadline): opening the connection by `connect_timeout`
/// if the URL gives one, else `timeoutSeconds`; each `query` and `execute` by `timeoutSeconds`
/// in all, however the server trickles its answer. When a wait runs out, the connection is
/// closed and the error says `connectionLost`.
///
/// - Authentication: trust and peer, cleartext password, MD5, and SCRAM-SHA-256 (without
///   channel binding, the server's proof checked). A server that asks for Kerberos, GSSAPI or
///   SSPI is refused.
/// - Passwords go as their UTF-8 bytes: SCRAM's SASLprep is not applied, which changes
///   nothing for ASCII, nor for letters of any alphabet as a keyboard types them (ə, ş, ж, ё:
///   precomposed, already in Unicode's form KC); a password typed with combining marks,
///   ligatures or full-width letters would not match the server's and fails as a wrong
///   password (`SCRAMClient` says more).
/// - TLS: `sslmode=prefer` (the default) asks for it and goes on in the clear if the server
///   has none; `require` fails then; `disable` never asks. The server's certificate is not
///   checked (libpq's `require`). Unix sockets never use TLS, as in libpq.
/// - Host names: numeric addresses and `localhost` are used as they are; other names are
///   looked up with getaddrinfo, which in the static release needs the host's own C library's
///   name service, and is bounded by its resolver's timeouts rather than ours: give the
///   server's address where the name service is in doubt.
/// - Limits: a server message over 64 MiB, or a protocol violation of any kind, closes the
///   connection (`connectionLost`); a result over 256 MiB of rows is read to its end and
///   dropped, and the statement fails with the connection still usable.
///
/// The password is used while the connection opens and not kept.
public final class PostgresConnection {
    private var channel: Channel?
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    /// Startup is over: from now on, closing says goodbye first.
    private var ready = false
    private let timeoutSeconds: Double
    /// The server's ParameterStatus reports (server_version, client_encoding, …).
    private(set) var serverParameters: [String: String] = [:]
    /// The backend's process ID, from BackendKeyData.
    private(set) var processID: Int32?
    /// The most row data one result may hold (tests make it small).
    var resultLimit = maximumResultBytes

    /// Opens a connection: see the type's documentation and `ConnectionURL` for the URL.
    public init(url: String, timeoutSeconds: Double = 5) throws(PostgresError) {
        guard timeoutSeconds > 0, timeoutSeconds.isFinite else { throw .refused("the timeout must be a positive number of seconds") }
        self.timeoutSeconds = timeoutSeconds
        let settings = try ConnectionURL.parse(url)
        let deadline = Deadline(seconds: settings.connectTimeout ?? timeoutSeconds)
        guard let user = settings.user ?? Self.systemUser() else {
            throw .refused("the database URL names no user, and USER is not set")
        }
        let socket = try SocketChannel.connect(to: settings.endpoint, port: settings.port, before: deadline)
        channel = socket
        if case .tcp(let host) = settings.endpoint, settings.sslMode != .disable {
            try socket.send(FrontendMessage.sslRequest, before: deadline)
            // One byte exactly: anything the server sent after it, before the handshake, would
            // be taken as encrypted when it was not (CVE-2021-23222).
            let answer = try socket.receive(upTo: 1, before: deadline)
            switch answer.first {
            case UInt8(ascii: "S"):
                let name = SocketChannel.numericAddress(host, port: settings.port) == nil ? host : nil
                channel = try TLSChannel(socket: socket, serverName: name, before: deadline)
            case UInt8(ascii: "N"):
                if settings.sslMode == .require {
                    abandon()
                    throw .refused("the server does not offer TLS, and the URL says sslmode=require")
                }
            default:
                abandon()
                throw .protocolViolation("an answer to the TLS request that is neither S nor N")
            }
        }
        var startup = [("user", user), ("database", settings.database ?? user), ("client_encoding", "UTF8")]
        if let name = settings.applicationName { startup.append(("application_name", name)) }
        do throws(PostgresError) {
            try send(FrontendMessage.startup(startup), before: deadline)
            try authenticate(user: user, password: settings.password, before: deadline)
            try waitUntilReady(before: deadline)
        } catch {
            abandon()
            throw Self.startupError(error)
        }
        ready = true
        if let encoding = serverParameters["client_encoding"], encoding.uppercased() != "UTF8" {
            close()
            throw .refused("the server would not speak UTF-8 (client_encoding \(PostgresError.printable(encoding)))")
        }
    }

    /// For tests: a connection over a channel of the test's own, after the startup message.
    init(channel: Channel, user: String, password: String?, timeoutSeconds: Double) throws(PostgresError) {
        self.timeoutSeconds = timeoutSeconds
        self.channel = channel
        let deadline = Deadline(seconds: timeoutSeconds)
        do throws(PostgresError) {
            try authenticate(user: user, password: password, before: deadline)
            try waitUntilReady(before: deadline)
        } catch {
            abandon()
            throw Self.startupError(error)
        }
        ready = true
    }

    deinit { close() }

    public var isOpen: Bool { channel != nil }

    /// Says goodbye (Terminate) and closes the socket. Safe to call more than once.
    public func close() {
        guard let channel else { return }
        self.channel = nil
        if ready { try? channel.send(FrontendMessage.terminate, before: Deadline(seconds: 0.2)) }
        channel.close()
    }

    /// Closes the socket without a word: startup did not finish.
    private func abandon() {
        channel?.close()
        channel = nil
    }

    /// A server's refusal at startup is the configuration's when it is about the role, its
    /// password or the database (SQLSTATE classes 28 and 3D): retrying will not help. Any
    /// other (too many connections, the server starting up or shutting down) may pass.
    private static func startupError(_ error: PostgresError) -> PostgresError {
        guard let state = error.sqlState else { return error }
        var result = error
        result.connectionLost = !(state.hasPrefix("28") || state.hasPrefix("3D"))
        return result
    }

    /// Runs one statement by the extended query protocol: `$1`, `$2`, … are `parameters`, sent
    /// as text (nil is NULL) and typed by the server; every column comes back as text (nil
    /// for NULL). After a statement's error the connection is ready for the next.
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        guard !sql.utf8.contains(0) else { throw .refused("the statement holds a NUL character") }
        guard parameters.count <= Int(UInt16.max) else { throw .refused("a statement takes at most 65,535 parameters") }
        var size = sql.utf8.count
        for parameter in parameters { size += parameter?.utf8.count ?? 0 }
        guard size < 1 << 30 else { throw .refused("the statement and its parameters are over 1 GiB") }
        let deadline = Deadline(seconds: timeoutSeconds)
        try send(FrontendMessage.extendedQuery(sql, parameters), before: deadline)
        var results = try readResults(extended: true, before: deadline)
        return results.isEmpty ? PostgresResult(columns: [], rows: [], commandTag: "") : results.removeLast()
    }

    /// Runs statements without parameters by the simple query protocol: BEGIN, COMMIT, DDL,
    /// several statements separated by semicolons (one transaction unless they say otherwise).
    public func execute(_ sql: String) throws(PostgresError) {
        guard !sql.utf8.contains(0) else { throw .refused("the statement holds a NUL character") }
        guard sql.utf8.count < 1 << 30 else { throw .refused("the statement is over 1 GiB") }
        let deadline = Deadline(seconds: timeoutSeconds)
        try send(FrontendMessage.query(sql), before: deadline)
        _ = try readResults(extended: false, before: deadline)
    }

    // MARK: - Startup

    private static func systemUser() -> String? {
        for name in ["USER", "LOGNAME"] {
            if let value = getenv(name), case let text = String(cString: value), !text.isEmpty { return text }
        }
        return nil
    }

    private func authenticate(user: String, password: String?, before deadline: Deadline) throws(PostgresError) {
        var scram: SCRAMClient?
        var scramVerified = false
        func needPassword() throws(PostgresError) -> String {
            guard let password else { throw .refused("the server asks for a password, and the database URL has none") }
            guard !password.utf8.contains(0) else { throw .refused("the password holds a NUL character") }
            return password
        }
        while true {
            switch try receiveMessage(before: deadline) {
            case .authentication(.ok):
                if scram != nil && !scramVerified {
                    throw .refused("the server ended SCRAM authentication without proving it knows the password")
                }
                return
            case .authentication(.cleartextPassword):
                try send(FrontendMessage.password(Array(try needPassword().utf8)), before: deadline)
            case .authentication(.md5Password(let salt)):
                try send(FrontendMessage.password(md5PasswordAnswer(user: user, password: try needPassword(), salt: salt)), before: deadline)
            case .authentication(.sasl(let mechanisms)):
                guard scram == nil else { throw .protocolViolation("a second SASL request") }
                guard mechanisms.contains(SCRAMClient.mechanism) else {
                    throw .refused("the server offers no SASL mechanism this client speaks (\(PostgresError.printable(mechanisms.joined(separator: ", "))))")
                }
                let client = try SCRAMClient(password: try needPassword())
                scram = client
                try send(FrontendMessage.saslInitialResponse(mechanism: SCRAMClient.mechanism, data: client.clientFirstMessage), before: deadline)
            case .authentication(.saslContinue(let data)):
                guard var client = scram else { throw .protocolViolation("a SASL message without a SASL request") }
                let final = try client.clientFinalMessage(serverFirst: data)
                scram = client
                try send(FrontendMessage.saslResponse(final), before: deadline)
            case .authentication(.saslFinal(let data)):
                guard let client = scram else { throw .protocolViolation("a SASL message without a SASL request") }
                try client.verify(serverFinal: data)
                scramVerified = true
            case .authentication(.unsupported(let code)):
                throw .refused("the server asks for an authentication this client does not speak (code \(code): Kerberos, GSSAPI or SSPI)")
            case .error(let fields):
                // An authentication failure is the configuration's, not the network's.
                throw fields.error(connectionLost: false)
            case .notice, .negotiateProtocolVersion, .parameterStatus:
                continue
            default:
                throw .protocolViolation("an unexpected message during authentication")
            }
        }
    }

    private func waitUntilReady(before deadline: Deadline) throws(PostgresError) {
        while true {
            switch try receiveMessage(before: deadline) {
            case .readyForQuery: return
            case .backendKeyData(let pid, _): processID = pid
            case .parameterStatus(let name, let value): serverParameters[name] = value
            case .notice, .negotiateProtocolVersion: continue
            case .error(let fields): throw fields.error(connectionLost: false)
            default: throw .protocolViolation("an unexpected message before the server was ready")
            }
        }
    }

    // MARK: - Results

    /// Reads every result up to ReadyForQuery. The first error is thrown then, with the
    /// connection ready again; if the connection ends first, it is thrown as lost.
    private func readResults(extended: Bool, before deadline: Deadline) throws(PostgresError) -> [PostgresResult] {
        var results: [PostgresResult] = []
        var current = PostgresResult(columns: [], rows: [], commandTag: "")
        var columnCount: Int?
        var firstError: PostgresError?
        var resultBytes = 0
        while true {
            switch try receiveMessage(before: deadline) {
            case .readyForQuery:
                if let firstError { throw firstError }
                return results
            case .parseComplete, .bindComplete, .closeComplete, .parameterDescription, .noData, .notice, .notification:
                continue
            case .parameterStatus(let name, let value):
                serverParameters[name] = value
            case .rowDescription(let columns):
                current = PostgresResult(columns: columns, rows: [], commandTag: "")
                columnCount = columns.count
            case .dataRow(let fields):
                guard let columnCount, fields.count == columnCount else {
                    try lose(.protocolViolation("a row that does not match its description"))
                }
                // What the row will take in memory: its text, and a String and a row's array each.
                resultBytes += fields.reduce(32 + fields.count * 16) { $0 + ($1?.count ?? 0) }
                if resultBytes > resultLimit {
                    if firstError == nil { firstError = .refused("the result is over \(resultLimit >> 20) MiB; it was dropped") }
                    continue
                }
                if firstError == nil {
                    current.rows.append(fields.map { $0.map { String(decoding: $0, as: UTF8.self) } })
                }
            case .commandComplete(let tag):
                current.commandTag = tag
                results.append(current)
                current = PostgresResult(columns: [], rows: [], commandTag: "")
                columnCount = nil
            case .emptyQueryResponse, .portalSuspended:
                results.append(current)
                current = PostgresResult(columns: [], rows: [], commandTag: "")
                columnCount = nil
            case .error(let fields):
                if fields.endsSession {
                    // FATAL: the server ends the session; its reason is the error.
                    try lose(fields.error(connectionLost: true))
                }
                if firstError == nil { firstError = fields.error(connectionLost: false) }
            case .copyInResponse:
                // The server ignored the Sync we sent with the statement while it was in copy
                // mode: after the failure, the extended protocol needs another.
                let fail = FrontendMessage.copyFail("COPY FROM STDIN is not supported by this client")
                try send(extended ? fail + FrontendMessage.sync : fail, before: deadline)
            case .copyOutResponse, .copyData, .copyDone:
                continue  // COPY TO STDOUT: read and dropped
            case .copyBothResponse:
                try lose(.lost("the server started streaming replication, which this client does not speak"))
            case .authentication, .backendKeyData, .negotiateProtocolVersion:
                try lose(.protocolViolation("an unexpected message in a result"))
            }
        }
    }

    // MARK: - Bytes

    private func send(_ bytes: [UInt8], before deadline: Deadline) throws(PostgresError) {
        guard let channel else { throw .lost("the connection is closed") }
        do throws(PostgresError) {
            try channel.send(bytes, before: deadline)
        } catch {
            try lose(error)
        }
    }

    /// The next message, read whole; its length is checked before its body is read.
    private func receiveMessage(before deadline: Deadline) throws(PostgresError) -> BackendMessage {
        do throws(PostgresError) {
            try fillBuffer(to: 5, before: deadline)
            let type = buffer[bufferStart]
            var length = 0
            for offset in 1...4 { length = length << 8 | Int(buffer[bufferStart + offset]) }
            guard length >= 4 else { throw .protocolViolation("a message length under 4") }
            guard length <= maximumBackendMessage else {
                throw .protocolViolation("a message of \(length) bytes, over the \(maximumBackendMessage >> 20) MiB this client accepts")
            }
            try fillBuffer(to: 1 + length, before: deadline)
            let body = buffer[(bufferStart + 5)..<(bufferStart + 1 + length)]
            let message = try BackendMessage.parse(type: type, body: body)
            bufferStart += 1 + length
            if bufferStart == buffer.count {
                // Read whole: let a large message's buffer go.
                buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
                bufferStart = 0
            }
            return message
        } catch {
            try lose(error)
        }
    }

    /// Reads until the buffer holds `count` unread bytes.
    private func fillBuffer(to count: Int, before deadline: Deadline) throws(PostgresError) {
        guard let channel else { throw .lost("the connection is closed") }
        if bufferStart > 0 && buffer.count - bufferStart < count {
            buffer.removeSubrange(0..<bufferStart)
            bufferStart = 0
        }
        while buffer.count - bufferStart < count {
            let wanted = max(count - (buffer.count - bufferStart), 65_536)
            buffer += try channel.receive(upTo: min(wanted, 1 << 20), before: deadline)
        }
    }

    /// Closes the connection if the error is the connection's, and throws it.
    private func lose(_ error: PostgresError) throws(PostgresError) -> Never {
        if error.connectionLost {
            channel?.close()
            channel = nil
            buffer = []
            bufferStart = 0
        }
        throw error
    }
}

/// What a statement returned: the columns of its last result set, their rows as text (nil for
/// NULL), and the command tag ("SELECT 2", "INSERT 0 1", …).
public struct PostgresResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String?]]
    public var commandTag: String

    public init(columns: [String], rows: [[String?]], commandTag: String) {
        self.columns = columns
        self.rows = rows
        self.commandTag = commandTag
    }
}
