import Foundation
import KioskCore
import KioskView
import PropertyBased
import Testing

/// Random visitors: seeded sequences of keys and resizes (from 1 × 1 to 500 × 200) drive the
/// tour and the view, and after every event the state and the frame must hold:
/// - the visitor is somewhere that exists: a hall or exhibit of the pack, a choice among the
///   page's items, a scroll within the page, a language of the pack;
/// - the page laid out is the page the state shows (the layout cache holds nothing stale);
/// - each row of the frame takes exactly the terminal's width;
/// - no cell is wider than the screen: a wide character's right half is inside the frame,
///   and no cell holds a control character.
///
/// `swift test` walks 5,000 steps (under a minute in a full run); the full million runs with
///     RANDOM_VISITOR_STEPS=1000000 swift test -c release --filter RandomVisitorTests
/// (docs/reliability.md has the time it takes). The seed is fixed, so a failure is repeated
/// exactly; RANDOM_VISITOR_SEED picks another.
@Suite struct RandomVisitorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bundled: Tour = {
        guard let pack = PackLoader(directory: root.path, kioskWords: root.path).load().pack else { fatalError("the bundled pack does not load") }
        return Tour(pack: pack)
    }()

    static let small: Tour = {
        guard let pack = PackLoader(directory: root.appendingPathComponent("Tests/KioskCoreTests/Packs/small").path, kioskWords: root.path).load().pack
        else { fatalError("the small test pack does not load") }
        return Tour(pack: pack)
    }()

    static var steps: Int { ProcessInfo.processInfo.environment["RANDOM_VISITOR_STEPS"].flatMap(Int.init) ?? 5_000 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["RANDOM_VISITOR_SEED"].flatMap(UInt64.init) ?? 20_261_124 }

    @Test func aSeededWalkKeepsEveryInvariant() {
        var random = Xoshiro(seed: (Self.seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        let tour = Self.bundled
        let view = TourView(tour: tour)
        var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24)).state
        var failures = 0
        for step in 0..<Self.steps {
            let event = Visitor.event.run(using: &random)
            // The walk goes on whatever the visitor asks of the runtime (`q` to leave, say).
            _ = tour.reduce(&state, event)
            let problems = Invariants.check(state, view.render(state), tour: tour)
            if !problems.isEmpty {
                Issue.record("step \(step) (seed \(Self.seed)), after \(event): \(problems.joined(separator: "; "))")
                failures += 1
                if failures == 5 { return }
            }
        }
    }

    /// Short walks from a fresh visit on the small pack; on a failure the library shrinks the
    /// walk to the fewest events that still break an invariant, and prints its seed.
    @Test func shortWalksFromTheStartKeepEveryInvariant() async {
        await propertyCheck(count: 50, input: Visitor.event.array(of: 1...80)) { events in
            let tour = Self.small
            let view = TourView(tour: tour)
            var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24)).state
            for event in events {
                _ = tour.reduce(&state, event)
                let problems = Invariants.check(state, view.render(state), tour: tour)
                #expect(problems.isEmpty, "after \(event): \(problems.joined(separator: "; "))")
                if !problems.isEmpty { return }
            }
        }
    }

    /// The checks find what they look for: a frame of the wrong size, a visitor in a hall that
    /// does not exist, a wide character cut by the edge.
    @Test func theInvariantsCatchWhatTheyAreFor() {
        let tour = Self.small
        let view = TourView(tour: tour)
        var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24),
                               config: Tour.SessionStart(language: "en")).state
        #expect(Invariants.check(state, view.render(state), tour: tour) == [])
        state.visit.place = Screen(.hall(99))
        #expect(!Invariants.check(state, Frame(size: state.session.size), tour: tour).isEmpty)
        state.visit.place = Screen(.hall(0), selection: 7)
        #expect(Invariants.check(state, view.render(state), tour: tour).contains { $0.hasPrefix("choice 7") })
        #expect(Invariants.cells(columns: 3, rows: 1) { _, column in ["a", "b", "字"][column] }
                == ["a wide character at 0,2 without its right half in the frame", "row 0 takes 4 columns of 3"])
        state.visit.place = Screen(.welcome)
        var cut = Frame(size: TerminalSize(columns: 2, rows: 1))
        cut.put("a字", row: 0, column: 0, style: CellStyle(.body))
        #expect(Invariants.cells(cut) == [])
        #expect(Invariants.cells(columns: 1, rows: 1) { _, _ in "字" }.first == "a wide character at 0,0 without its right half in the frame")
        #expect(Invariants.cells(columns: 2, rows: 1) { _, column in column == 0 ? "a" : "" }.first
                == "a right half at 0,1 without a wide character before it")
        #expect(Invariants.cells(columns: 1, rows: 1) { _, _ in "\u{1B}" }.first == "control character in cell 0,0")
    }
}

/// What a visitor does: mostly the keys the kiosk knows, sometimes any key at all, sometimes
/// the window changes size.
enum Visitor {
    static let known: [Key] = [
        .character("n"), .character("p"), .character("m"), .character("l"), .character("?"), .character("q"),
        .character("x"), .character("N"), .character("т"), .character(" "), .character("/"), .up, .down, .left, .right, .pageUp, .pageDown,
        .home, .end, .enter, .escape, .backspace, .tab, .control("c"), .unknown,
    ]
    static let digits: [Key] = (0...9).map { .character(Character(String($0))) }
    static let strange: [Key] = [.character("ə"), .character("字"), .character("👍🏽"), .character("e\u{301}"), .character("\u{202E}")]

    static let key = Gen<TourEvent>.frequency(
        (6, Gen<Key?>.element(of: known).map { TourEvent.key($0!) }),
        (2, Gen<Key?>.element(of: digits).map { TourEvent.key($0!) }),
        (0.3, Gen<Key?>.element(of: strange).map { TourEvent.key($0!) })
    )

    /// Sizes at the edges (1, the 40 × 12 minimum, the largest) and in between.
    static let size = Gen<TourEvent>.frequency(
        (3, Gen.int(in: 1...12).map { TourEvent.resize(TerminalSize(columns: $0, rows: max(1, $0 / 2))) }),
        (3, Gen.int(in: 38...42).map { TourEvent.resize(TerminalSize(columns: $0, rows: $0 / 3)) }),
        (3, Gen.int(in: 60...160).map { TourEvent.resize(TerminalSize(columns: $0, rows: $0 / 3)) }),
        (1, Gen.int(in: 1...500).map { TourEvent.resize(TerminalSize(columns: $0, rows: max(1, $0 * 2 / 5))) })
    )

    static let event = Gen<TourEvent>.frequency(
        (0.9, key.eraseToAny()),
        (0.07, size.eraseToAny()),
        (0.03, Gen.int(in: 0...100_000_000).map { TourEvent.tick(Instant(milliseconds: Int64($0))) })
    )
}

/// The invariants, as lists of what is wrong (empty when all hold).
enum Invariants {
    static func check(_ state: TourState, _ frame: Frame, tour: Tour) -> [String] {
        var problems: [String] = []
        let pack = tour.pack
        if !pack.languages.contains(state.language) { problems.append("language \(state.language)") }
        if state.visit.digits.count > 6 || !state.visit.digits.allSatisfy(\.isASCII) { problems.append("digits \(state.visit.digits)") }
        switch state.visit.place.kind {
        case .hall(let hall), .hallMore(let hall):
            if !pack.halls.indices.contains(hall) { problems.append("hall \(hall)") }
        case .exhibit(let hall, let exhibit), .exhibitMore(let hall, let exhibit):
            if !pack.halls.indices.contains(hall) || !pack.halls[hall].exhibits.indices.contains(exhibit) {
                problems.append("exhibit \(hall).\(exhibit)")
            }
        case .map, .help, .languageMenu:
            problems.append("an overlay as the place")
        default: break
        }
        if let overlay = state.visit.overlay, !overlay.kind.isOverlay { problems.append("\(overlay.kind) as an overlay") }
        if problems.isEmpty {
            problems += position(of: state.visit.place, in: state, tour: tour)
            if let overlay = state.visit.overlay { problems += position(of: overlay, in: state, tour: tour) }
        }
        return problems + cells(frame)
    }

    /// The choice and the scroll of a screen are within its page as laid out.
    static func position(of screen: Screen, in state: TourState, tour: Tour) -> [String] {
        if screen.kind == .map && MapGeometry(pack: tour.pack, size: state.session.size).fits {
            return tour.pack.halls.indices.contains(screen.selection) ? [] : ["map cursor \(screen.selection)"]
        }
        let layout = tour.layout(of: screen, in: state)
        let rows = PageGeometry(state.session.size).bodyRows
        var problems: [String] = []
        // A remembered layout is the one laid out anew: the cache never shows a stale page.
        if layout != PageLayout(tour.page(for: screen.kind, in: state), width: PageGeometry(state.session.size).columnWidth) {
            problems.append("a remembered layout of \(screen.kind) differs from a fresh one")
        }
        let items = layout.itemLines.count
        if items > 0 && !(0..<items).contains(screen.selection) { problems.append("choice \(screen.selection) of \(items) on \(screen.kind)") }
        if items == 0 && screen.selection != 0 { problems.append("choice \(screen.selection) on a page without items") }
        if screen.scroll < 0 || screen.scroll > max(0, layout.lines.count - rows) {
            problems.append("scroll \(screen.scroll) of \(layout.lines.count) lines in \(rows) rows on \(screen.kind)")
        }
        return problems
    }

    /// No cell wider than the screen, none with a control character, every right half of a
    /// wide character next to its left half, and each row the terminal's width exactly,
    /// counted as the terminal counts (a wide character two columns, the empty cell after it
    /// none). Each cell's width is measured once: this runs on every cell of every step.
    static func cells(_ frame: Frame) -> [String] {
        cells(columns: frame.size.columns, rows: frame.size.rows) { frame[$0, $1].text }
    }

    static func cells(columns: Int, rows: Int, text: (Int, Int) -> String) -> [String] {
        var problems: [String] = []
        for row in 0..<rows {
            var rowWidth = 0
            var previousWidth = 0
            for column in 0..<columns {
                let cell = text(row, column)
                let width = DisplayWidth.of(cell)
                rowWidth += width
                if cell.unicodeScalars.contains(where: { TerminalSafety.problem(with: $0) != nil || $0 == "\n" || $0 == "\t" }) {
                    problems.append("control character in cell \(row),\(column)")
                }
                if width > 1 && (column + 1 >= columns || !text(row, column + 1).isEmpty) {
                    problems.append("a wide character at \(row),\(column) without its right half in the frame")
                }
                if cell.isEmpty && (column == 0 || previousWidth != 2) {
                    problems.append("a right half at \(row),\(column) without a wide character before it")
                }
                previousWidth = width
                if problems.count > 3 { return problems }
            }
            if rowWidth != columns { problems.append("row \(row) takes \(rowWidth) columns of \(columns)") }
        }
        return problems
    }
}
