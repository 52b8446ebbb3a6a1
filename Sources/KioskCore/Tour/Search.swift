/// What is typed in the search line, and what it found.
public struct SearchLine: Hashable, Sendable {
    public var query = ""
    public var results = SearchIndex.Results()

    public init() {}

    /// The longest query the line takes: more than any name, less than a screen's width.
    public static let longestQuery = 60
}

/// Finding a hall or exhibit by a word: `/` (or "Search" on the welcome page and the map)
/// opens the search line over the place; what the visitor types goes into it, and the halls
/// and exhibits it finds are listed as they type, best first, with their stop numbers. Enter
/// goes to the one chosen as any move does, through its hall's door; Esc closes the line.
/// On a young visitors' tour, what is marked for adults is not found (stop numbers still
/// reach it, with its hall's advisories at the door).
extension Tour {
    func openSearch(_ visit: inout VisitState, _ session: SessionState) {
        visit.digits = ""
        visit.search = SearchLine()
        visit.overlay = Screen(.search, selection: 0)
    }

    /// The search line takes what is typed into it before the walk and the group do: every key
    /// that writes a character, and Backspace while there is something to take back. The
    /// arrows up and down, Enter, Esc and the page keys are the page's, as on any page; left
    /// and right do nothing here, rather than walk away.
    func searchTakes(_ event: TourEvent, _ visit: inout VisitState) -> Bool {
        guard visit.overlay?.kind == .search, case .key(let key) = event else { return false }
        switch key {
        case .character(let character):
            guard character.unicodeScalars.allSatisfy({ TerminalSafety.problem(with: $0) == nil && $0 != "\n" && $0 != "\t" }),
                  visit.search.query.count < SearchLine.longestQuery else { return true }
            visit.search.query.append(character)
        case .backspace where !visit.search.query.isEmpty:
            visit.search.query.removeLast()
        case .left, .right, .home, .end:
            return true
        default:
            return false
        }
        visit.search.results = pack.search.find(visit.search.query) { admits($0, visit) }
        visit.overlay = Screen(.search)
        return true
    }

    /// The search line, what it found (the best first, and how many more), how to use it,
    /// and the way to the quiet room, which every screen offers and letters here cannot give.
    func searchPage(_ visit: VisitState, _ medium: Medium) -> Page {
        let language = visit.language
        let search = visit.search
        var page = Page()
        page.append(.title, say(.searchTitle, language), .title)
        let cursor = medium == .screen ? "_" : ""
        page.append(PageBlock(.field, [Run(say(.searchField, language) + ": ", .fieldName), Run(search.query + cursor, .strong)]))
        if !search.query.isEmpty, search.results.total == 0 {
            page.append(.paragraph, say(.searchNothing, language, search.query), .notice)
        }
        for block in stopItems(search.results.stops, language, medium) { page.append(block) }
        if search.results.total > search.results.stops.count {
            page.append(.paragraph, say(.searchMore, language, count: search.results.total - search.results.stops.count), .hint)
        }
        page.append(.paragraph, say(medium == .lines ? .searchHowToPlain : .searchHowTo, language), .hint)
        page.append(.item(.stepOut), quietTitle(language), .item)
        return page
    }
}
