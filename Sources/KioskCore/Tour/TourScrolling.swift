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

    func viewport(of screen: Screen, _ visit: VisitState, _ session: SessionState) -> Viewport {
        Viewport(layout: laidOut(screen.kind, visit, session).layout, rows: PageGeometry(session.size).bodyRows)
    }

    /// The page's lines that are on screen.
    func visibleLines(_ visit: VisitState, _ session: SessionState) -> Range<Int> {
        viewport(of: visit.screen, visit, session).visible(from: visit.screen.scroll)
    }

    /// Lines to scroll for a page: a screenful, less a line to keep the reader's place.
    func page(_ session: SessionState) -> Int { max(1, PageGeometry(session.size).bodyRows - 1) }

    func arrow(up: Bool, _ visit: inout VisitState, _ session: SessionState) {
        if visit.overlay?.kind == .map, MapGeometry(pack: pack, size: session.size).fits {
            moveMapCursor(up ? .up : .down, &visit)
            return
        }
        let viewport = viewport(of: visit.screen, visit, session)
        var screen = visit.screen
        screen.selection += up ? -1 : 1
        visit.screen = viewport.isVisible(item: screen.selection, in: screen)
            ? viewport.showingSelection(screen)
            : viewport.scrolled(visit.screen, by: up ? -1 : 1)
    }

    func scroll(_ visit: inout VisitState, _ session: SessionState, by lines: Int) {
        visit.screen = viewport(of: visit.screen, visit, session).scrolled(visit.screen, by: lines)
    }

    func ensureSelectionVisible(_ visit: inout VisitState, _ session: SessionState) {
        visit.screen = viewport(of: visit.screen, visit, session).showingSelection(visit.screen)
    }

    /// After a change that lays pages out anew (a resize, a language), keeps each screen's
    /// place: the block at the top stays at the top, a reader at the end of the page stays at
    /// the end, and a chosen item that was on screen stays on screen. `before` is the visit as
    /// it was in `old`; `visit` is as it is now, in `new`.
    func keepPlaces(_ visit: inout VisitState, before: VisitState, _ old: SessionState, _ new: SessionState) {
        visit.place = keepingPlace(of: before.place, (before, old), (visit, new))
        if let overlay = visit.overlay, let previous = before.overlay, previous.kind == overlay.kind {
            visit.overlay = keepingPlace(of: previous, (before, old), (visit, new))
        }
    }

    private func keepingPlace(of screen: Screen, _ before: (VisitState, SessionState), _ after: (VisitState, SessionState)) -> Screen {
        let old = viewport(of: screen, before.0, before.1)
        let new = viewport(of: screen, after.0, after.1)
        var moved = screen
        let atEnd = screen.scroll > 0 && screen.scroll >= old.lastTop
        moved.scroll = atEnd ? new.lastTop : new.layout.firstLine(ofBlock: old.layout.block(atLine: screen.scroll) ?? 0)
        return old.isVisible(item: screen.selection, in: screen)
            ? new.showingSelection(moved)
            : new.scrolled(moved, by: 0)
    }

    /// ← and →: the previous and next stop, or a move on the drawn map.
    func sideways(forward: Bool, _ visit: inout VisitState, _ session: SessionState) {
        if visit.overlay?.kind == .map, MapGeometry(pack: pack, size: session.size).fits {
            moveMapCursor(forward ? .right : .left, &visit)
        } else {
            if forward { next(&visit, session) } else { previous(&visit, session) }
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
