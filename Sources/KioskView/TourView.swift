import KioskCore

/// Turns a visit into a frame: a header, the page in a reading column, a footer of keys. Pure:
/// the same state and size always give the same frame.
public struct TourView: Sendable {
    public let tour: Tour

    public init(tour: Tour) {
        self.tour = tour
    }

    public func render(_ state: TourState) -> Frame {
        // Never larger than the maximum, whatever size the terminal says it is.
        var frame = Frame(size: state.session.size.clamped)
        if state.session.size.isAboveMaximum {
            drawShrink(&frame, state)
            return frame
        }
        if state.session.size.isBelowMinimum {
            drawEnlarge(&frame, state)
            return frame
        }
        if let silence = tour.silence(state) {
            SilenceScreen(tour: tour, state: state, silence: silence).draw(into: &frame)
            return frame
        }
        // The staff exit's prompt shows over the page, whatever rests behind it.
        if tour.isClosed(state), state.visit.overlay?.kind != .staffExit {
            ClosedScreen(tour: tour, state: state).draw(into: &frame)
            return frame
        }
        if case .attract = state.visit.attention.control {
            AttractScreen(tour: tour, state: state).draw(into: &frame)
            return frame
        }
        drawHeader(&frame, state)
        if let banner = tour.banner(state, in: state.language) { frame.putBanner(banner) }
        if state.screen.kind == .map, MapGeometry(pack: tour.pack, size: state.session.size).fits {
            FloorPlan(tour: tour, state: state).draw(into: &frame)
        } else {
            drawBody(&frame, state)
        }
        drawFooter(&frame, state)
        drawStatus(&frame, state)
        if let seconds = tour.idleCountdown(state) {
            IdleWarning(tour: tour, language: state.language, seconds: seconds,
                        discardsWords: state.visit.book.hasUnsentWords).draw(into: &frame)
        }
        return frame
    }

    // MARK: - Body

    private func drawBody(_ frame: inout Frame, _ state: TourState) {
        let geometry = PageGeometry(state.session.size)
        let layout = tour.layout(of: state.screen, in: state)
        let top = PageGeometry.headerRows
        let screen = state.screen
        for row in 0..<geometry.bodyRows {
            let index = screen.scroll + row
            guard layout.lines.indices.contains(index) else { break }
            let line = layout.lines[index]
            let isChosen = line.item != nil && line.item == screen.selection
            var prefix = line.prefix
            if isChosen, index == layout.itemLines[screen.selection].lowerBound {
                prefix = [Run("▸ ", .item)]
            }
            let x = frame.put(prefix, row: top + row, column: geometry.columnLeft)
            let end = frame.put(line.runs, row: top + row, column: x, highlighted: isChosen,
                                limit: geometry.columnWidth - (x - geometry.columnLeft))
            if isChosen {
                // The choice is marked by the arrow and by reverse video, never by colour alone.
                frame.restyle(row: top + row, columns: x..<max(end, x + 1)) { $0.highlighted = true }
            }
        }
        // Arrows at the right edge say there is more above or below.
        let right = state.session.size.columns - 1
        if screen.scroll > 0 {
            frame.put("▲", row: top, column: right, style: CellStyle(.hint))
        }
        if screen.scroll + geometry.bodyRows < layout.lines.count {
            frame.put("▼", row: top + geometry.bodyRows - 1, column: right, style: CellStyle(.hint))
        }
    }

    // MARK: - Header and footer

    private func drawHeader(_ frame: inout Frame, _ state: TourState) {
        let pack = tour.pack
        let columns = state.session.size.columns
        var right = state.language.uppercased()
        if let number = state.visit.place.kind.stop.flatMap(pack.number(of:)) {
            right = "\(tour.say(.stop, state.language)) \(number)  " + right
        }
        let rightWidth = DisplayWidth.of(right)
        let name = pack.museumName.text(in: state.language, fallback: pack.defaultLanguage)
        let floor = pack.floor.text(in: state.language, fallback: pack.defaultLanguage)
        let room = columns - rightWidth - 2
        let x = frame.put(" " + name, row: 0, column: 0, style: CellStyle(.title), limit: room)
        // The floor's name is shown whole or not at all.
        if x + DisplayWidth.of(" · " + floor) <= room {
            frame.put(" · " + floor, row: 0, column: x, style: CellStyle(.chrome))
        }
        frame.put(right, row: 0, column: columns - rightWidth - 1, style: CellStyle(.chrome))
        frame.put(String(repeating: "─", count: columns), row: 1, column: 0, style: CellStyle(.chrome))
    }

    private func drawFooter(_ frame: inout Frame, _ state: TourState) {
        let columns = state.session.size.columns
        let row = state.session.size.rows - 1
        frame.put(String(repeating: "─", count: columns), row: row - 1, column: 0, style: CellStyle(.chrome))
        let language = state.language
        if !state.visit.digits.isEmpty {
            frame.put(" " + tour.say(.typingStop, language, state.visit.digits), row: row, column: 0, style: CellStyle(.notice))
            return
        }
        if let notice = state.visit.notice {
            frame.put(" " + tour.say(notice: notice, language), row: row, column: 0, style: CellStyle(.notice))
            return
        }
        if case .demo = state.visit.attention.control {
            frame.put(" " + tour.say(.demoBanner, language), row: row, column: 0, style: CellStyle(.notice))
            return
        }
        var x = 1
        for hint in fittingHints(state, columns: columns - 2) {
            x = frame.put(hint.key, row: row, column: x, style: CellStyle(.key))
            x = frame.put(" " + hint.word + "  ", row: row, column: x, style: CellStyle(.hint))
        }
    }

    /// The footer's keys that do something on this screen, as many as fit, chosen by
    /// importance (the way out and help first, the language and the map before the previous
    /// stop) and shown in the key map's order. Help lists them all.
    private func fittingHints(_ state: TourState, columns: Int) -> [(key: String, word: String)] {
        let language = state.language
        let hints = tour.footerHints(state).map { (key: $0.key, word: tour.say($0.word, language), importance: $0.importance) }
        func width(_ hint: (key: String, word: String, importance: Int)) -> Int {
            DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.word) + 2
        }
        var used = 0
        var kept: Set<Int> = []
        for index in hints.indices.sorted(by: { hints[$0].importance < hints[$1].importance }) where used + width(hints[index]) <= columns {
            kept.insert(index)
            used += width(hints[index])
        }
        return hints.indices.filter(kept.contains).map { (key: hints[$0].key, word: hints[$0].word) }
    }

    // MARK: - Too small

    /// Below 40 × 12 the tour cannot be read; say so, in as much of the screen as there is.
    private func drawEnlarge(_ frame: inout Frame, _ state: TourState) {
        let size = state.session.size
        let width = max(1, size.columns - 2)
        let lines = Wrap.lines([Run(tour.say(.enlarge, state.language), .warning)], width: width)
            + Wrap.lines([Run(tour.say(.enlargeSize, state.language, TerminalSize.minimum.description), .hint)], width: width)
        frame.putCentred(lines)
    }

    /// Beyond the maximum the frame is the maximum's size, in the top left corner of the
    /// window, and asks for a smaller window there, where the visitor's eye starts.
    private func drawShrink(_ frame: inout Frame, _ state: TourState) {
        let width = min(72, max(1, frame.size.columns - 2))
        let lines = Wrap.lines([Run(tour.say(.shrink, state.language), .warning)], width: width)
            + Wrap.lines([Run(tour.say(.shrinkSize, state.language, TerminalSize.maximum.description), .hint)], width: width)
        for (offset, line) in lines.enumerated() where 1 + offset < frame.size.rows {
            _ = frame.put(line, row: 1 + offset, column: 1)
        }
    }
}
