import Testing
@testable import KioskCore

/// What a translation leaves out is shown from the original, and the screen says so.
@Suite struct FallbackTests {
    @Test func aTranslationWithoutItsReadMoreLayerSaysSoOnThatPage() throws {
        let archive = TestPacks.small.halls[1].narrative.translations["az"]
        #expect(archive?.labelIsFallback == false)
        #expect(archive?.moreIsFallback == true)
        let page = TestPacks.tour.page(for: .hallMore(1), in: TestPacks.started(language: "az", size: TestPacks.standard))
        #expect(page.blocks.contains { $0.runs.plainText == TestPacks.tour.say(.notTranslated, "az") })
        let label = TestPacks.tour.page(for: .hall(1), in: TestPacks.started(language: "az", size: TestPacks.standard))
        #expect(!label.blocks.contains { $0.runs.plainText == TestPacks.tour.say(.notTranslated, "az") })
        #expect(label.blocks.contains { $0.runs.plainText == TestPacks.tour.say(.machineTranslation, "az") })
    }

    @Test func anExhibitTranslationRecordsWhatItLeftToTheOriginal() {
        let plan = TestPacks.small.halls[0].exhibits[0].text.translations["az"]
        #expect(plan?.fromOriginal == [.date, .maker, .materials, .dimensions, .creditLine, .rights, .sources, .more])
        #expect(TestPacks.small.halls[0].exhibits[0].text.original.fromOriginal == [])
    }
}
