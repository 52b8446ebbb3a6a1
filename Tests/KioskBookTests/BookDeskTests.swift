import KioskCore
import Testing
@testable import KioskBook

@Suite struct BookDeskTests {
    static let records = [
        BookRecord(id: "a", writtenAt: 20, language: "az", words: "one", name: "", place: "", stand: "s", front: "stand", status: .new),
        BookRecord(id: "b", writtenAt: 10, language: "ru", words: "two", name: "", place: "", stand: "s", front: "ssh", status: .new),
    ]

    @Test func theDeskOpensOnTheNewEntriesAndApprovesWithOneKey() {
        var desk = BookDesk()
        #expect(desk.opening == [.list(.new, search: "")])
        #expect(desk.reduce(.listed(Self.records)) == [.readDecisions(entry: "a")])
        #expect(desk.reduce(.key(.down)) == [.readDecisions(entry: "b")])
        #expect(desk.reduce(.key(.character("a"))) == [.decide(.approve, entry: "b", reason: "")])
        #expect(desk.reduce(.decided(.approve)) == [.list(.new, search: "")])
        #expect(desk.note == .decided(.approve))
        #expect(desk.reduce(.listed([Self.records[0]])) == [.readDecisions(entry: "a")])
        #expect(desk.selection == 0, "kept on the list, which is shorter now")
    }

    @Test func hidingAndDeletingAskWhyAndAReasonIsNeeded() {
        var desk = BookDesk()
        _ = desk.reduce(.listed(Self.records))
        #expect(desk.reduce(.key(.character("d"))) == [])
        #expect(desk.prompt == .reason(.delete, typed: ""))
        // What is typed is the reason, even the desk's own keys.
        for key in "q a" { _ = desk.reduce(.key(.character(key))) }
        _ = desk.reduce(.key(.backspace))
        _ = desk.reduce(.key(.backspace))
        _ = desk.reduce(.key(.backspace))
        #expect(desk.reduce(.key(.enter)) == [], "no reason, no decision")
        #expect(desk.note == .reasonNeeded)
        for key in "spam" { _ = desk.reduce(.key(.character(key))) }
        #expect(desk.reduce(.key(.enter)) == [.decide(.delete, entry: "a", reason: "spam")])
        _ = desk.reduce(.key(.character("h")))
        #expect(desk.reduce(.key(.escape)) == [])
        #expect(desk.prompt == nil)
    }

    @Test func shelvesAndSearch() {
        var desk = BookDesk()
        #expect(desk.reduce(.key(.tab)) == [.list(.approved, search: "")])
        #expect(desk.reduce(.key(.left)) == [.list(.new, search: "")])
        #expect(desk.reduce(.key(.left)) == [.list(nil, search: "")], "all")
        _ = desk.reduce(.key(.character("/")))
        for key in "Xocalı" { _ = desk.reduce(.key(.character(key))) }
        #expect(desk.reduce(.key(.enter)) == [.list(nil, search: "Xocalı")])
        #expect(desk.reduce(.key(.escape)) == [.list(nil, search: "")])
        #expect(desk.reduce(.key(.character("q"))) == [.quit])
    }
}

@Suite struct BookArchiveTests {
    static let record = BookRecord(id: "a1", writtenAt: 1_796_428_800, language: "az", words: "Xatirə, \"əbədi\"\nyaddaş",
                                   name: "Aysel", place: "Bakı, Xətai", stand: "hall-4", front: "stand", status: .hidden)
    static let decision = BookDecision(id: "d1", entryID: "a1", action: .hide, reason: "asked, by the family", decidedBy: "amina",
                                       decidedAt: 1_796_432_400)

    @Test func csvQuotesWhatNeedsItAndKeepsEveryDecision() {
        let text = BookArchive.text([Self.record], decisions: [Self.decision], format: .csv)
        #expect(text == "id,written_at,language,words,name,place,stand,front,status,decisions\r\n"
            + "a1,2026-12-05T00:00:00Z,az,\"Xatirə, \"\"əbədi\"\"\nyaddaş\",Aysel,\"Bakı, Xətai\",hall-4,stand,hidden,"
            + "\"hide by amina at 2026-12-05T01:00:00Z: asked, by the family\"\r\n")
    }

    @Test func jsonLinesEscapeControlsAndKeepUnicode() {
        var record = Self.record
        record.words = "a\u{1B}[2J\u{2028}b\t\"c\"\\"
        let text = BookArchive.text([record], decisions: [Self.decision], format: .jsonl)
        #expect(text == #"{"id":"a1","written_at":"2026-12-05T00:00:00Z","language":"az","words":"a\u001b[2J\u2028b\t\"c\"\\","name":"Aysel","place":"Bakı, Xətai","stand":"hall-4","front":"stand","status":"hidden","decisions":[{"action":"hide","by":"amina","at":"2026-12-05T01:00:00Z","reason":"asked, by the family"}]}"# + "\n")
    }

    @Test func utcIsComputedWithoutTheMachinesZone() {
        #expect(BookArchive.utc(0) == "1970-01-01T00:00:00Z")
        #expect(BookArchive.utc(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(BookArchive.utc(-1) == "1969-12-31T23:59:59Z")
        #expect(BookArchive.utc(4_102_444_799) == "2099-12-31T23:59:59Z")
    }
}
