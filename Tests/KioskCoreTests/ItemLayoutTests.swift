import Testing
@testable import KioskCore

@Suite struct ItemLayoutTests {
    /// "434  Decree on the mass deportation …" wraps under "Decree", not under "434".
    @Test func aWrappedItemHangsPastItsStopNumber() {
        let page = Page([PageBlock(.item(.readMore), [Run("434  ", .hint), Run("Decree on the mass deportation of Azerbaijanis", .item)],
                                   hangingIndent: 5)])
        let lines = PageLayout(page, width: 30).lines.map(\.text)
        #expect(lines == ["  434  Decree on the mass", "       deportation of", "       Azerbaijanis"])
    }

    @Test func anItemWithoutAHangWrapsUnderItsMarker() {
        let page = Page([PageBlock(.item(.readMore), "Read more about the decree of 1997", .item)])
        #expect(PageLayout(page, width: 20).lines.map(\.text) == ["  Read more about", "  the decree of 1997"])
    }
}
