import Foundation
import Testing
@testable import KioskCore

@Suite struct CoverageTests {
    static let small = PackLoader(directory: TestPacks.path("small"), kioskWords: TestPacks.bundled).load()

    @Test func eachHallIsMeasuredInEachLanguage() throws {
        let coverage = try #require(Self.small.coverage)
        #expect(coverage.languages == ["en", "az", "ru"])
        #expect(coverage.halls.map(\.id) == ["entrance", "archive", "garden"])
        let entrance = coverage.halls[0].languages
        #expect(entrance.map(\.narrative) == [.complete, .complete, .complete])
        // The plan's Azerbaijani file gives its title, summary, object name and label, not the
        // rest of the record nor a "read more" layer; there is no Russian file for it.
        #expect(entrance[1].titles.description == "1/1")
        #expect(entrance[1].records.description == "0/1")
        #expect(entrance[1].labels.description == "1/1")
        #expect(entrance[1].more.description == "0/1")
        #expect(entrance[2].titles.description == "0/1")
        // entrance.az.md is reviewed, the plan's az file is a machine translation.
        #expect(entrance[1].machine.description == "1/2")
        let archive = coverage.halls[1].languages
        #expect(archive.map(\.narrative) == [.complete, .noReadMore, .missing])
        // Only the ledger has a "read more" layer, so only it counts under More.
        #expect(archive[0].more.description == "1/1")
        let garden = coverage.halls[2].languages
        #expect(garden.map(\.narrative) == [.noReadMore, .missing, .missing])
        #expect(garden[0].titles.description == "–")
        #expect(!coverage.isComplete)
    }

    @Test func theTableReadsInEightyColumns() throws {
        let table = try #require(Self.small.coverage).table()
        // Every kiosk word is in every language; the count grows as the kiosk does.
        let words = "\(Message.allCases.count)/\(Message.allCases.count)"
        let expected = """
            Coverage: what each language has in its own words. What it lacks is shown
            in en, and the screen says so.

            Hall          Lang  Narrative     Titles  Records  Labels  More  Machine
            ────────────────────────────────────────────────────────────────────────
            100 entrance  en    complete      1/1     1/1      1/1     1/1   0/2
                          az    complete      1/1     0/1      1/1     0/1   1/2
                          ru    complete      0/1     0/1      0/1     0/1   1/1
            110 archive   en    complete      2/2     2/2      2/2     1/1   0/3
                          az    no read-more  0/2     0/2      0/2     0/1   1/1
                          ru    missing       0/2     0/2      0/2     0/1   –
            120 garden    en    no read-more  –       –        –       –     0/1
                          az    missing       –       –        –       –     –
                          ru    missing       –       –        –       –     –
            All halls     en    2/3 complete  3/3     3/3      3/3     2/2   0/6
                          az    1/3 complete  1/3     0/3      1/3     0/2   2/3
                          ru    1/3 complete  0/3     0/3      0/3     0/2   1/1

            Other texts    Lang  Have
            ──────────────────────────────
            tour.yaml      en    4/4
                           az    4/4
                           ru    4/4
            kiosk's words  en    \(words)
                           az    \(words)
                           ru    \(words)

            Tour  Stops  Minutes  Lang  Texts  Titles  Labels  Young
            ────────────────────────────────────────────────────────
            full  6      1        en    –      6/6     6/6     –
                                  az    –      3/6     3/6     –
                                  ru    –      1/6     1/6     –

            Narrative: complete = title, summary, label and "read more" in the language.
            Exhibits in the language: Titles = title and summary; Records = the record
            fields the original gives, object name to rights; Labels = the label; More = the
            "read more" layer, of the exhibits that have one. Machine = the language's files
            of the hall marked translation: machine. tour.yaml = museum name, address, floor
            and advisories.
            Tours: Minutes = how long the tour takes to read, as the choice of tour says
            (its words in the original at 160 a minute). Stop by stop in the language:
            Texts = the tour's name and description; Titles = the title; Labels = the label
            the tour shows (a young label on a tour for young visitors, where the stop has
            one); Young = stops with a young label.
            """
        #expect(table == expected)
        #expect(table.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    /// Each tour, stop by stop: the short one its four stops, the young visitors' one what it
    /// shows (a young label where a stop has one, in the original where a language lacks it).
    @Test func eachTourIsMeasuredInEachLanguage() throws {
        let table = try #require(PackLoader(directory: TestPacks.path("tours"), kioskWords: TestPacks.bundled).load().coverage).table()
        let expected = """
            Tour   Stops  Minutes  Lang  Texts  Titles  Labels  Young
            ─────────────────────────────────────────────────────────
            full   9      1        en    2/2    9/9     9/9     –
                                   az    2/2    5/9     5/9     –
                                   ru    2/2    4/9     4/9     –
            short  4      1        en    2/2    4/4     4/4     –
                                   az    2/2    2/4     2/4     –
                                   ru    2/2    1/4     1/4     –
            young  7      1        en    2/2    7/7     7/7     2/7
                                   az    2/2    5/7     5/7     2/7
                                   ru    2/2    4/7     3/7     1/7
            """
        #expect(table.contains(expected), "\(table)")
    }

    @Test func aLanguageTheKioskHasNoWordsForIsShownSo() throws {
        let directory = try TemporaryPack.copy(of: "small")
        defer { TemporaryPack.remove(directory) }
        let tour = directory + "/Narratives/tour.yaml"
        let text = try String(contentsOfFile: tour, encoding: .utf8)
        try text.replacing("languages: [en, az, ru]", with: "languages: [en, az, ru, de]")
            .write(toFile: tour, atomically: true, encoding: .utf8)
        let coverage = try #require(PackLoader(directory: directory, kioskWords: TestPacks.bundled).load().coverage)
        #expect(coverage.uiStrings[3].count.description == "0/\(Message.allCases.count)")
        #expect(coverage.tourTexts[3].description == "0/4")
        // (The column's width follows the number of the kiosk's words.)
        #expect(coverage.table().split(separator: "\n").contains {
            $0.contains("de    0/\(Message.allCases.count)") && $0.hasSuffix("  none: the kiosk's words are shown in en")
        })
    }

    @Test func aPackWithErrorsStillHasItsCoverage() throws {
        let result = PackLoader(directory: TestPacks.path("broken/missing-narrative"), kioskWords: TestPacks.bundled).load()
        let coverage = try #require(result.coverage)
        #expect(coverage.halls.map(\.id) == ["first", "second", "third"])
        #expect(coverage.halls[1].languages[0].narrative == .notRead)
        #expect(PackLoader(directory: TestPacks.path("broken/not-a-pack"), kioskWords: TestPacks.bundled).load().coverage == nil)
    }

    /// The bar for the bundled pack: every hall's narrative and every one of the kiosk's
    /// words in every language, and tour.yaml's texts too; and every exhibit's title, summary,
    /// record and label. Only the exhibits' "read more" layers are left in English.
    @Test func theBundledPackIsCompleteInEveryLanguage() throws {
        let coverage = try #require(PackLoader(directory: TestPacks.bundled, kioskWords: TestPacks.bundled).load().coverage)
        #expect(coverage.languages == ["en", "az", "ru"])
        #expect(coverage.halls.count == 7)
        for hall in coverage.halls {
            #expect(hall.languages.map(\.narrative) == [.complete, .complete, .complete], "\(hall.id)")
            for language in hall.languages {
                #expect(language.titles.isComplete && language.records.isComplete && language.labels.isComplete, "\(hall.id)")
            }
        }
        #expect(coverage.uiStrings.allSatisfy { $0.count.isComplete })
        #expect(coverage.tourTexts.allSatisfy { $0.isComplete })
        #expect(coverage.isComplete)
    }
}
