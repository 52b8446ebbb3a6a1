import KioskCore

/// Shapes more than one screen draws: boxes, and lines set in the middle of the screen.
extension Frame {
    /// How a box is drawn: in light lines, heavy ones (the hall the visitor is in), or dashed
    /// ones (a hall the visitor's tour leaves out). A shape, never a colour alone.
    enum BoxLines {
        case light, heavy, dashed
    }

    /// A box; `filled` blanks what was under its inside.
    mutating func drawBox(x: Int, y: Int, width: Int, height: Int, lines: BoxLines = .light, filled: Bool = false) {
        let (h, v, tl, tr, bl, br): (String, String, String, String, String, String)
        switch lines {
        case .light: (h, v, tl, tr, bl, br) = ("─", "│", "┌", "┐", "└", "┘")
        case .heavy: (h, v, tl, tr, bl, br) = ("━", "┃", "┏", "┓", "┗", "┛")
        case .dashed: (h, v, tl, tr, bl, br) = ("┄", "┆", "┌", "┐", "└", "┘")
        }
        let style = CellStyle(lines == .heavy ? .here : .chrome)
        let inside = max(0, width - 2)
        let rule = String(repeating: h, count: inside)
        put(tl + rule + tr, row: y, column: x, style: style)
        for row in 1..<max(1, height - 1) {
            if filled {
                put(v + String(repeating: " ", count: inside) + v, row: y + row, column: x, style: style)
            } else {
                put(v, row: y + row, column: x, style: style)
                put(v, row: y + row, column: x + width - 1, style: style)
            }
        }
        put(bl + rule + br, row: y + height - 1, column: x, style: style)
    }

    /// Lines, each centred, the whole centred from top to bottom.
    mutating func putCentred(_ lines: [[Run]]) {
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            put(line, row: top + offset, column: max(0, (size.columns - line.displayWidth) / 2))
        }
    }
}
