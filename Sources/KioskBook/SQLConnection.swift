/// A connection to the database the book is kept in: SQLite on one stand, PostgreSQL for a
/// museum whose stands share one book. The book's SQL is written once, for both: text and
/// whole numbers only, parameters as `$1`, `$2`…, values as text (nil: NULL).
public protocol SQLConnection: AnyObject {
    var dialect: SQLDialect { get }
    /// One statement with parameters; the rows it gives, each column as text.
    func run(_ sql: String, _ parameters: [String?]) throws(BookError) -> [[String?]]
    /// Statements without parameters, one after another (a migration).
    func script(_ sql: String) throws(BookError)
    func close()
}

public enum SQLDialect: Sendable {
    case sqlite
    case postgresql
}

extension SQLConnection {
    @discardableResult
    public func run(_ sql: String, _ parameters: String?...) throws(BookError) -> [[String?]] {
        try run(sql, parameters)
    }

    /// `body` in one transaction, which only one writer at a time may hold (SQLite's
    /// IMMEDIATE; a PostgreSQL lock for the book's migrations), committed when it returns and
    /// rolled back when it throws.
    public func transaction<Result>(exclusive: Bool = false, _ body: () throws(BookError) -> Result) throws(BookError) -> Result {
        switch dialect {
        case .sqlite: try script(exclusive ? "BEGIN IMMEDIATE" : "BEGIN")
        case .postgresql:
            try script("BEGIN")
            if exclusive { try run("SELECT pg_advisory_xact_lock(7210)") }
        }
        do {
            let result = try body()
            try script("COMMIT")
            return result
        } catch {
            try? script("ROLLBACK")
            throw error
        }
    }
}

/// What went wrong with the book's database, in words an operator can act on.
public struct BookError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The database cannot be reached or written: try again later.
        case unavailable
        /// The database was made by a newer kiosk: this one leaves it alone.
        case newerSchema
        /// A statement the database refused.
        case refused
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
