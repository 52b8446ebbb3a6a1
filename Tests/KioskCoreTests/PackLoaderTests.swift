import Foundation
import Testing
@testable import KioskCore

@Suite struct PackLoaderTests {
    @Test func theSmallPackLoadsWithoutFindings() {
        let result = PackLoader(directory: TestPacks.path("small"), kioskWords: TestPacks.bundled).load()
        #expect(result.findings == [])
        #expect(result.exitStatus == 0)
    }

    @Test func theRouteVisitsEachHallThenItsExhibits() {
        #expect(TestPacks.small.route == [.hall(0), .exhibit(0, 0), .hall(1), .exhibit(1, 0), .exhibit(1, 1), .hall(2)])
        #expect(TestPacks.small.stopNumbers[111] == .exhibit(1, 0))
        #expect(TestPacks.small.stopNumbers[110] == .hall(1))
        // The letter has no stop number of its own.
        #expect(TestPacks.small.stopNumbers.count == 5)
    }

    @Test func exitsAreResolvedToHalls() {
        #expect(TestPacks.small.halls.map(\.exits) == [[1], [0, 2], [1]])
    }

    @Test func translationsResolveOrFallBack() {
        let entrance = TestPacks.small.halls[0].narrative
        #expect(entrance.resolve("az", original: "en").value.title == "Giriş")
        #expect(entrance.resolve("az", original: "en").value.translation == .reviewed)
        #expect(entrance.resolve("ru", original: "en").value.translation == .machine)
        let garden = TestPacks.small.halls[2].narrative.resolve("ru", original: "en")
        #expect(garden.isFallback)
        #expect(garden.value.title == "The garden")
        // The archive's translation has a label but no "more" layer: the original's is used.
        let archive = TestPacks.small.halls[1].narrative.resolve("az", original: "en").value
        #expect(archive.more == TestPacks.small.halls[1].narrative.original.more)
    }

    @Test func anExhibitTranslationFallsBackFieldByField() {
        let plan = TestPacks.small.halls[0].exhibits[0].text.resolve("az", original: "en").value
        #expect(plan.title == "Mərtəbənin planı")
        #expect(plan.materials == "Paper")
        #expect(plan.sources == ["Test Museum, Guide for visitors, 2026"])
        #expect(!plan.labelIsFallback)
    }

    @Test func theLabelAndTheMoreLayerAreSplitAtTheMarker() throws {
        let entrance = TestPacks.small.halls[0].narrative.original
        #expect(entrance.label.count == 2)
        #expect(entrance.more.first == .paragraph([Span("The longer text of the entrance. It has two paragraphs.")]))
        #expect(entrance.more.contains(.heading([Span("A subheading")])))
        #expect(entrance.more.contains(.quote([Span("A quotation from a visitor's book.")])))
    }

    /// Each broken pack, with the findings `validate` must give, exactly, in `expected.txt`.
    static let brokenPacks = TestPacks.corpus("broken")

    @Test(arguments: brokenPacks)
    func aBrokenPackGetsExactlyItsFindings(name: String) throws {
        let (result, printed, expected) = try TestPacks.findings(of: "broken/\(name)")
        #expect(printed == expected)
        // A pack with only warnings is shown; one with an error is not.
        #expect((result.pack == nil) == (result.exitStatus != 0))
    }

    /// The halls are read on every core, and the findings still come in one order: hall after
    /// hall in the tour's order, as `tour.yaml` lists them, whichever hall finishes first.
    @Test func findingsComeInTheTourOrderWhicheverHallIsReadFirst() {
        let directory = TestPacks.path("hostile/duplicate-ids")
        let first = PackLoader(directory: directory, kioskWords: TestPacks.bundled).load().findings
        #expect(first.count > 1)
        for _ in 0..<30 {
            #expect(PackLoader(directory: directory, kioskWords: TestPacks.bundled).load().findings == first)
        }
        let files = first.map(\.file)
        let firstHall = files.firstIndex { $0.contains("Exhibits/first/") }
        let secondHall = files.firstIndex { $0.contains("Exhibits/second/") }
        #expect(firstHall != nil && secondHall != nil && firstHall! < secondHall!)
    }

    @Test func thereAreBrokenPacksToCheck() {
        #expect(Self.brokenPacks.count >= 18)
    }

    /// The bundled pack has no error and no warning: docs/content-pack.md says so, and would
    /// have to explain any warning.
    @Test func theBundledPackValidatesWithoutFindings() {
        let result = PackLoader(directory: TestPacks.bundled, kioskWords: TestPacks.bundled).load()
        #expect(result.findings == [])
        #expect(result.pack != nil)
    }

    @Test func aFileOverOneMebibyteIsNotRead() throws {
        let directory = try TemporaryPack.copy(of: "small")
        defer { TemporaryPack.remove(directory) }
        let huge = "---\ntitle: Garden\nsummary: S.\nsources: [a]\n---\n" + String(repeating: "A long label. ", count: 80_000)
        try huge.write(toFile: directory + "/Narratives/garden.md", atomically: true, encoding: .utf8)
        let result = PackLoader(directory: directory, kioskWords: TestPacks.bundled).load()
        #expect(result.sortedFindings.map { $0.description.replacing(directory + "/", with: "") }
            == ["Narratives/garden.md:1: error: file is larger than 1024 KiB; a narrative or label is a few kilobytes"])
    }

    @Test func aReaderErrorIsPlacedByLineAndColumnAfterOtherAlphabets() {
        let log = FindingLog()
        let node = YAMLDocument.parse("title: Xocalı\nsummary: \"Ходжалы\u{1B}\"\n", file: "f.md", firstLine: 2, log: log)
        #expect(node == nil)
        #expect(log.findings.map(\.description)
            == ["f.md:3:18: error: escape character (U+001B) in text; terminal control sequences are not allowed"])
    }
}

@Suite struct OptionalRecordFieldTests {
    /// A museum that does not know who made an object leaves `maker` out: the pack loads, and
    /// the record shows no "Maker" line rather than "Not recorded".
    @Test func aRecordFieldLeftOutIsNotShown() throws {
        let directory = try TemporaryPack.copy(of: "small")
        defer { TemporaryPack.remove(directory) }
        let path = directory + "/Exhibits/archive/02-letter.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !["maker:", "dimensions:", "rights:", "credit_line:"].contains(where: $0.hasPrefix) }
            .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = PackLoader(directory: directory, kioskWords: TestPacks.bundled).load()
        #expect(result.findings == [])
        let pack = try #require(result.pack)
        let letter = pack.halls[1].exhibits[1].text.resolve("az", original: "en")
        #expect(letter.value.maker == "")
        #expect(!letter.value.fromOriginal.contains(.maker), "there is no original's maker to stand in")
        let tour = Tour(pack: pack)
        var state = TestPacks.started(tour, language: "en", size: TestPacks.standard)
        state.visit.place = Screen(.exhibit(1, 1))
        let fields = tour.page(for: .exhibit(1, 1), in: state).blocks.filter { $0.kind == .field }.map(\.runs.plainText)
        #expect(fields.contains { $0.hasPrefix("Materials:") })
        #expect(!fields.contains { $0.hasPrefix("Maker:") || $0.hasPrefix("Rights:") || $0.hasPrefix("Dimensions:") })
    }
}
