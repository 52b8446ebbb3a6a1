/// Finds YAML anchors (`&name`) and aliases (`*name`) before the YAML is parsed.
///
/// A pack never needs them, and an alias can make a small file stand for a vast tree: the
/// parser compares mapping keys whole, so nine lines of aliases used as a key keep it busy for
/// hours ("billion laughs"). They are refused before the parser sees them.
///
/// This reads only as much of YAML's grammar as tells where a node starts: at the start of a
/// line, after `- `, `? ` and `: `, and inside `[ ]` and `{ }` after `[`, `{` and `,`. Quoted
/// scalars, block scalars (`|`, `>`), plain scalars that go on over several lines, comments and
/// tags are stepped over, so a `*` or `&` in text is not taken for one.
enum YAMLAliases {
    struct Found: Equatable {
        var line: Int
        /// Counted in characters from 1, as the parser counts.
        var column: Int
        var indicator: Character
    }

    static func first(in yaml: String) -> Found? {
        var scanner = Scanner(bytes: Array(yaml.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var flowDepth = 0
        /// Lines indented more than this go on with a plain or block scalar.
        var continuationIndent: Int?
        /// In flow context a node may start on the next line, after a `,` that ended this one.
        var expectNode = true
        /// The column of the block mapping key or sequence entry the current node belongs to:
        /// a scalar's text goes on over the lines indented more than this.
        var parentColumn = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func byte(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

        static func isBlank(_ byte: UInt8?) -> Bool { byte == nil || byte == .space || byte == .tab || byte == .newline || byte == .carriageReturn }

        mutating func newLine() {
            line += 1
            lineStart = index
        }

        mutating func run() -> Found? {
            while index < bytes.count {
                var indent = 0
                while byte() == .space { index += 1; indent += 1 }
                while byte() == .tab { index += 1 }
                // Blank lines and comment lines change nothing.
                if byte() == .newline || byte() == nil || byte() == .hash {
                    skipToLineEnd()
                    continue
                }
                if flowDepth == 0 {
                    if let limit = continuationIndent, indent > limit {
                        skipToLineEnd()
                        continue
                    }
                    continuationIndent = nil
                    expectNode = true
                    if indent == 0, startsDocumentMarker() { index += 3 }
                }
                if flowDepth == 0 { parentColumn = indent }
                if let found = scanLine() { return found }
            }
            return nil
        }

        /// `---` or `...` at the start of a line.
        func startsDocumentMarker() -> Bool {
            guard let first = byte(), first == .hyphen || first == .dot else { return false }
            return byte(1) == first && byte(2) == first && Self.isBlank(byte(3))
        }

        mutating func skipToLineEnd() {
            while let current = byte(), current != .newline { index += 1 }
            if byte() == .newline {
                index += 1
                newLine()
            }
        }

        /// The rest of one line, from its first character that is not a space.
        mutating func scanLine() -> Found? {
            while let current = byte() {
                if current == .newline {
                    index += 1
                    newLine()
                    return nil
                }
                if current == .space || current == .tab || current == .carriageReturn {
                    index += 1
                    continue
                }
                if current == .hash, index == lineStart || Self.isBlank(bytes[index - 1]) {
                    skipToLineEnd()
                    return nil
                }
                if expectNode {
                    if let found = startNode() { return found }
                } else {
                    afterNode()
                }
            }
            return nil
        }

        /// Where a node may start: an anchor or alias here is what is looked for.
        mutating func startNode() -> Found? {
            let current = bytes[index]
            switch current {
            case .ampersand, .asterisk:
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                return Found(line: line, column: column, indicator: Character(Unicode.Scalar(current)))
            case .exclamation:
                // A tag: the node itself comes after it.
                while !Self.isBlank(byte()) { index += 1 }
            case .hyphen where Self.isBlank(byte(1)), .question where Self.isBlank(byte(1)):
                if flowDepth == 0 { parentColumn = index - lineStart }
                index += 1
            case .colon where Self.isBlank(byte(1)) || flowDepth > 0:
                index += 1
            case .openBracket, .openBrace:
                flowDepth += 1
                index += 1
            case .closeBracket, .closeBrace where flowDepth > 0:
                flowDepth -= 1
                index += 1
                expectNode = false
            case .comma where flowDepth > 0:
                index += 1
            case .doubleQuote, .singleQuote:
                skipQuoted(current)
                expectNode = false
            case .pipe, .greater where flowDepth == 0:
                // A block scalar: every line indented more than this one is its text.
                continuationIndent = parentColumn
                while let next = byte(), next != .newline { index += 1 }
            default:
                skipPlain()
            }
            return nil
        }

        /// After a quoted scalar or a closed flow collection: what ends or separates it.
        mutating func afterNode() {
            let current = bytes[index]
            switch current {
            case .colon where Self.isBlank(byte(1)) || flowDepth > 0:
                expectNode = true
            case .comma where flowDepth > 0:
                expectNode = true
            case .closeBracket, .closeBrace where flowDepth > 0:
                flowDepth -= 1
            default:
                break
            }
            index += 1
        }

        /// A plain scalar, to where it ends on this line; in a block it may go on below.
        mutating func skipPlain() {
            let start = index - lineStart
            expectNode = false
            if flowDepth == 0 { continuationIndent = parentColumn }
            while let current = byte(), current != .newline {
                if current == .colon, Self.isBlank(byte(1)) || (flowDepth > 0 && [.comma, .closeBracket, .closeBrace].contains(byte(1))) {
                    // The scalar was a key; its value starts a node, on this line or the next.
                    expectNode = true
                    if flowDepth == 0 { (parentColumn, continuationIndent) = (start, nil) }
                    index += 1
                    return
                }
                if flowDepth > 0, current == .comma || current == .closeBracket || current == .closeBrace { return }
                if current == .hash, Self.isBlank(bytes[index - 1]) { return }
                index += 1
            }
        }

        /// A quoted scalar, over as many lines as it takes.
        mutating func skipQuoted(_ quote: UInt8) {
            index += 1
            while let current = byte() {
                index += 1
                if current == .newline {
                    newLine()
                } else if quote == .doubleQuote && current == .backslash {
                    if byte() == .newline {
                        index += 1
                        newLine()
                    } else {
                        index += 1
                    }
                } else if current == quote {
                    // '' inside single quotes is a quote, not the end.
                    if quote == .singleQuote && byte() == .singleQuote { index += 1 } else { return }
                }
            }
        }
    }
}

extension UInt8 {
    fileprivate static let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    fileprivate static let space = UInt8(ascii: " "), hash = UInt8(ascii: "#"), ampersand = UInt8(ascii: "&")
    fileprivate static let asterisk = UInt8(ascii: "*"), exclamation = UInt8(ascii: "!"), hyphen = UInt8(ascii: "-")
    fileprivate static let question = UInt8(ascii: "?"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    fileprivate static let dot = UInt8(ascii: "."), pipe = UInt8(ascii: "|"), greater = UInt8(ascii: ">")
    fileprivate static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    fileprivate static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    fileprivate static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
}
