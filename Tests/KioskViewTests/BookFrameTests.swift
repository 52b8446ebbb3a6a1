import KioskCore
import KioskView
import SnapshotTesting
import Testing

/// The book of remembrance on screen, in three languages, at 80 × 24 and 40 × 12.
@Suite struct BookFrameTests {
    static let kept: Tour.SessionStart = {
        var start = Tour.SessionStart()
        start.bookAvailable = true
        return start
    }()

    /// A visit at the quiet page of a kiosk that keeps the book, then `events`.
    static func frame(_ columns: Int, _ rows: Int, language: String, _ events: [TourEvent], tour: Tour = tour) -> Frame {
        var config = kept
        config.language = language
        var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: columns, rows: rows), config: config).state
        for event in keys(.character("x")) + events { _ = tour.reduce(&state, event) }
        return TourView(tour: tour).render(state)
    }

    static func choose(_ action: PageAction, _ language: String) -> TourEvent {
        var config = kept
        config.language = language
        var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24), config: config).state
        _ = tour.reduce(&state, .key(.character("x")))
        return .choose(tour.page(for: state.screen.kind, in: state).actions.firstIndex(of: action)!)
    }

    static let words: [String: String] = [
        "en": "In memory of my grandfather, who never came back.",
        "az": "Əziz babamın xatirəsinə, o heç vaxt geri qayıtmadı.",
        "ru": "Светлая память моему деду, который так и не вернулся.",
    ]

    @Test(arguments: [("en", 80, 24), ("az", 80, 24), ("ru", 80, 24), ("az", 40, 12)])
    func theFormBeingFilledIn(language: String, columns: Int, rows: Int) {
        let events = [Self.choose(.writeInBook, language)] + typed(Self.words[language]!) + keys(.enter) + typed("Aysel")
        assertSnapshot(of: Self.frame(columns, rows, language: language, events), as: .screen, named: "form-\(columns)x\(rows)-\(language)")
    }

    @Test(arguments: ["en", "az", "ru"])
    func theThanks(language: String) {
        let events = [Self.choose(.writeInBook, language)] + typed(Self.words[language]!) + keys(.down, .down, .down, .enter)
            + [.book(.saved)]
        assertSnapshot(of: Self.frame(80, 24, language: language, events), as: .screen, named: "thanks-80x24-\(language)")
    }

    @Test(arguments: [("ru", 80, 24), ("en", 40, 12)])
    func theEntries(language: String, columns: Int, rows: Int) {
        let entries = [
            BookEntry(words: Self.words["az"]!, name: "Aysel", place: "Bakı", language: "az", date: "2026-12-04"),
            BookEntry(words: Self.words["ru"]!, language: "ru", date: "2026-12-03"),
        ]
        let events = [Self.choose(.readBook, language), .book(.page(BookPage(number: 0, entries: entries, hasOlder: true)))]
        assertSnapshot(of: Self.frame(columns, rows, language: language, events), as: .screen, named: "entries-\(columns)x\(rows)-\(language)")
    }

    @Test func theIdleWarningSaysUnsentWordsWillBeLost() {
        let kiosk = Tour(pack: smallPack, kiosk: KioskSettings(isKiosk: true))
        // The helper's x wakes the kiosk; a second steps out.
        let events = keys(.character("x")) + [Self.choose(.writeInBook, "en")] + typed("unsent")
            + [.tick(Instant(milliseconds: 125_000))]
        assertSnapshot(of: Self.frame(80, 24, language: "en", events, tour: kiosk), as: .screen, named: "idle-with-words-80x24-en")
    }

    @Test func theStaffDesk() {
        var desk = BookDesk()
        _ = desk.reduce(.listed([
            BookRecord(id: "0a1b", writtenAt: 1_796_400_000, language: "az", words: Self.words["az"]! + "\u{1B}]52;c;ZWNobw==\u{7}",
                       name: "Aysel", place: "Bakı", stand: "hall-4", front: "stand", status: .new),
            BookRecord(id: "2c3d", writtenAt: 1_796_390_000, language: "ru", words: Self.words["ru"]!, name: "", place: "",
                       stand: "ssh-host", front: "ssh", status: .new),
        ]))
        _ = desk.reduce(.decisionsRead([BookDecision(id: "x", entryID: "0a1b", action: .hide, reason: "asked by a family",
                                                     decidedBy: "amina", decidedAt: 1_796_401_000)]))
        _ = desk.reduce(.key(.character("d")))
        let frame = BookDeskView().render(desk, size: TerminalSize(columns: 80, rows: 24)) { "t\($0 % 1000)" }
        assertSnapshot(of: frame, as: .screen, named: "desk-80x24")
        #expect(!frame.text.contains("\u{1B}"), "what a visitor wrote cannot reach a staff member's terminal raw")
    }
}
