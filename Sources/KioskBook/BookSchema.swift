/// The book's tables, as a list of migrations: each version's statements, applied in order
/// and never changed once released, so any database can be brought forward and none is ever
/// rewritten backwards. The same SQL for SQLite and PostgreSQL.
enum BookSchema {
    static let migrations: [String] = [
        // 1: entries, and every decision staff make about one.
        """
        CREATE TABLE book_entries (
            id TEXT PRIMARY KEY,
            written_at BIGINT NOT NULL,
            language TEXT NOT NULL,
            words TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            stand TEXT NOT NULL,
            front TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new'
        );
        CREATE INDEX book_entries_by_status ON book_entries (status, written_at);
        CREATE TABLE book_decisions (
            id TEXT PRIMARY KEY,
            entry_id TEXT NOT NULL REFERENCES book_entries (id),
            decision TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            decided_by TEXT NOT NULL,
            decided_at BIGINT NOT NULL
        );
        CREATE INDEX book_decisions_by_entry ON book_decisions (entry_id, decided_at);
        """,
    ]

    static var latest: Int { migrations.count }

    /// Brings the database to the latest version, under a lock so two kiosks starting at once
    /// do not both do it; refuses one a newer kiosk made.
    static func migrate(_ connection: SQLConnection) throws(BookError) {
        try connection.script("CREATE TABLE IF NOT EXISTS book_schema (version INTEGER NOT NULL)")
        try connection.transaction(exclusive: true) { () throws(BookError) in
            let row = try connection.run("SELECT version FROM book_schema").first
            let found = row.flatMap { $0.first ?? nil }.flatMap { Int($0) } ?? 0
            guard found <= latest else {
                throw BookError(.newerSchema, "the book's database is at version \(found), newer than this kiosk's \(latest): upgrade the kiosk; the database is left as it is")
            }
            guard found < latest else { return }
            for version in found..<latest { try connection.script(migrations[version]) }
            if found == 0 {
                try connection.run("INSERT INTO book_schema (version) VALUES ($1)", String(latest))
            } else {
                try connection.run("UPDATE book_schema SET version = $1", String(latest))
            }
        }
    }
}
