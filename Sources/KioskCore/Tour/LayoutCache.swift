import Synchronization

/// The last few pages laid out, so that a key costs a lookup rather than a page wrapped anew.
///
/// A hall of a hundred exhibits is a page of a hundred items; an arrow key used to lay it out
/// two or three times (to move, to scroll, to draw). A page depends only on the screen, the
/// language, whether one was chosen, where the visitor is (for the map's "you are here") and
/// the width, so a page laid out once for these is the same page until one of them changes.
/// The tour stays pure: this remembers results, it changes none.
final class LayoutCache: Sendable {
    struct Key: Hashable {
        var kind: ScreenKind
        var language: String
        var languageChosen: Bool
        var here: Int?
        var width: Int
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
    /// A screen's page and its layout at the state's width and in its language.
    func laidOut(_ kind: ScreenKind, in state: TourState) -> LayoutCache.Entry {
        let width = PageGeometry(state.size).columnWidth
        let key = LayoutCache.Key(kind: kind, language: state.language, languageChosen: state.languageChosen,
                                  here: state.place.kind.stop?.hall, width: width)
        return layouts.entry(key) {
            let page = page(for: kind, in: state)
            return LayoutCache.Entry(page: page, layout: PageLayout(page, width: width))
        }
    }
}
