import Foundation
import KioskCore
import KioskView
import SnapshotTesting
import Testing

/// Another museum, in languages the code has never heard of: the flood test pack, in French and
/// Turkish, with its own catalogues written from the documented template. Every word on screen
/// is the pack's: no English, and nothing about the museum in Baku.
@Suite struct OtherMuseumTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/flood").path

    static let pack: Pack = {
        guard let pack = PackLoader(directory: folder, kioskWords: kioskWords).load().pack else {
            fatalError("the flood test pack does not load")
        }
        return pack
    }()

    static let tour = Tour(pack: pack)
    static let kiosk = Tour(pack: pack, kiosk: KioskSettings(isKiosk: true, hasStaffPIN: true))

    /// The screens a visitor meets, by the keys that reach them.
    static let screens: [(name: String, events: [TourEvent])] = [
        ("welcome", []), ("languages", keys(.enter)), ("advisory", keys(.enter)),
        ("hall-door", typed("110") + keys(.enter)), ("hall", typed("110") + keys(.enter, .enter)),
        ("exhibit", typed("111") + keys(.enter, .enter)), ("help", keys(.character("?"))),
        ("map", typed("110") + keys(.enter, .enter, .character("m"))), ("quiet-room", keys(.character("x"))),
        ("end", typed("120") + keys(.enter, .character("n"))), ("no-such-stop", typed("999") + keys(.enter)),
    ]

    static func frame(_ language: String?, _ events: [TourEvent], tour: Tour = tour, columns: Int = 80, rows: Int = 24) -> Frame {
        var state = started(tour, language: language, size: TerminalSize(columns: columns, rows: rows))
        for event in events { _ = tour.reduce(&state, event) }
        return TourView(tour: tour).render(state)
    }

    @Test(arguments: ["fr", "tr"])
    func eachScreenInTheMuseumsLanguage(language: String) {
        for (name, events) in Self.screens {
            assertSnapshot(of: Self.frame(name == "welcome" || name == "languages" ? nil : language, events), as: .screen,
                           named: "\(name)-80x24-\(language)")
        }
    }

    @Test func theIdleWarningAndTheAttractLoopOfAKiosk() {
        let warning = [TourEvent.tick(Instant(milliseconds: 0))] + keys(.enter) + [.tick(Instant(milliseconds: 128_500))]
        assertSnapshot(of: Self.frame("tr", warning, tour: Self.kiosk), as: .screen, named: "idle-warning-80x24-tr")
        assertSnapshot(of: Self.frame(nil, [.tick(Instant(milliseconds: 6_500))], tour: Self.kiosk), as: .screen,
                       named: "attract-80x24-tr")
    }

    /// No English interface word and nothing of the Baku museum, on any screen, in either
    /// language, at 80 × 24 and 40 × 12.
    @Test(arguments: ["fr", "tr"])
    func noEnglishAndNoWordOfAnotherMuseum(language: String) throws {
        func words(_ path: String, translations: Bool) throws -> Set<String> {
            let catalogue = POCatalogue.parse(try String(contentsOfFile: path, encoding: .utf8))
            return Set(catalogue.entries.flatMap { translations ? $0.translations : [$0.id] }
                .flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) })
        }
        // The kiosk's English words, but for those the museum's own words share ("moment", and
        // the French titles of sources on a Turkish page).
        // (The first screens are in the pack's first language, before one is chosen.)
        var ownWords = try words(Self.folder + "/Messages/\(language).po", translations: true)
            .union(words(Self.folder + "/Messages/fr.po", translations: true))
        for file in FileManager.default.enumerator(atPath: Self.folder)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".md") {
            let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8)
            ownWords.formUnion(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
        }
        let english = try words(kioskWords + "/Messages/en.po", translations: false)
            .filter { $0.count >= 5 && $0.first!.isLowercase }.subtracting(ownWords)
        for (name, events) in Self.screens {
            for (columns, rows) in [(80, 24), (40, 12)] {
                let text = Self.frame(name == "welcome" || name == "languages" ? nil : language, events, columns: columns, rows: rows).text
                let found = text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter(english.contains)
                #expect(found == [], "\(name) at \(columns)×\(rows) in \(language)")
                let tokens = Set(text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init))
                for foreign in ["Baku", "Bakı", "killing", "genocide", "Genocide"] {
                    #expect(!tokens.contains(foreign), "\(foreign) on \(name) at \(columns)×\(rows) in \(language)")
                }
                #expect(!text.contains("[en]") && !text.contains("[fr]"), "a message fell back on \(name)")
            }
        }
    }

    /// The language screen is titled in every language of the pack, each listed by its own name.
    @Test func theLanguageScreenSpeaksEachLanguage() {
        let text = Self.frame(nil, keys(.enter)).text
        #expect(text.contains("Choisissez une langue") || text.contains("langue"))
        #expect(text.contains("Français") && text.contains("Türkçe"))
        #expect(!text.contains("FR") || text.contains(" FR"), "no language listed by its code")
    }
}
