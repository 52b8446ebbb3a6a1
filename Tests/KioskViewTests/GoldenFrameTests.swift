import Foundation

/// The bundled pack, whose message catalogues are the kiosk's own words.
let kioskWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
import KioskCore
import KioskView
import SnapshotTesting
import Testing

/// The test pack of KioskCoreTests: three halls, with translations and one missing.
let smallPack: Pack = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small")
    guard let pack = PackLoader(directory: folder.path, kioskWords: kioskWords).load().pack else { fatalError("the small test pack does not load") }
    return pack
}()

let tour = Tour(pack: smallPack)

/// A visit brought to a screen by events, as the visitor would. Unless `doorsRead` is false,
/// the visitor has already read every hall's advisories at its door.
func frame(_ columns: Int, _ rows: Int, language: String? = "en", _ events: [TourEvent] = [],
           tour: Tour = tour, doorsRead: Bool = true) -> Frame {
    var state = started(tour, language: language, size: TerminalSize(columns: columns, rows: rows))
    if doorsRead { state.visit.care.acknowledgedHalls = Set(tour.pack.halls.indices) }
    for event in events { _ = tour.reduce(&state, event) }
    return TourView(tour: tour).render(state)
}

/// A session started at the clock's zero; what it asks of the runtime is left undone.
func started(_ tour: Tour, language: String?, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
             config: Tour.SessionStart = Tour.SessionStart()) -> TourState {
    var config = config
    config.language = language
    return tour.start(now: Instant(milliseconds: 0), size: size, config: config).state
}

func typed(_ text: String) -> [TourEvent] { text.map { .key(.character($0)) } }
func keys(_ keys: Key...) -> [TourEvent] { keys.map(TourEvent.key) }
func resize(_ columns: Int, _ rows: Int) -> [TourEvent] { [.resize(TerminalSize(columns: columns, rows: rows))] }

/// Golden frames: the text of whole screens, checked into __Snapshots__ and reviewed like
/// code. A missing golden is recorded and fails; re-record all with
/// SNAPSHOT_TESTING_RECORD=all swift test --filter GoldenFrameTests.
extension Snapshotting where Value == Frame, Format == String {
    static var screen: Snapshotting { Snapshotting<String, String>.lines.pullback { (frame: Frame) in frame.text + "\n" } }
}

@Suite struct GoldenFrameTests {
    static let languages = ["en", "az", "ru"]

    @Test func welcomeBeforeALanguageIsChosen() {
        assertSnapshot(of: frame(80, 24, language: nil), as: .screen, named: "welcome-80x24")
    }

    @Test func chooseALanguage() {
        assertSnapshot(of: frame(80, 24, language: nil, keys(.enter)), as: .screen, named: "language-80x24")
    }

    @Test(arguments: languages)
    func theAdvisoryBeforeTheTour(language: String) {
        assertSnapshot(of: frame(80, 24, language: language, keys(.enter)), as: .screen, named: "advisory-80x24-\(language)")
    }

    @Test(arguments: languages)
    func aHallAt80x24(language: String) {
        assertSnapshot(of: frame(80, 24, language: language, typed("110") + keys(.enter)), as: .screen,
                       named: "hall-80x24-\(language)")
    }

    @Test(arguments: languages)
    func aHallAt40x12(language: String) {
        assertSnapshot(of: frame(40, 12, language: language, typed("110") + keys(.enter)), as: .screen,
                       named: "hall-40x12-\(language)")
    }

    @Test(arguments: languages)
    func anExhibitAt80x24(language: String) {
        assertSnapshot(of: frame(80, 24, language: language, typed("101") + keys(.enter)), as: .screen,
                       named: "exhibit-80x24-\(language)")
    }

    @Test func anUntranslatedExhibitSaysSo() {
        assertSnapshot(of: frame(80, 24, language: "az", typed("111") + keys(.enter)), as: .screen,
                       named: "exhibit-fallback-80x24-az")
    }

    @Test func theMoreLayerScrolledAt40x12() {
        assertSnapshot(of: frame(80, 24, typed("100") + keys(.enter, .enter) + resize(40, 12) + keys(.pageDown)),
                       as: .screen, named: "hall-more-40x12-en")
    }

    @Test func theFloorPlan() {
        assertSnapshot(of: frame(80, 24, typed("110") + keys(.enter, .character("m"), .down)), as: .screen,
                       named: "map-80x24-en")
    }

    @Test func theFloorMapAsAListOnASmallScreen() {
        assertSnapshot(of: frame(40, 12, language: "ru", typed("110") + keys(.enter, .character("m"))), as: .screen,
                       named: "map-40x12-ru")
    }

    @Test(arguments: [("en", 80, 24), ("ru", 40, 12)])
    func help(language: String, columns: Int, rows: Int) {
        assertSnapshot(of: frame(columns, rows, language: language, keys(.character("?"))), as: .screen,
                       named: "help-\(columns)x\(rows)-\(language)")
    }

    @Test func typingAStopNumber() {
        assertSnapshot(of: frame(80, 24, typed("110") + keys(.enter) + typed("11")), as: .screen, named: "typing-80x24-en")
    }

    @Test func anUnknownStop() {
        assertSnapshot(of: frame(80, 24, typed("110") + keys(.enter) + typed("999") + keys(.enter)), as: .screen, named: "no-such-stop-80x24-en")
    }

    @Test func theEnd() {
        assertSnapshot(of: frame(80, 24, language: "az", typed("120") + keys(.enter, .character("n"))), as: .screen,
                       named: "end-80x24-az")
    }

    @Test(arguments: [(39, 12), (80, 11), (12, 4)])
    func tooSmall(columns: Int, rows: Int) {
        assertSnapshot(of: frame(columns, rows), as: .screen, named: "enlarge-\(columns)x\(rows)")
    }
}

/// The public kiosk and care for the visitor: golden frames of their screens.
@Suite struct KioskGoldenFrameTests {
    static let kiosk = Tour(pack: smallPack, kiosk: KioskSettings(isKiosk: true, hasStaffPIN: true))
    static let booth = Tour(pack: smallPack, kiosk: KioskSettings(demoWordsPerMinute: 160))

    static func tick(_ seconds: Double) -> TourEvent { .tick(Instant(milliseconds: Int64(seconds * 1000))) }

    @Test(arguments: [("en", 0.0), ("az", 6.0), ("ru", 12.0)])
    func theAttractLoop(language: String, seconds: Double) {
        assertSnapshot(of: frame(80, 24, language: nil, [Self.tick(0), Self.tick(seconds)], tour: Self.kiosk),
                       as: .screen, named: "attract-80x24-\(language)")
    }

    @Test func theAttractLoopAt40x12() {
        assertSnapshot(of: frame(40, 12, language: nil, [Self.tick(0), Self.tick(13)], tour: Self.kiosk),
                       as: .screen, named: "attract-40x12-ru")
    }

    @Test(arguments: [("en", 80, 24), ("ru", 40, 12)])
    func theIdleWarning(language: String, columns: Int, rows: Int) {
        let events = [Self.tick(0)] + keys(.enter) + typed("110") + keys(.enter) + [Self.tick(128.5)]
        assertSnapshot(of: frame(columns, rows, language: language, events, tour: Self.kiosk), as: .screen,
                       named: "idle-warning-\(columns)x\(rows)-\(language)")
    }

    @Test func aKioskOffersNoQuitKey() {
        let events = [Self.tick(0)] + keys(.enter) + typed("110") + keys(.enter)
        assertSnapshot(of: frame(80, 24, events, tour: Self.kiosk), as: .screen, named: "kiosk-hall-80x24-en")
    }

    @Test func theStaffExitPrompt() {
        let events = [Self.tick(0)] + keys(.control("x"), .control("c")) + typed("123")
        assertSnapshot(of: frame(80, 24, events, tour: Self.kiosk), as: .screen, named: "staff-exit-80x24-en")
    }

    @Test func theDemonstrationSaysHowToTakeOver() {
        assertSnapshot(of: frame(80, 24, [Self.tick(0), Self.tick(60)], tour: Self.booth), as: .screen,
                       named: "demo-80x24-en")
    }

    @Test(arguments: [("en", 80, 24), ("az", 80, 24), ("ru", 40, 12)])
    func aHallsDoor(language: String, columns: Int, rows: Int) {
        assertSnapshot(of: frame(columns, rows, language: language, typed("110") + keys(.enter), doorsRead: false),
                       as: .screen, named: "hall-door-\(columns)x\(rows)-\(language)")
    }

    @Test(arguments: ["en", "ru"])
    func aGraphicExhibitBeforeItIsAskedFor(language: String) {
        assertSnapshot(of: frame(80, 24, language: language, typed("111") + keys(.enter)), as: .screen,
                       named: "graphic-hidden-80x24-\(language)")
    }

    @Test func aGraphicExhibitShown() {
        assertSnapshot(of: frame(80, 24, typed("111") + keys(.enter, .enter)), as: .screen, named: "graphic-shown-80x24-en")
    }

    @Test(arguments: [("en", 80, 24), ("az", 40, 12)])
    func theQuietPage(language: String, columns: Int, rows: Int) {
        assertSnapshot(of: frame(columns, rows, language: language, typed("101") + keys(.enter, .character("x"))),
                       as: .screen, named: "remembrance-\(columns)x\(rows)-\(language)")
    }
}

/// The tours test pack: three tours to choose from, a name table to search with.
let toursPack: Pack = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/tours")
    guard let pack = PackLoader(directory: folder.path, kioskWords: kioskWords).load().pack else { fatalError("the tours test pack does not load") }
    return pack
}()

/// The choice of tour, the search line, and what a tour changes on the map and a hall.
@Suite struct TourGoldenFrameTests {
    static let tour = Tour(pack: toursPack)
    static let sizes = [(80, 24), (40, 12)]
    static let queries = ["en": "sheki", "az": "ismayilli", "ru": "шеки"]

    @Test(arguments: GoldenFrameTests.languages)
    func theChoiceOfTour(language: String) {
        for (columns, rows) in Self.sizes {
            assertSnapshot(of: frame(columns, rows, language: language, keys(.character("n")), tour: Self.tour), as: .screen,
                           named: "tour-choice-\(columns)x\(rows)-\(language)")
        }
    }

    @Test(arguments: GoldenFrameTests.languages)
    func theSearchLineWithWhatItFound(language: String) {
        for (columns, rows) in Self.sizes {
            let events = keys(.character("/")) + typed(Self.queries[language]!)
            assertSnapshot(of: frame(columns, rows, language: language, events, tour: Self.tour), as: .screen,
                           named: "search-\(columns)x\(rows)-\(language)")
        }
    }

    @Test func theSearchLineBeforeAWordAndWhenNothingIsFound() {
        assertSnapshot(of: frame(80, 24, keys(.character("/")), tour: Self.tour), as: .screen, named: "search-empty-80x24-en")
        assertSnapshot(of: frame(40, 12, language: "ru", keys(.character("/")) + typed("zzz"), tour: Self.tour), as: .screen,
                       named: "search-nothing-40x12-ru")
    }

    /// The short tour leaves the silk hall out: dashed on the plan, said in the list.
    @Test func theMapMarksTheHallsTheTourLeavesOut() {
        let events = keys(.character("n")) + [.choose(1)] + typed("100") + keys(.enter, .character("m"))
        assertSnapshot(of: frame(80, 24, events, tour: Self.tour), as: .screen, named: "map-short-tour-80x24-en")
        assertSnapshot(of: frame(40, 12, language: "az", events, tour: Self.tour), as: .screen, named: "map-short-tour-40x12-az")
    }

    @Test func aHallOnTheYoungVisitorsTour() {
        let events = keys(.character("n")) + [.choose(2)] + typed("110") + keys(.enter)
        assertSnapshot(of: frame(80, 24, events, tour: Self.tour), as: .screen, named: "hall-young-80x24-en")
    }
}
