/// The tables of the database the book of remembrance and the visit statistics share, as a
/// list of migrations: each version's statements, applied in order and never changed once
/// released, so any database can be brought forward and none is ever rewritten backwards. The
/// same SQL for SQLite and PostgreSQL. The version is kept in `book_schema`, the name the
/// book's first release gave it.
public enum DatabaseSchema {
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
        // 2: the visit statistics (KioskStatistics.VisitEvent): one row for each thing that
        // happened in a visit, under a random number that lives as long as the visit, with the
        // stand's day and hour and nothing finer. `amount` is a shown place's milliseconds on
        // the screen, or a count of events dropped.
        """
        CREATE TABLE visit_events (
            visit BIGINT NOT NULL,
            stand TEXT NOT NULL,
            day TEXT NOT NULL,
            hour INTEGER NOT NULL,
            kind TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            hall TEXT NOT NULL DEFAULT '',
            exhibit TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            amount BIGINT NOT NULL DEFAULT 0
        );
        CREATE INDEX visit_events_by_kind ON visit_events (kind, day);
        CREATE INDEX visit_events_by_day ON visit_events (day);
        """,
        // 3: the visit statistics of finished days, folded (KioskStatistics.VisitStatistics.fold):
        // the report's counts by day and stand (`what` names the count, `a` and `b` its other
        // keys), and each stop's and hall's time per visit as a histogram of whole seconds, by
        // day and stand and, summed, by month for every stand (`day` its first day): a year's
        // report sums counts instead of reading every row of every visit.
        """
        CREATE TABLE visit_counts (
            day TEXT NOT NULL,
            stand TEXT NOT NULL,
            what TEXT NOT NULL,
            a TEXT NOT NULL DEFAULT '',
            b TEXT NOT NULL DEFAULT '',
            visits BIGINT NOT NULL
        );
        CREATE INDEX visit_counts_by_what ON visit_counts (what, day);
        CREATE TABLE visit_times (
            day TEXT NOT NULL,
            stand TEXT NOT NULL,
            what TEXT NOT NULL,
            hall TEXT NOT NULL,
            exhibit TEXT NOT NULL DEFAULT '',
            seconds BIGINT NOT NULL,
            visits BIGINT NOT NULL,
            month_last TEXT NOT NULL
        );
        CREATE INDEX visit_times_by_what ON visit_times (what, day);
        """,
    ]

    static var latest: Int { migrations.count }

    /// Brings the database to the latest version, under a lock so two kiosks starting at once
    /// do not both do it; refuses one a newer kiosk made. The version's own table is made under
    /// the lock too: PostgreSQL's CREATE TABLE IF NOT EXISTS is no guard against another
    /// session making it at the same moment (a duplicate key in pg_type).
    public static func migrate(_ connection: SQLConnection) throws(BookError) {
        try connection.transaction(exclusive: true) { () throws(BookError) in
            try connection.script("CREATE TABLE IF NOT EXISTS book_schema (version INTEGER NOT NULL)")
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
