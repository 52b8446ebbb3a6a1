/// Moving within a page: choosing items and scrolling, as lynx does it. An arrow chooses the
/// next item when it is on screen, and scrolls a line towards it when it is not; the choice
/// stays on screen, and a resize or a change of language keeps the visitor's place.
extension Tour {
    /// A screen's page as laid out, and the rows it is shown in.
    struct Viewport {
        var layout: PageLayout
        var rows: Int

        func visible(from top: Int) -> Range<Int> { top..<(top + rows) }

        func isVisible(item: Int, in screen: Screen) -> Bool {
            layout.itemLines.indices.contains(item)
                && visible(from: screen.scroll).contains(layout.itemLines[item].lowerBound)
        }

        var lastTop: Int { max(0, layout.lines.count - rows) }

        /// `screen` scrolled by `lines` (negative: up) within the page; the choice follows
        /// onto the screen when it would be left behind.
        func scrolled(_ screen: Screen, by lines: Int) -> Screen {
            var screen = screen
            screen.scroll = min(lastTop, max(0, screen.scroll.addingClamped(lines)))
            guard layout.itemLines.indices.contains(screen.selection),
                  !isVisible(item: screen.selection, in: screen) else { return screen }
            let onScreen = layout.itemLines.indices.filter { isVisible(item: $0, in: screen) }
            if let nearest = lines > 0 ? onScreen.first : onScreen.last {
                screen.selection = nearest
            }
            return screen
        }

        /// `screen` scrolled as little as needed to show the whole chosen item (or its start,
        /// when it is taller than the screen).
        func showingSelection(_ screen: Screen) -> Screen {
            var screen = screen
            guard layout.itemLines.indices.contains(screen.selection) else {
                screen.selection = 0
                screen.scroll = min(screen.scroll, lastTop)
                return screen
            }
            let item = layout.itemLines[screen.selection]
            var top = screen.scroll
            if item.upperBound > top + rows { top = item.upperBound - rows }
            if item.lowerBound < top { top = item.lowerBound }
            screen.scroll = max(0, min(top, lastTop))
            return screen
        }
    }

    func viewport(of screen: Screen, in state: TourState) -> Viewport {
        Viewport(layout: layout(of: screen, in: state), rows: PageGeometry(state.size).bodyRows)
    }

    /// The page's lines that are on screen.
    func visibleLines(_ state: TourState) -> Range<Int> {
        viewport(of: state.screen, in: state).visible(from: state.screen.scroll)
    }

    /// Lines to scroll for a page: a screenful, less a line to keep the reader's place.
    func page(_ state: TourState) -> Int { max(1, PageGeometry(state.size).bodyRows - 1) }

    func arrow(up: Bool, _ state: inout TourState) {
        if state.overlay?.kind == .map, MapGeometry(pack: pack, size: state.size).fits {
            moveMapCursor(up ? .up : .down, &state)
            return
        }
        let viewport = viewport(of: state.screen, in: state)
        var screen = state.screen
        screen.selection += up ? -1 : 1
        state.screen = viewport.isVisible(item: screen.selection, in: screen)
            ? viewport.showingSelection(screen)
            : viewport.scrolled(state.screen, by: up ? -1 : 1)
    }

    func scroll(_ state: inout TourState, by lines: Int) {
        state.screen = viewport(of: state.screen, in: state).scrolled(state.screen, by: lines)
    }

    func ensureSelectionVisible(_ state: inout TourState) {
        state.screen = viewport(of: state.screen, in: state).showingSelection(state.screen)
    }

    /// Applies a change that lays pages out anew (a resize, a language) and keeps each
    /// screen's place: the block at the top stays at the top, a reader at the end of the page
    /// stays at the end, and a chosen item that was on screen stays on screen.
    func relayout(_ state: inout TourState, _ change: (inout TourState) -> Void) {
        let before = state
        change(&state)
        state.place = keepingPlace(of: before.place, before: before, after: state)
        if let overlay = state.overlay, let old = before.overlay, old.kind == overlay.kind {
            state.overlay = keepingPlace(of: old, before: before, after: state)
        }
    }

    private func keepingPlace(of screen: Screen, before: TourState, after: TourState) -> Screen {
        let old = viewport(of: screen, in: before)
        let new = viewport(of: screen, in: after)
        var moved = screen
        let atEnd = screen.scroll > 0 && screen.scroll >= old.lastTop
        moved.scroll = atEnd ? new.lastTop : new.layout.firstLine(ofBlock: old.layout.block(atLine: screen.scroll) ?? 0)
        return old.isVisible(item: screen.selection, in: screen)
            ? new.showingSelection(moved)
            : new.scrolled(moved, by: 0)
    }

    /// ← and →: the previous and next stop, or a move on the drawn map.
    func sideways(forward: Bool, _ state: inout TourState) {
        if state.overlay?.kind == .map, MapGeometry(pack: pack, size: state.size).fits {
            moveMapCursor(forward ? .right : .left, &state)
        } else {
            if forward { next(&state) } else { previous(&state) }
        }
    }
}

extension Int {
    /// Adds without overflowing, for "scroll to the end" as a very large step.
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
