import Synchronization

/// The last few pages laid out, so that a key costs a lookup rather than a page wrapped anew.
///
/// A hall of a hundred exhibits is a page of a hundred items; an arrow key used to lay it out
/// two or three times (to move, to scroll, to draw). Most pages depend only on their screen,
/// the language and the width (an exhibit also on whether its graphic material is shown, the
/// map's list on where the visitor is), so a page laid out once for these is the same page
/// until one of them changes. The tour stays pure: this remembers results, it changes none.
final class LayoutCache: Sendable {
    struct Key: Hashable {
        var kind: ScreenKind
        var language: String
        var width: Int
        var medium: Medium
        /// The visitor's tour: a young visitors' tour shows young labels and leaves out what
        /// is for adults; the map marks the tour's halls.
        var tour: Int
        /// What else of the visit the page shows: the hall the visitor is in, for the map; 1
        /// when an exhibit's graphic material is hidden.
        var detail: Int?
    }

    struct Entry: Sendable {
        var page: Page
        var layout: PageLayout
    }

    /// Enough for a place, an overlay over it, and both again after a resize or a language.
    static let capacity = 8

    private let entries = Mutex<[(key: Key, entry: Entry)]>([])
    private let made = Atomic<Int>(0)

    /// How many pages have been laid out, for tests that check the cache is used.
    var pagesLaidOut: Int { made.load(ordering: .relaxed) }

    /// How many are remembered now.
    var count: Int { entries.withLock { $0.count } }

    func entry(_ key: Key, make: () -> Entry) -> Entry {
        if let hit = entries.withLock({ list in list.first { $0.key == key }?.entry }) { return hit }
        let entry = make()
        made.add(1, ordering: .relaxed)
        entries.withLock { list in
            list.removeAll { $0.key == key }
            list.insert((key, entry), at: 0)
            if list.count > Self.capacity { list.removeLast() }
        }
        return entry
    }
}

extension Tour {
    /// A screen's page and its layout at the session's width and in the visit's language.
    func laidOut(_ kind: ScreenKind, _ visit: VisitState, _ session: SessionState) -> LayoutCache.Entry {
        let width = PageGeometry(session.size).columnWidth
        func make() -> LayoutCache.Entry {
            let page = page(for: kind, visit, session)
            return LayoutCache.Entry(page: page, layout: PageLayout(page, width: width))
        }
        guard let key = cacheKey(kind, visit, width: width, medium: session.medium, bookAvailable: session.bookAvailable) else { return make() }
        return layouts.entry(key, make: make)
    }

    /// The key a page is remembered by, or nil for the pages that show more of the visit than
    /// a key holds (the welcome and help with a group's state, the staff and group screens):
    /// small pages, laid out each time, and the search, which changes with every key. Keep in
    /// step with `page(for:in:)`; RandomVisitorTests checks at every step that a remembered
    /// layout is the one laid out anew.
    private func cacheKey(_ kind: ScreenKind, _ visit: VisitState, width: Int, medium: Medium, bookAvailable: Bool) -> LayoutCache.Key? {
        let detail: Int?
        switch kind {
        case .welcome, .help, .staffExit, .joinGroup, .groupRoster, .endGroup, .handOver, .groupEnded, .sessionClosed, .book, .search:
            return nil
        case .map:
            detail = visit.place.kind.stop?.hall
        case .exhibit(let hall, let exhibit):
            detail = isHidden(.exhibit(hall, exhibit), visit.care) ? 1 : nil
        case .end, .remembrance:
            // They offer the book where it is kept.
            detail = bookAvailable ? 1 : nil
        case .chooseLanguage, .chooseTour, .languageMenu, .tourAdvisory, .hall, .hallMore, .exhibitMore, .hallAdvisory:
            detail = nil
        }
        return LayoutCache.Key(kind: kind, language: visit.language, width: width, medium: medium, tour: visit.tour.index,
                               detail: detail)
    }
}
