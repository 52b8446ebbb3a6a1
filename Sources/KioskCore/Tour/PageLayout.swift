/// A page wrapped to a width: the lines the body shows, and which lines belong to which item.
/// The tour lays pages out itself so that scrolling and choosing are exact: the state always
/// says what the visitor sees.
public struct PageLayout: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        /// Columns before the text: the hanging indent of a list item, a quote's bar, the
        /// marker column of an item.
        public var prefix: [Run]
        public var runs: [Run]
        /// The item this line belongs to.
        public var item: Int?
        /// The block this line belongs to, to keep the reading place across a resize.
        public var block: Int

        /// The whole line as text.
        public var text: String { (prefix + runs).plainText }
    }

    public private(set) var lines: [Line] = []
    /// The lines of each item, by item index.
    public private(set) var itemLines: [Range<Int>] = []

    /// Columns an item's marker takes ("▸ ").
    public static let itemIndent = 2

    public init(_ page: Page, width: Int) {
        var previous: PageBlock.Kind?
        for (index, block) in page.blocks.enumerated() {
            if let previous, Self.needsSpace(between: previous, and: block.kind) {
                lines.append(Line(prefix: [], runs: [], item: nil, block: index))
            }
            previous = block.kind
            let item = block.action == nil ? nil : itemLines.count
            let start = lines.count
            switch block.kind {
            case .listItem:
                append(block.runs, width: width, block: index, item: nil,
                       first: [Run("• ", .body)], rest: [Run("  ", .body)])
            case .quote:
                append(block.runs, width: width, block: index, item: nil,
                       first: [Run("│ ", .quote)], rest: [Run("│ ", .quote)])
            case .field:
                let hang = String(repeating: " ", count: min(block.hangingIndent ?? 2, width / 2))
                append(block.runs, width: width, block: index, item: nil, first: [], rest: [Run(hang, .body)])
            case .item:
                // A wrapped title lines up under its own first word, past a stop number or arrow.
                let indent = [Run(String(repeating: " ", count: Self.itemIndent), .body)]
                let hang = [Run(String(repeating: " ", count: Self.itemIndent + min(block.hangingIndent ?? 0, width / 2)), .body)]
                append(block.runs, width: width, block: index, item: item, first: indent, rest: hang)
            case .note:
                // A note about the item above it (a tour's description) lines up under it.
                let indent = [Run(String(repeating: " ", count: min(block.hangingIndent ?? 0, width / 2)), .body)]
                append(block.runs, width: width, block: index, item: nil, first: indent, rest: indent)
            case .title, .heading, .paragraph:
                append(block.runs, width: width, block: index, item: nil, first: [], rest: [])
            }
            if item != nil { itemLines.append(start..<lines.count) }
        }
    }

    /// Blank lines set blocks apart, except within a run of list items, fields or items.
    public static func needsSpace(between previous: PageBlock.Kind, and next: PageBlock.Kind) -> Bool {
        switch (previous, next) {
        case (.listItem, .listItem), (.field, .field), (.item, .item), (.note, .note), (.heading, .item),
             (.heading, .listItem), (.title, .note), (.item, .note):
            return false
        default:
            return true
        }
    }

    private mutating func append(_ runs: [Run], width: Int, block: Int, item: Int?, first: [Run], rest: [Run]) {
        let wrapped = Wrap.lines(runs, width: width - rest.displayWidth, firstWidth: width - first.displayWidth)
        for (index, line) in wrapped.enumerated() {
            lines.append(Line(prefix: index == 0 ? first : rest, runs: line, item: item, block: block))
        }
    }

    /// The block shown on `line`, to find the same place after the page is laid out anew.
    public func block(atLine line: Int) -> Int? {
        lines.indices.contains(line) ? lines[line].block : nil
    }

    /// The first line of `block`, or of the nearest block after it.
    public func firstLine(ofBlock block: Int) -> Int {
        lines.firstIndex { $0.block >= block } ?? max(0, lines.count - 1)
    }
}

/// How the screen divides: a header, the body, a footer; text in a reading column of at
/// most 72 columns, centered on wide screens.
public struct PageGeometry: Equatable, Sendable {
    public static let headerRows = 2
    public static let footerRows = 2
    public static let readingColumn = 72

    public var size: TerminalSize

    public init(_ size: TerminalSize) {
        self.size = size
    }

    public var bodyRows: Int { max(1, size.rows - Self.headerRows - Self.footerRows) }

    public var columnWidth: Int { max(8, min(Self.readingColumn, size.columns - 4)) }

    /// Where the reading column starts.
    public var columnLeft: Int { max(0, (size.columns - columnWidth) / 2) }
}
