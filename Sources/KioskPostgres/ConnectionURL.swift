/// What a `postgresql://` URL says, as libpq reads it (the subset the kiosk needs):
///
///     postgresql://[user[:password]@][host][:port][/dbname][?name=value&…]
///
/// - `host` is a name, an IPv4 address, an IPv6 address in brackets (`[::1]`), or a Unix
///   socket directory, percent-encoded (`%2Fvar%2Frun%2Fpostgresql`); empty means the default
///   socket directory, /var/run/postgresql. `?host=/var/run/postgresql` says the same.
/// - Every part is percent-decoded on its own, after the URL is split, so `%40` in a password
///   is an `@` and `%2F` in a host is a `/`. The decoded bytes must be UTF-8. `+` is a plus.
/// - Parameters: `sslmode` (`disable`, `prefer` (the default), `require`), `connect_timeout`
///   (seconds), `host`, `port`, `dbname`, `user`, `password` and `application_name`. Any other
///   is refused, as libpq refuses it, rather than silently ignored: `sslmode=verify-full`, for
///   one, would promise a certificate check this client does not make.
///
/// No error message repeats the URL or any part of its user information.
struct ConnectionURL: Equatable {
    enum SSLMode: String, Equatable { case disable, prefer, require }

    enum Endpoint: Equatable {
        case tcp(host: String)
        case unixSocket(directory: String)
    }

    var endpoint: Endpoint = .unixSocket(directory: "/var/run/postgresql")
    var port: UInt16 = 5432
    var user: String?
    var password: String?
    var database: String?
    var sslMode: SSLMode = .prefer
    var connectTimeout: Double?
    var applicationName: String?

    static func parse(_ url: String) throws(PostgresError) -> ConnectionURL {
        var rest = Substring(url)
        var matched = false
        for scheme in ["postgresql://", "postgres://"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            matched = true
            break
        }
        guard matched else { throw .refused("the database URL must start with postgresql://") }
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }

        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var result = ConnectionURL()

        // The authority: user information up to its last @, then host and port.
        var hostPort = rest
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            hostPort = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                result.user = try decode(userInfo[..<colon], "the user name")
                result.password = try decode(userInfo[userInfo.index(after: colon)...], "the password")
            } else {
                result.user = try decode(userInfo, "the user name")
            }
        }
        var hostPart = hostPort
        var portPart: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .refused("the database URL has an IPv6 address without its ]") }
            hostPart = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() } else if !after.isEmpty {
                throw .refused("the database URL has something after its IPv6 address that is not a port")
            }
            guard !hostPart.isEmpty else { throw .refused("the database URL has an empty IPv6 address") }
            result.endpoint = .tcp(host: try decode(hostPart, "the host"))
        } else {
            if let colon = hostPort.lastIndex(of: ":") {
                hostPart = hostPort[..<colon]
                portPart = hostPort[hostPort.index(after: colon)...]
            }
            let host = try decode(hostPart, "the host")
            if !host.isEmpty { try result.setHost(host) }
        }
        if let portPart { try result.setPort(String(portPart)) }
        if !path.isEmpty { result.database = try decode(path, "the database name") }

        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: String
            let value: String
            if let equals = pair.firstIndex(of: "=") {
                name = try decode(pair[..<equals], "a parameter's name")
                value = try decode(pair[pair.index(after: equals)...], "the value of \(printableName(name))")
            } else {
                throw .refused("the database URL's parameter \(printableName(try decode(pair, "a parameter's name"))) has no value")
            }
            switch name {
            case "host": try result.setHost(value)
            case "port": try result.setPort(value)
            case "dbname": result.database = value
            case "user": result.user = value
            case "password": result.password = value
            case "application_name": result.applicationName = value
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw .refused("sslmode \(printableName(value)) is not supported: use disable, prefer or require (this client checks no certificate)")
                }
                result.sslMode = mode
            case "connect_timeout":
                guard let seconds = Int(value), seconds >= 0, seconds <= 86_400 else {
                    throw .refused("connect_timeout must be a whole number of seconds")
                }
                // As in libpq: 0 waits without end (here, for the caller's timeout), and 1 is 2.
                if seconds > 0 { result.connectTimeout = Double(max(seconds, 2)) }
            default:
                throw .refused("the database URL's parameter \(printableName(name)) is not supported")
            }
        }
        for (text, what) in [(result.user, "user name"), (result.password, "password"), (result.database, "database name"),
                             (result.applicationName, "application name")] {
            if let text, text.utf8.contains(0) { throw .refused("the \(what) in the database URL holds a NUL") }
        }
        return result
    }

    private mutating func setHost(_ host: String) throws(PostgresError) {
        guard !host.utf8.contains(0) else { throw .refused("the host in the database URL holds a NUL") }
        endpoint = host.hasPrefix("/") ? .unixSocket(directory: host) : .tcp(host: host)
    }

    private mutating func setPort(_ text: String) throws(PostgresError) {
        if text.isEmpty { return }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let number = UInt16(text), number > 0 else {
            throw .refused("the port in the database URL is not a number from 1 to 65535")
        }
        port = number
    }

    /// A parameter's name or value for an error message: short, printable.
    private static func printableName(_ text: String) -> String {
        "\"" + PostgresError.printable(String(text.prefix(40))) + "\""
    }

    /// Percent-decoding of one part of the URL: `%XX` is the byte XX, everything else stands
    /// for itself; the bytes must make UTF-8. `what` names the part (never its text).
    static func decode(_ text: Substring, _ what: String) throws(PostgresError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .refused("\(what) in the database URL has a % not followed by two hexadecimal digits")
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw .refused("\(what) in the database URL is not UTF-8 once decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
