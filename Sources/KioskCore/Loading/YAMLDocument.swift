/// Parses YAML into a node, turning the parser's complaints into findings at the file's line
/// and column where it stopped. Nesting stops at 1,000 levels; the first anchor or alias stops
/// the reading, so none is ever expanded; and fields are read by the shape they must have,
/// never walked whole.
enum YAMLDocument {
    /// Where and why the parser stopped.
    struct Stop: Error {
        var line: Int
        var column: Int?
        var problem: String
        /// Where the token the scanner was reading began, when it says: for a label run into
        /// unclosed front matter, the label's first line.
        var tokenLine: Int?
        var tokenColumn: Int?
    }

    /// The document's root node; an empty document (nothing, or only comments) is an empty
    /// mapping, so that its missing fields are reported like any others.
    static func parse(_ yaml: String, file: String, firstLine: Int, log: FindingLog) -> Node? {
        switch compose(yaml) {
        case .success(let node):
            return node ?? .mapping(Node.Mapping(pairs: [], mark: nil))
        case .failure(let stop):
            log.error(file, line: stop.line + firstLine - 1, column: stop.column, stop.problem)
            return nil
        }
    }

    static func compose(_ yaml: String) -> Result<Node?, Stop> {
        do {
            return .success(try YAML.compose(yaml))
        } catch {
            return .failure(describe(error, yaml))
        }
    }

    private static func describe(_ error: YAMLError, _ yaml: String) -> Stop {
        switch error.kind {
        case .syntax, .duplicate, .tooDeep:
            return Stop(line: error.line, column: error.column, problem: "YAML: " + error.problem,
                        tokenLine: error.tokenLine, tokenColumn: error.tokenColumn)
        case .anchorOrAlias:
            return Stop(line: error.line, column: error.column,
                        problem: "YAML \(error.problem): anchors and aliases are not read in a content pack; write the value out where it is used")
        case .reader(let offset):
            // The reader stops at a character YAML does not allow, such as ESC: say which,
            // in the words the rest of the checks use.
            let before = yaml.utf8.prefix(offset)
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
            let column = Substring(before[lineStart...]).unicodeScalars.count + 1
            let index = yaml.utf8.index(yaml.utf8.startIndex, offsetBy: offset)
            let offending = yaml.unicodeScalars[index...].first
            let message = offending.flatMap(TerminalSafety.problem(with:))?.message ?? "YAML: \(error.problem)"
            return Stop(line: line, column: column, problem: message)
        }
    }
}
