import Foundation
import KioskCore
import Testing
@testable import KioskBook

/// A fresh SQLite book in a folder of its own.
final class TestBookFile {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-\(UUID().uuidString.prefix(8))").path
    var path: String { folder + "/book.sqlite" }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func open() throws -> Book { try Book(connection: try SQLiteConnection(path: path)) }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

@Suite struct SQLiteBookTests {
    @Test func anEntryIsKeptAsTypedAndShownOnlyOnceApproved() throws {
        let file = try TestBookFile()
        let book = try file.open()
        let words = "Xocalı qurbanlarının xatirəsinə. Вечная память. '; DROP TABLE book_entries; --"
        let id = try book.add(BookSubmission(words: words, name: "Aysel", place: "Bakı", language: "az"),
                              stand: "hall-4", front: "stand", at: 1_796_400_000)
        #expect(try book.approved(offset: 0, limit: 10).isEmpty, "nothing is shown before staff approve it")
        let waiting = try #require(try book.entries(status: .new).first)
        #expect(waiting.words == words)
        #expect(waiting.name == "Aysel" && waiting.place == "Bakı" && waiting.language == "az")
        #expect(waiting.stand == "hall-4" && waiting.front == "stand" && waiting.writtenAt == 1_796_400_000)
        #expect(try book.decide(.approve, entry: id, reason: "", by: "guide-amina", at: 1_796_400_100))
        #expect(try book.approved(offset: 0, limit: 10).map(\.id) == [id])
        #expect(try book.decisions(entry: id).map(\.action) == [.approve])
        #expect(try book.decisions().first?.decidedBy == "guide-amina")
    }

    @Test func aDeletionRemovesTheWordsAndKeepsTheReason() throws {
        let file = try TestBookFile()
        let book = try file.open()
        let id = try book.add(BookSubmission(words: "not for the book", name: "x", language: "en"), stand: "s", front: "ssh", at: 10)
        #expect(try book.decide(.delete, entry: id, reason: "abuse", by: "root", at: 20))
        let deleted = try #require(try book.entry(id: id))
        #expect(deleted.status == .deleted && deleted.words.isEmpty && deleted.name.isEmpty)
        #expect(try book.decisions(entry: id).first?.reason == "abuse")
        #expect(try !book.decide(.approve, entry: "no-such-entry", reason: "", by: "root", at: 30))
    }

    @Test func approvedEntriesComeNewestFirstAPageAtATime() throws {
        let file = try TestBookFile()
        let book = try file.open()
        for second in 0..<12 {
            let id = try book.add(BookSubmission(words: "entry \(second)", language: "en"), stand: "s", front: "stand", at: Int64(second))
            try book.decide(.approve, entry: id, reason: "", by: "staff", at: 100)
        }
        #expect(try book.approved(offset: 0, limit: 5).map(\.words) == ["entry 11", "entry 10", "entry 9", "entry 8", "entry 7"])
        #expect(try book.approved(offset: 10, limit: 5).map(\.words) == ["entry 1", "entry 0"])
    }

    @Test func searchFoldsCaseInEveryAlphabet() throws {
        let file = try TestBookFile()
        let book = try file.open()
        _ = try book.add(BookSubmission(words: "Əbədi xatirə", language: "az"), stand: "s", front: "stand", at: 1)
        _ = try book.add(BookSubmission(words: "Память", language: "ru"), stand: "s", front: "stand", at: 2)
        #expect(try book.entries(status: nil, matching: "ƏBƏDİ").count == 1)
        #expect(try book.entries(status: nil, matching: "XATIRƏ").count == 1, "I and ı, İ and i are one letter to a search")
        #expect(try book.entries(status: nil, matching: "ПАМЯТЬ").map(\.words) == ["Память"])
        #expect(try book.entries(status: .approved, matching: "память").isEmpty)
    }

    @Test func whatIsTooLongIsCutAndANulNeverStored() throws {
        let file = try TestBookFile()
        let book = try file.open()
        let paste = String(repeating: "ə", count: 1_000_000) + "\0"
        let id = try book.add(BookSubmission(words: paste, name: String(repeating: "n", count: 100), language: "az"),
                              stand: "s", front: "stand", at: 1)
        let kept = try #require(try book.entry(id: id))
        #expect(kept.words.count == Book.longestWords)
        #expect(kept.name.count == Book.longestName)
        #expect(!kept.words.contains("\0"))
    }

    @Test func theRetentionRuleHidesOrDeletesOldEntriesWithADecisionEach() throws {
        let file = try TestBookFile()
        let book = try file.open()
        let old = try book.add(BookSubmission(words: "old", language: "en"), stand: "s", front: "stand", at: 100)
        let recent = try book.add(BookSubmission(words: "recent", language: "en"), stand: "s", front: "stand", at: 10_000)
        #expect(try book.retain(before: 5_000, action: .retainHide, by: "retention", at: 20_000) == 1)
        #expect(try book.entry(id: old)?.status == .hidden)
        #expect(try book.entry(id: recent)?.status == .new)
        #expect(try book.retain(before: 5_000, action: .retainHide, by: "retention", at: 20_001) == 0, "once")
        #expect(try book.retain(before: 5_000, action: .retainDelete, by: "retention", at: 20_002) == 1)
        #expect(try book.entry(id: old)?.words == "")
    }

    @Test func aDatabaseANewerKioskMadeIsLeftAlone() throws {
        let file = try TestBookFile()
        _ = try file.open()
        let connection = try SQLiteConnection(path: file.path)
        try connection.script("UPDATE book_schema SET version = 99")
        #expect(performing: { try file.open() }, throws: { ($0 as? BookError)?.kind == .newerSchema })
        #expect(try connection.run("SELECT version FROM book_schema", []).first?.first == "99", "never rewritten backwards")
    }

    @Test func theBookIsWrittenAheadAndSyncedAtEveryCommit() throws {
        let file = try TestBookFile()
        let book = try file.open()
        #expect(try book.connection.run("PRAGMA journal_mode", []).first?.first == "wal")
        #expect(try book.connection.run("PRAGMA synchronous", []).first?.first == "2", "FULL")
        #expect(try book.connection.run("PRAGMA integrity_check", []).first?.first == "ok")
    }

    @Test func aFolderThatCannotBeWrittenIsAClearError() {
        #expect(performing: { try SQLiteConnection(path: "/proc/no-such-folder/book.sqlite") },
                throws: { ($0 as? BookError)?.kind == .unavailable && "\($0)".contains("/proc/no-such-folder/book.sqlite") })
    }
}
