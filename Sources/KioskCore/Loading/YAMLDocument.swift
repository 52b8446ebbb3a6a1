import Yams

/// Parses YAML into a node, turning the parser's complaints into findings at the file's line
/// and column where it stopped. libyaml stops at 1,000 levels of nesting; aliases are shared,
/// not copied, and fields are read by the shape they must have, never walked whole, so an alias
/// that would expand into a vast tree costs nothing.
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
            return node ?? .mapping(.init([]))
        case .failure(let stop):
            log.error(file, line: stop.line + firstLine - 1, column: stop.column, stop.problem)
            return nil
        }
    }

    static func compose(_ yaml: String) -> Result<Node?, Stop> {
        do {
            return .success(try Yams.compose(yaml: yaml, .basic))
        } catch let error as YamlError {
            return .failure(describe(error, yaml))
        } catch {
            return .failure(Stop(line: 1, column: nil, problem: "YAML: \(error)"))
        }
    }

    private static func describe(_ error: YamlError, _ yaml: String) -> Stop {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " \($0.text)" } ?? ""
            // "while parsing a block mapping" points at the mapping's start, far from the
            // problem; "while scanning a simple key" points at the token that went wrong.
            let token = context.flatMap { $0.text.hasPrefix("while scanning") ? $0.mark : nil }
            return Stop(line: mark.line, column: mark.column, problem: "YAML: " + problem + while_,
                        tokenLine: token?.line, tokenColumn: token?.column)
        case let .reader(problem, offset, _, _):
            // The reader stops at a character YAML does not allow, such as ESC: say which,
            // in the words the rest of the checks use.
            let characters = offset.map { yaml.prefix($0) } ?? ""
            let line = characters.count { $0 == "\n" } + 1
            let lineStart = characters.lastIndex(of: "\n").map { characters.index(after: $0) } ?? characters.startIndex
            let column = characters[lineStart...].unicodeScalars.count + 1
            let offending = offset.flatMap { yaml.dropFirst($0).unicodeScalars.first }
            let message = offending.flatMap(TerminalSafety.problem(with:))?.message ?? "YAML: \(problem)"
            return Stop(line: line, column: offset == nil ? nil : column, problem: message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = Set(duplicates).sorted()
            // Yams points at the first of the two; the curator wants the one to remove.
            let second = names.first.flatMap { secondOccurrence(of: $0, after: context.mark, in: yaml) }
            return Stop(line: second?.line ?? context.mark.line, column: second?.column ?? context.mark.column,
                        problem: "YAML: a field is given twice: \(names.joined(separator: ", "))")
        default:
            return Stop(line: 1, column: nil, problem: "YAML: \(error)")
        }
    }

    /// The line and column of `key:` written again at the same indentation, below `first`.
    private static func secondOccurrence(of key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        let indent = String(repeating: " ", count: max(0, first.column - 1))
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(indent) else { continue }
            let rest = line.dropFirst(indent.count)
            for prefix in [key + ":", "\"" + key + "\":", "'" + key + "':"] where rest.hasPrefix(prefix) {
                return (index + 1, first.column)
            }
        }
        return nil
    }
}
