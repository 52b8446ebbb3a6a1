import KioskPostgres

/// The book in a PostgreSQL database several stands and an SSH host share, through the
/// kiosk's own client (KioskPostgres). Used on the book's queue only, as the client is.
public final class PostgresBookConnection: SQLConnection {
    private let connection: PostgresConnection
    public var dialect: SQLDialect { .postgresql }

    /// `url`: postgresql://user:password@host:port/database?sslmode=…
    public init(url: String, timeoutSeconds: Double = 5) throws(BookError) {
        do {
            connection = try PostgresConnection(url: url, timeoutSeconds: timeoutSeconds)
        } catch {
            throw Self.bookError(error)
        }
    }

    public func run(_ sql: String, _ parameters: [String?]) throws(BookError) -> [[String?]] {
        do {
            return try connection.query(sql, parameters).rows
        } catch {
            throw Self.bookError(error)
        }
    }

    public func script(_ sql: String) throws(BookError) {
        do {
            try connection.execute(sql)
        } catch {
            throw Self.bookError(error)
        }
    }

    public func close() { connection.close() }

    /// A lost connection, a timeout, a server refusing for now: try again later. A statement
    /// the server refused is this kiosk's mistake, or a newer schema's.
    static func bookError(_ error: PostgresError) -> BookError {
        BookError(error.connectionLost ? .unavailable : .refused, "the book's PostgreSQL database: \(error)")
    }
}
