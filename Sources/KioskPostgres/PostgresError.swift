/// Why a connection could not be opened, or a statement failed.
///
/// `connectionLost` says whether the fault is the connection's rather than the statement's or
/// the configuration's: the server could not be reached or went away (its session ended by a
/// FATAL error), it did not answer in time, it broke the protocol, or it refused a new
/// connection for a passing reason (too many connections, starting up). The connection (if
/// there was one) is then closed: open a new one, later. It is false for an error the server
/// reports for a statement (a syntax error, a constraint), which leaves the connection
/// usable; for a statement refused before it was sent; and for what retrying will not mend:
/// a URL that cannot be read, a wrong password or role (SQLSTATE class 28), a database that
/// does not exist (3D), a server without TLS when the URL requires it.
///
/// Nothing here ever holds the password: errors are built from the server's words, the host
/// and port, and our own, never from the URL.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// The server's SQLSTATE code (field C), such as "42P01" or "28P01"; nil for errors of
    /// our own and of the network.
    public var sqlState: String?
    /// The server's primary message (field M), or ours.
    public var message: String
    /// The server's detail (field D), if it sent one.
    public var detail: String?
    /// The connection is gone (or never was): see above.
    public var connectionLost: Bool

    public init(sqlState: String? = nil, message: String, detail: String? = nil, connectionLost: Bool) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.connectionLost = connectionLost
    }

    /// One line, safe to log or show: a hostile server's control characters are replaced
    /// and its words cut short.
    public var description: String {
        var text = "PostgreSQL: " + Self.printable(message)
        if let sqlState { text += " (SQLSTATE \(Self.printable(sqlState)))" }
        if let detail, !detail.isEmpty { text += ": " + Self.printable(detail) }
        if connectionLost { text += " [connection lost]" }
        return text
    }

    /// What a server said, fit for one line: control characters become spaces, and no more
    /// than 500 characters are kept.
    static func printable(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 500 { result += "…"; break }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result.unicodeScalars.append(" ")
            } else {
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }

    static func lost(_ message: String) -> PostgresError {
        PostgresError(message: message, connectionLost: true)
    }

    static func protocolViolation(_ what: String) -> PostgresError {
        PostgresError(message: "the server broke the protocol: \(what)", connectionLost: true)
    }

    static func refused(_ message: String) -> PostgresError {
        PostgresError(message: message, connectionLost: false)
    }
}
