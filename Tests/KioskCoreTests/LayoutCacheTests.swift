import Testing
@testable import KioskCore

/// A key lays a page out at most once: the tour remembers the pages it laid out, and forgets
/// them when what they depend on changes.
@Suite struct LayoutCacheTests {
    /// At the entrance, a hall with no advisory to pass first.
    func atTheEntrance(_ tour: Tour) -> TourState {
        var state = TestPacks.started(tour, language: "en", size: TestPacks.standard)
        for character in "100" { tour.reduce(&state, .key(.character(character))) }
        tour.reduce(&state, .key(.enter))
        return state
    }

    @Test func movingOnAPageLaysItOutOnce() {
        let tour = Tour(pack: TestPacks.small)
        var state = atTheEntrance(tour)
        let before = tour.layouts.pagesLaidOut
        for _ in 0..<20 {
            tour.reduce(&state, .key(.down))
            _ = tour.layout(of: state.screen, in: state)
            tour.reduce(&state, .key(.up))
        }
        #expect(state.visit.place.kind == .hall(0))
        #expect(tour.layouts.pagesLaidOut - before == 1)
    }

    @Test func aResizeOrALanguageLaysThePageOutAgain() {
        let tour = Tour(pack: TestPacks.small)
        var state = atTheEntrance(tour)
        let english = tour.layout(of: state.screen, in: state)
        tour.reduce(&state, .key(.character("l")))
        tour.reduce(&state, .key(.down))
        tour.reduce(&state, .key(.enter))
        #expect(state.language == "az")
        let azerbaijani = tour.layout(of: state.screen, in: state)
        #expect(azerbaijani != english)
        #expect(azerbaijani.lines.first?.text == "Giriş")
        tour.reduce(&state, .resize(TerminalSize(columns: 40, rows: 12)))
        #expect(tour.layout(of: state.screen, in: state) == PageLayout(tour.page(for: state.screen.kind, in: state), width: 36))
    }

    @Test func thePagesRememberedAreFew() {
        let tour = Tour(pack: TestPacks.small)
        var state = TestPacks.started(tour, language: "en", size: TestPacks.standard)
        for _ in 0..<TestPacks.small.route.count + 2 { tour.reduce(&state, .key(.character("n"))) }
        for columns in 40..<60 { tour.reduce(&state, .resize(TerminalSize(columns: columns, rows: 20))) }
        #expect(tour.layouts.pagesLaidOut > LayoutCache.capacity)
        #expect(tour.layouts.count <= LayoutCache.capacity)
    }
}
