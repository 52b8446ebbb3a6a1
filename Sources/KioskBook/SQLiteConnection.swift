import CSQLite
import Glibc

/// The book in one SQLite file: written ahead (WAL), synced at every commit, so an entry the
/// visitor was told is saved outlives a power cut; readers (the staff's desk) never block the
/// stand's writes.
public final class SQLiteConnection: SQLConnection {
    private var database: OpaquePointer?
    public let path: String
    public var dialect: SQLDialect { .sqlite }

    /// How long a statement waits for another process's write (the desk, a second session).
    static let busyMilliseconds: Int32 = 5000

    public init(path: String) throws(BookError) {
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw BookError(.unavailable, "cannot open the book at \(path): \(message)")
        }
        database = handle
        sqlite3_busy_timeout(handle, Self.busyMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
        do {
            // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits at a power cut.
            try script("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    public func close() {
        if let database { sqlite3_close_v2(database) }
        database = nil
    }

    public func run(_ sql: String, _ parameters: [String?]) throws(BookError) -> [[String?]] {
        guard let database else { throw BookError(.unavailable, "the book at \(path) is closed") }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure("cannot prepare a statement")
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in parameters.enumerated() {
            // `$1` is a name to SQLite: bound by name, so the order they appear in does not matter.
            let position = sqlite3_bind_parameter_index(statement, "$\(index + 1)")
            guard position > 0 else { continue }
            let bound = value.map { sqlite3_bind_text(statement, position, $0, -1, museum_kiosk_sqlite_transient()) }
                ?? sqlite3_bind_null(statement, position)
            guard bound == SQLITE_OK else { throw failure("cannot bind a value") }
        }
        var rows: [[String?]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return rows }
            guard step == SQLITE_ROW else { throw failure("a statement failed") }
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
    }

    public func script(_ sql: String) throws(BookError) {
        guard let database else { throw BookError(.unavailable, "the book at \(path) is closed") }
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else { throw failure("a statement failed") }
    }

    /// The database's own words, and whether trying again later may help (a busy or full disk,
    /// an I/O error) or the statement itself is wrong.
    private func failure(_ what: String) -> BookError {
        let code = database.map { sqlite3_extended_errcode($0) } ?? SQLITE_CANTOPEN
        let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "closed"
        let primary = code & 0xff
        let transient = [SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PROTOCOL]
        return BookError(transient.contains(primary) ? .unavailable : .refused, "the book at \(path): \(what): \(message)")
    }
}
