/// The Markdown a curator may write in a narrative or a label: paragraphs, `*emphasis*`,
/// `**strong**`, "- " list items, "> " quotes and "## " subheadings. Anything else is shown
/// as the text it is, never interpreted.
public enum Block: Equatable, Sendable {
    case paragraph([Span])
    case heading([Span])
    case listItem([Span])
    case quote([Span])

    public var spans: [Span] {
        switch self {
        case .paragraph(let spans), .heading(let spans), .listItem(let spans), .quote(let spans):
            return spans
        }
    }

    /// The words a visitor reads, without markup.
    public var plainText: String { spans.map(\.text).joined() }
}

/// Inline text with its emphasis.
public struct Span: Equatable, Sendable {
    public enum Emphasis: Sendable { case none, emphasis, strong }

    public var text: String
    public var emphasis: Emphasis

    public init(_ text: String, _ emphasis: Emphasis = .none) {
        self.text = text
        self.emphasis = emphasis
    }
}

public enum Markdown {
    /// The line that separates a label from its "read more" layer.
    public static let moreMarker = "<!--more-->"

    /// Whether a line is the "read more" marker, however it is spaced or capitalised
    /// (`<!-- more -->`, `<!--More-->`): never a line shown to a visitor as it is written.
    public static func isMoreMarker(_ line: Substring) -> Bool {
        guard let comment = comment(line) else { return false }
        return comment.lowercased() == "more"
    }

    /// The text inside a line that is an HTML comment, trimmed; nil for any other line.
    static func comment(_ line: Substring) -> String? {
        let line = line.trimmingSpaces()
        guard line.hasPrefix("<!--"), line.hasSuffix("-->"), line.count >= 7 else { return nil }
        return String(String(line.dropFirst(4).dropLast(3)).trimmingSpaces())
    }

    /// Parses a body into blocks. Lines are joined into a block until a blank line or the
    /// start of another kind of block.
    public static func parse(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var pending: (kind: Kind, text: String)?

        func flush() {
            guard let current = pending else { return }
            let spans = inline(current.text)
            switch current.kind {
            case .paragraph: blocks.append(.paragraph(spans))
            case .heading: blocks.append(.heading(spans))
            case .listItem: blocks.append(.listItem(spans))
            case .quote: blocks.append(.quote(spans))
            }
            pending = nil
        }

        for rawLine in text.lines {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty {
                flush()
                continue
            }
            if let heading = line.dropPrefix("## ") ?? line.dropPrefix("# ") ?? line.dropPrefix("### ") {
                flush()
                pending = (.heading, String(heading))
                flush()
            } else if let item = line.dropPrefix("- ") ?? line.dropPrefix("* ") {
                flush()
                pending = (.listItem, String(item))
            } else if let quoted = line.dropPrefix("> ") ?? (line == ">" ? "" : nil) {
                if pending?.kind == .quote {
                    pending?.text += " " + quoted
                } else {
                    flush()
                    pending = (.quote, String(quoted))
                }
            } else if pending != nil && !(pending?.kind == .quote) {
                // A continuation of the paragraph or list item above.
                pending?.text += " " + line
            } else {
                flush()
                pending = (.paragraph, String(line))
            }
        }
        flush()
        return blocks
    }

    private enum Kind { case paragraph, heading, listItem, quote }

    /// Emphasis markers become spans; a marker with no partner is literal text, and a
    /// backslash makes the next character literal.
    static func inline(_ text: String) -> [Span] {
        // Most text has no marker at all: one span, without taking it apart.
        if !text.containsByte(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "\\") }) {
            return text.isEmpty ? [] : [Span(text)]
        }
        // Simple scalars are characters of their own (DisplayWidth.simpleWidth): they are
        // read as scalars, without finding grapheme boundaries.
        if DisplayWidth.isSimple(text) {
            return inline(Array(text.unicodeScalars), star: "*", underscore: "_", backslash: "\\") {
                var string = String.UnicodeScalarView()
                string.append(contentsOf: $0)
                return String(string)
            }
        }
        return inline(Array(text), star: "*", underscore: "_", backslash: "\\") { String($0) }
    }

    private static func inline<Element: Equatable>(_ characters: [Element], star: Element, underscore: Element,
                                                   backslash: Element, text: ([Element]) -> String) -> [Span] {
        var spans: [Span] = []
        var current: [Element] = []
        var strong = false
        var emphasis = false
        var index = 0

        func flush() {
            guard !current.isEmpty else { return }
            let kind: Span.Emphasis = strong ? .strong : (emphasis ? .emphasis : .none)
            if let last = spans.last, last.emphasis == kind {
                spans[spans.count - 1].text += text(current)
            } else {
                spans.append(Span(text(current), kind))
            }
            current = []
        }

        func closes(_ marker: [Element], from start: Int) -> Bool {
            var position = start
            while position + marker.count <= characters.count {
                if characters[position..<position + marker.count].elementsEqual(marker) {
                    // A single "*" must not be half of a "**".
                    let isDouble = marker.count == 1 && position + 1 < characters.count
                        && characters[position + 1] == marker[0]
                    if !isDouble { return true }
                    position += 2
                    continue
                }
                position += 1
            }
            return false
        }

        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == backslash, let next {
                current.append(next)
                index += 2
            } else if character == star, next == star, strong || closes([star, star], from: index + 2) {
                flush()
                strong.toggle()
                index += 2
            } else if character == star || character == underscore,
                      emphasis || closes([character], from: index + 1) {
                flush()
                emphasis.toggle()
                index += 1
            } else {
                current.append(character)
                index += 1
            }
        }
        flush()
        return spans
    }
}

/// Spaces, tabs and the Markdown markers are ASCII: they are compared byte by byte, which
/// loading a pack does for every line of every file.
extension StringProtocol where SubSequence == Substring {
    func trimmingSpaces() -> Substring {
        let text = self[...]
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == 0x20 || bytes[bytes.index(before: end)] == 0x09 {
            end = bytes.index(before: end)
        }
        return text[start..<end]
    }

    func dropPrefix(_ prefix: String) -> Substring? {
        let text = self[...]
        guard text.utf8.starts(with: prefix.utf8) else { return nil }
        return text[text.utf8.index(text.startIndex, offsetBy: prefix.utf8.count)...]
    }
}
