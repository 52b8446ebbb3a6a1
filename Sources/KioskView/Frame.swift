import KioskCore

/// How one cell looks: its role, and whether it is part of the visitor's current choice.
public struct CellStyle: Hashable, Sendable {
    public var role: Role
    public var highlighted: Bool

    public init(_ role: Role, highlighted: Bool = false) {
        self.role = role
        self.highlighted = highlighted
    }
}

/// One terminal cell: a grapheme and its style. A wide grapheme fills its cell and the next,
/// which holds nothing.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public static let blank = Cell(text: " ", style: CellStyle(.body))
    static let continuation = ""
    static let printableASCII: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
}

/// A whole screen as a grid of cells, exactly the terminal's size.
public struct Frame: Equatable, Sendable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = TerminalSize(columns: max(0, size.columns), rows: max(0, size.rows))
        cells = Array(repeating: .blank, count: self.size.columns * self.size.rows)
    }

    // Inlinable, so that the terminal, which compares every cell with the last frame's, reads
    // them in place rather than through a call and a copy each.
    @inlinable public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// One row of cells.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[(row * size.columns)..<((row + 1) * size.columns)]
    }

    /// Writes `text` from (`row`, `column`), stopping at `limit` columns or the right edge,
    /// and returns the column after it. A wide grapheme that would cross the edge is not
    /// drawn, so no cell is ever wider than the screen.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: CellStyle,
                             limit: Int = .max) -> Int {
        guard (0..<size.rows).contains(row) else { return column }
        let end = min(size.columns, column.addingReportingOverflow(limit).overflow ? size.columns : column + limit)
        var x = max(0, column)
        // Text of simple scalars (most of what is drawn) a cell per scalar; printable ASCII
        // from 95 strings made once.
        if DisplayWidth.isSimple(text) {
            for scalar in text.unicodeScalars {
                if x >= end { break }
                let cellText = scalar.isASCII ? Cell.printableASCII[Int(scalar.value) - 0x20] : String(scalar)
                cells[row * size.columns + x] = Cell(text: cellText, style: style)
                x += 1
            }
            return x
        }
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if x + width > end { break }
            cells[row * size.columns + x] = Cell(text: String(character), style: style)
            if width == 2 { cells[row * size.columns + x + 1] = Cell(text: Cell.continuation, style: style) }
            x += width
        }
        return x
    }

    /// Writes runs side by side.
    @discardableResult
    public mutating func put(_ runs: [Run], row: Int, column: Int, highlighted: Bool = false, limit: Int = .max) -> Int {
        var x = column
        for run in runs {
            x = put(run.text, row: row, column: x, style: CellStyle(run.role, highlighted: highlighted),
                    limit: max(0, limit - (x - column)))
        }
        return x
    }

    /// Sets the style of cells without changing their text, to highlight a stretch.
    public mutating func restyle(row: Int, columns: Range<Int>, _ change: (inout CellStyle) -> Void) {
        guard (0..<size.rows).contains(row) else { return }
        for x in columns.clamped(to: 0..<size.columns) {
            change(&cells[row * size.columns + x].style)
        }
    }

    /// The frame as text, a line per row with trailing spaces removed: what a golden file
    /// holds and what a screen reader would get.
    public var text: String {
        (0..<size.rows).map { row in
            var line = self.row(row).map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
