import KioskCore

/// The floor map as a plan: a box per hall at its `map` cell, corridors where exits join
/// neighbouring halls, a heavy box where the visitor is, a dashed one for a hall the visitor's
/// tour leaves out, and the hall under the cursor in reverse video.
struct FloorPlan {
    let tour: Tour
    let state: TourState

    func draw(into frame: inout Frame) {
        let pack = tour.pack
        let map = MapGeometry(pack: pack, size: state.session.size)
        let left = max(0, (state.session.size.columns - map.width) / 2)
        let top = PageGeometry.headerRows
        let here = state.visit.place.kind.stop?.hall
        let cursor = state.screen.selection
        let onTour = tour.chosenTour(state.visit).halls
        let boxWidth = map.cellWidth - 2
        let boxHeight = map.cellHeight - 1

        func origin(_ cell: MapCell) -> (x: Int, y: Int) {
            (left + cell.column * map.cellWidth, top + cell.row * map.cellHeight)
        }

        for (index, hall) in pack.halls.enumerated() {
            let (x, y) = origin(hall.map)
            frame.drawBox(x: x, y: y, width: boxWidth, height: boxHeight,
                          lines: index == here ? .heavy : onTour.contains(index) ? .light : .dashed)
            let title = tour.pack.narrative(index, state.language).value.title
            var text = "\(hall.stop) \(title)"
            if index == here { text = "◆ " + text }
            let lines = Wrap.lines([Run(text, .item)], width: boxWidth - 2)
            for row in 0..<(boxHeight - 2) where row < lines.count {
                var line = lines[row]
                if row == boxHeight - 3 && lines.count > boxHeight - 2 {
                    line = [Run(line.plainText.prefix(fittingColumns: boxWidth - 3).text + "…", .item)]
                }
                frame.put(line, row: y + 1 + row, column: x + 1, highlighted: index == cursor)
                if index == cursor {
                    frame.restyle(row: y + 1 + row, columns: (x + 1)..<(x + boxWidth - 1)) { $0.highlighted = true }
                }
            }
            // Corridors to the east and south; the hall on the other side draws none back.
            for exit in hall.exits {
                let other = pack.halls[exit].map
                if other.row == hall.map.row && other.column == hall.map.column + 1 {
                    frame.put("──", row: y + boxHeight / 2, column: x + boxWidth, style: CellStyle(.chrome))
                } else if other.column == hall.map.column && other.row == hall.map.row + 1 {
                    frame.put("│", row: y + boxHeight, column: x + boxWidth / 2, style: CellStyle(.chrome))
                }
            }
        }

        let captionRow = top + map.height
        let language = state.language
        if let here {
            let title = tour.pack.narrative(here, language).value.title
            frame.put("◆ \(tour.say(.youAreHere, language)): \(title) (\(pack.halls[here].stop))",
                      row: captionRow, column: left, style: CellStyle(.here), limit: state.session.size.columns - left)
        }
        let summary = cursor == here || !pack.halls.indices.contains(cursor)
            ? tour.say(.mapHint, language)
            : tour.pack.narrative(cursor, language).value.summary
        frame.put(summary, row: captionRow + 1, column: left, style: CellStyle(.hint), limit: state.session.size.columns - left)
        if onTour.count < pack.halls.count {
            frame.put("┄┄ " + tour.say(.notOnYourTour, language), row: captionRow + 2, column: left, style: CellStyle(.hint),
                      limit: state.session.size.columns - left)
        }
    }
}
