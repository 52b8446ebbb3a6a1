import KioskCore

/// The book of remembrance in its database: what the kiosk writes and shows, and what staff
/// decide. Every operation is one statement or one transaction; an entry is safe once `add`
/// returns.
public final class Book {
    public let connection: SQLConnection

    /// The longest an entry's parts may be, in characters: what the visitor's screen allows.
    public static let longestWords = 500
    public static let longestName = 40
    public static let longestPlace = 60

    /// Opens the book, bringing its tables to this kiosk's version.
    public init(connection: SQLConnection) throws(BookError) {
        self.connection = connection
        try DatabaseSchema.migrate(connection)
    }

    /// Keeps a visitor's entry, waiting for staff. The words are kept as typed, bounded.
    public func add(_ submission: BookSubmission, stand: String, front: String, at time: Int64) throws(BookError) -> String {
        let id = Self.newID()
        try connection.run("""
            INSERT INTO book_entries (id, written_at, language, words, name, place, stand, front, status)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'new')
            """, id, String(time), String(submission.language.prefix(8)), Self.bounded(submission.words, Self.longestWords),
            Self.bounded(submission.name, Self.longestName), Self.bounded(submission.place, Self.longestPlace),
            String(stand.prefix(64)), String(front.prefix(16)))
        return id
    }

    /// Approved entries, newest first: `limit` of them after skipping `offset`.
    public func approved(offset: Int, limit: Int) throws(BookError) -> [BookRecord] {
        try records(where: "status = 'approved'", [], offset: offset, limit: limit)
    }

    /// Entries for staff: those with `status` (all when nil) whose words, name or place hold
    /// `text`, newest first.
    public func entries(status: BookRecord.Status?, matching text: String = "", offset: Int = 0, limit: Int = 200) throws(BookError) -> [BookRecord] {
        let conditions = status == nil ? [] : ["status = $1"]
        let parameters: [String?] = status.map { [$0.rawValue] } ?? []
        // Text is matched here, not in SQL: SQLite's lower() folds ASCII only, and "Ə" must
        // find "ə" in either database. A book is thousands of entries at most.
        let found = try records(where: conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND "), parameters,
                                offset: text.isEmpty ? offset : 0, limit: text.isEmpty ? limit : Int(Int32.max))
        guard !text.isEmpty else { return found }
        let folded = Self.folded(text)
        return Array(found.filter { [$0.words, $0.name, $0.place].contains { Self.folded($0).contains(folded) } }.dropFirst(offset).prefix(limit))
    }

    public func entry(id: String) throws(BookError) -> BookRecord? {
        try records(where: "id = $1", [id], offset: 0, limit: 1).first
    }

    /// Records a decision and applies it in one transaction: the entry's status, and for a
    /// deletion its words, name and place removed. Returns false when there is no such entry.
    @discardableResult
    public func decide(_ action: BookDecision.Action, entry id: String, reason: String, by who: String, at time: Int64) throws(BookError) -> Bool {
        try connection.transaction { () throws(BookError) -> Bool in
            guard try entry(id: id) != nil else { return false }
            try connection.run("""
                INSERT INTO book_decisions (id, entry_id, decision, reason, decided_by, decided_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                """, Self.newID(), id, action.rawValue, String(reason.prefix(500)), String(who.prefix(64)), String(time))
            if action.status == .deleted {
                try connection.run("UPDATE book_entries SET status = $1, words = '', name = '', place = '' WHERE id = $2",
                                   action.status.rawValue, id)
            } else {
                try connection.run("UPDATE book_entries SET status = $1 WHERE id = $2", action.status.rawValue, id)
            }
            return true
        }
    }

    /// Every decision, oldest first (for the archive), or an entry's.
    public func decisions(entry id: String? = nil) throws(BookError) -> [BookDecision] {
        let rows = try connection.run("""
            SELECT id, entry_id, decision, reason, decided_by, decided_at FROM book_decisions
            WHERE CAST($1 AS TEXT) IS NULL OR entry_id = $1 ORDER BY decided_at, id
            """, [id])
        return rows.compactMap { row in
            guard row.count == 6, let id = row[0], let entry = row[1], let action = row[2].flatMap(BookDecision.Action.init(rawValue:)),
                  let who = row[4], let at = row[5].flatMap({ Int64($0) }) else { return nil }
            return BookDecision(id: id, entryID: entry, action: action, reason: row[3] ?? "", decidedBy: who, decidedAt: at)
        }
    }

    /// The retention rule: entries written before `cutoff` that are not yet hidden (or, for
    /// `delete`, deleted) are, each with its decision recorded. Returns how many.
    public func retain(before cutoff: Int64, action: BookDecision.Action, by who: String, at time: Int64) throws(BookError) -> Int {
        let statuses = action.status == .deleted ? "('new', 'approved', 'hidden')" : "('new', 'approved')"
        let ids = try connection.run("SELECT id FROM book_entries WHERE written_at < $1 AND status IN \(statuses)", String(cutoff))
            .compactMap { $0.first ?? nil }
        for id in ids { try decide(action, entry: id, reason: "retention", by: who, at: time) }
        return ids.count
    }

    private func records(where condition: String, _ parameters: [String?], offset: Int, limit: Int) throws(BookError) -> [BookRecord] {
        let count = parameters.count
        let rows = try connection.run("""
            SELECT id, written_at, language, words, name, place, stand, front, status FROM book_entries
            WHERE \(condition) ORDER BY written_at DESC, id DESC LIMIT $\(count + 1) OFFSET $\(count + 2)
            """, parameters + [String(max(0, limit)), String(max(0, offset))])
        return rows.compactMap { row in
            guard row.count == 9, let id = row[0], let at = row[1].flatMap({ Int64($0) }),
                  let status = row[8].flatMap(BookRecord.Status.init(rawValue:)) else { return nil }
            return BookRecord(id: id, writtenAt: at, language: row[2] ?? "", words: row[3] ?? "", name: row[4] ?? "",
                              place: row[5] ?? "", stand: row[6] ?? "", front: row[7] ?? "", status: status)
        }
    }

    /// The database's own check of itself: SQLite's integrity check (every page, index and
    /// constraint), or, for PostgreSQL, which keeps itself whole, that the book can be read.
    /// Each problem it finds, or "ok".
    public func check() throws(BookError) -> [String] {
        switch connection.dialect {
        case .sqlite:
            return try connection.run("PRAGMA integrity_check", []).compactMap { $0.first ?? nil }
        case .postgresql:
            _ = try connection.run("SELECT count(*) FROM book_entries", [])
            return ["ok"]
        }
    }

    /// How many entries there are of each status.
    public func counts() throws(BookError) -> [BookRecord.Status: Int] {
        var counts: [BookRecord.Status: Int] = [:]
        for row in try connection.run("SELECT status, count(*) FROM book_entries GROUP BY status", []) {
            if row.count == 2, let status = row[0].flatMap(BookRecord.Status.init(rawValue:)), let count = row[1].flatMap({ Int($0) }) {
                counts[status] = count
            }
        }
        return counts
    }

    /// Text as staff search it: case folded, and the dotted and dotless i of Azerbaijani and
    /// Turkish taken as one letter, so "XOCALI" finds "Xocalı" and "İ" finds "i".
    static func folded(_ text: String) -> String {
        text.replacing("İ", with: "i").lowercased().replacing("ı", with: "i")
    }

    /// At most `limit` characters, and no byte that is not text: a NUL cannot be stored in
    /// PostgreSQL, and is nothing a visitor means.
    static func bounded(_ text: String, _ limit: Int) -> String {
        String(text.prefix(limit).filter { $0 != "\0" })
    }

    /// 128 random bits as hex, from the system's randomness: no two stands make the same
    /// without asking each other.
    static func newID() -> String {
        var system = SystemRandomNumberGenerator()
        return [system.next(), system.next()].map { (half: UInt64) in
            let hex = String(half, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
