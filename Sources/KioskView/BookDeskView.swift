import KioskCore

/// The staff's desk as a frame: the shelves across the top, the entries one a line, the chosen
/// one in full with what was decided about it, and the keys. The desk is the museum staff's
/// own tool, in English like `validate`; what visitors wrote is shown cleaned, as on the
/// kiosk, so no entry can put an escape sequence on a staff member's terminal.
public struct BookDeskView: Sendable {
    public init() {}

    public func render(_ desk: BookDesk, size: TerminalSize, time: (Int64) -> String) -> Frame {
        var frame = Frame(size: size)
        guard size.columns >= 40, size.rows >= 12 else {
            frame.putCentred(Wrap.lines([Run("Make the window at least 40 × 12", .warning)], width: max(1, size.columns - 2)))
            return frame
        }
        let columns = size.columns
        var x = frame.put(" Book of remembrance ", row: 0, column: 0, style: CellStyle(.title))
        for shelf in BookDesk.shelves {
            let name = shelf?.rawValue ?? "all"
            let chosen = shelf == desk.shelf
            x = frame.put(" " + name + (chosen ? " (\(desk.records.count))" : "") + " ", row: 0, column: x + 1,
                          style: CellStyle(chosen ? .item : .chrome, highlighted: chosen))
        }
        if !desk.search.isEmpty {
            frame.put("  search: " + clean(desk.search), row: 0, column: x, style: CellStyle(.notice), limit: columns - x)
        }
        frame.put(String(repeating: "─", count: columns), row: 1, column: 0, style: CellStyle(.chrome))
        let detailRows = min(10, (size.rows - 5) / 2)
        let listRows = size.rows - 5 - detailRows
        let top = max(0, min(desk.selection - listRows / 2, desk.records.count - listRows))
        if desk.records.isEmpty {
            frame.put("  No entries here.", row: 2, column: 0, style: CellStyle(.hint))
        }
        for (offset, record) in desk.records.dropFirst(top).prefix(listRows).enumerated() {
            let index = top + offset
            let line = "\(time(record.writtenAt))  \(record.language)  \(record.stand)  \(record.status.rawValue)  \(clean(record.words))"
            let chosen = index == desk.selection
            frame.put((chosen ? "▸ " : "  ") + line, row: 2 + offset, column: 0,
                      style: CellStyle(chosen ? .item : .body, highlighted: chosen), limit: columns)
        }
        let ruleRow = 2 + listRows
        frame.put(String(repeating: "─", count: columns), row: ruleRow, column: 0, style: CellStyle(.chrome))
        if let record = desk.chosen {
            var lines = Wrap.lines([Run(clean(record.words), .quote)], width: columns - 4)
            let who = [record.name, record.place].map(clean).filter { !$0.isEmpty }.joined(separator: ", ")
            lines.append([Run("— " + [who, record.language, "from \(record.front) at \(record.stand)", record.id].filter { !$0.isEmpty }
                .joined(separator: " · "), .hint)])
            for decision in desk.decisions {
                let reason = decision.reason.isEmpty ? "" : ": " + clean(decision.reason)
                lines.append([Run("\(decision.action.status.rawValue) by \(clean(decision.decidedBy)), \(time(decision.decidedAt))\(reason)", .fieldName)])
            }
            for (offset, line) in lines.prefix(detailRows).enumerated() {
                frame.put(line, row: ruleRow + 1 + offset, column: 2, limit: columns - 4)
            }
        }
        frame.put(String(repeating: "─", count: columns), row: size.rows - 2, column: 0, style: CellStyle(.chrome))
        frame.put(" " + footer(desk), row: size.rows - 1, column: 0, style: CellStyle(desk.prompt == nil && desk.note == nil ? .hint : .notice),
                  limit: columns)
        return frame
    }

    private func footer(_ desk: BookDesk) -> String {
        let needed = desk.note == .reasonNeeded ? "A reason is needed. " : ""
        switch desk.prompt {
        case .reason(let action, let typed)?:
            return needed + "Why \(action == .delete ? "delete" : "hide") it (kept with the decision): \(clean(typed))_   Enter: \(action.rawValue) · Esc: cancel"
        case .search(let typed)?:
            return "Search the words, names and places: \(clean(typed))_   Enter: search · Esc: cancel"
        case nil:
            break
        }
        switch desk.note {
        case .decided(let action)?: return "Done: \(action == .approve ? "approved; it shows in the Hall of Remembrance" : action.status.rawValue)."
        case .failed(let reason)?: return "Not done: \(clean(reason))"
        case .reasonNeeded?: return needed
        case nil:
            return "↑↓ choose  a approve  h hide  d delete  / search  Tab shelf  r reload  q quit"
        }
    }

    private func clean(_ text: String) -> String { TerminalSafety.flattened(text, replacingWith: " ") }
}
