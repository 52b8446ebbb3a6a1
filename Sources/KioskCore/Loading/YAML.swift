import CYAML

/// A YAML node with the line and column it starts at: scalars, mappings and sequences, all a
/// pack needs. Composed here from libyaml's events rather than by Yams, which brings all of
/// Foundation (and ICU) into the binary: measured, 4 MB more memory for every session and a
/// slower start (docs/performance.md). The shape follows Yams's `Node`.
enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts, counted from 1 as an editor counts.
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Sendable {
        var string: String
        /// Written without quotes or a block indicator: only then is `~` or `null` no value.
        var isPlain = true
        var mark: Mark?
    }

    struct Mapping: RandomAccessCollection, Sendable {
        var pairs: [(key: Node, value: Node)]
        var mark: Mark?

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }
    }

    struct Sequence: RandomAccessCollection, Sendable {
        var nodes: [Node]
        var mark: Mark?

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> Node { nodes[position] }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let sequence): return sequence.mark
        }
    }
}

/// Why a document could not be read, and where, in libyaml's words (as Yams passed them on).
struct YAMLError: Error, Equatable {
    enum Kind: Equatable {
        /// The scanner or the parser stopped: `problem` says why and what it was reading.
        case syntax
        /// The reader met a character YAML does not allow, at byte `offset` of the text.
        case reader(offset: Int)
        /// A mapping names a field twice; the place is the second.
        case duplicate
        case tooDeep
        /// An anchor or an alias: `problem` names which. A pack never needs them, and an alias
        /// lets a small file stand for a vast tree ("billion laughs").
        case anchorOrAlias
    }

    var kind: Kind
    var problem: String
    var line: Int
    var column: Int?
    /// Where the token the scanner was reading began, when it says ("while scanning …").
    var tokenLine: Int?
    var tokenColumn: Int?

    init(_ kind: Kind, _ problem: String, mark: Node.Mark, token: Node.Mark? = nil) {
        (self.kind, self.problem, line, column) = (kind, problem, mark.line, mark.column)
        (tokenLine, tokenColumn) = (token?.line, token?.column)
    }
}

enum YAML {
    /// Nesting deeper than this is refused, as Yams's copy of libyaml refused it; the
    /// composer keeps its own stack, so no depth can exhaust the program's.
    static let maximumDepth = 1_000

    /// The first document of `text` as a node, nil when there is none.
    static func compose(_ text: String) throws(YAMLError) -> Node? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError(.syntax, "out of memory", mark: .init(line: 1, column: 1)) }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> Node? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var composer = Composer()
            return try composer.compose(&parser, bytes: buffer)
        }
    }

    private struct Composer {
        /// Collections being read, innermost last: a mapping's pairs or a sequence's items.
        enum Open {
            case mapping([Node], Node.Mark)
            case sequence([Node], Node.Mark)
        }

        var open: [Open] = []

        mutating func compose(_ parser: inout yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> Node? {
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.error(parser, bytes) }
                defer { yaml_event_delete(&event) }
                let mark = Node.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                if Self.isAnchored(event) { throw YAMLError(.anchorOrAlias, "anchor '&'", mark: mark) }
                var finished: Node?
                switch event.type {
                case YAML_STREAM_END_EVENT, YAML_DOCUMENT_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    throw YAMLError(.anchorOrAlias, "alias '*'", mark: mark)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                    finished = .scalar(Node.Scalar(string: string, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    guard open.count < YAML.maximumDepth else {
                        throw YAMLError(.tooDeep, "nested more than 1,000 levels deep", mark: mark)
                    }
                    open.append(event.type == YAML_MAPPING_START_EVENT ? .mapping([], mark) : .sequence([], mark))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    finished = try close()
                default:
                    continue
                }
                guard let node = finished else { continue }
                guard let last = open.indices.last else { return node }
                switch open[last] {
                case .mapping(var nodes, let mark):
                    open[last] = .mapping([], mark)
                    nodes.append(node)
                    open[last] = .mapping(nodes, mark)
                case .sequence(var nodes, let mark):
                    open[last] = .sequence([], mark)
                    nodes.append(node)
                    open[last] = .sequence(nodes, mark)
                }
            }
        }

        /// The innermost collection, finished; a mapping whose field is given twice is an error,
        /// since only one of the two values could be read.
        mutating func close() throws(YAMLError) -> Node {
            switch open.removeLast() {
            case .sequence(let nodes, let mark):
                return .sequence(Node.Sequence(nodes: nodes, mark: mark))
            case .mapping(let nodes, let mark):
                var pairs: [(key: Node, value: Node)] = []
                pairs.reserveCapacity(nodes.count / 2)
                var seen: Set<String> = []
                /// The place each field given twice is given again.
                var again: [String: Node.Mark] = [:]
                for index in stride(from: 0, to: nodes.count - 1, by: 2) {
                    let key = nodes[index]
                    if let name = key.scalar?.string, !seen.insert(name).inserted, again[name] == nil {
                        again[name] = key.mark
                    }
                    pairs.append((key, nodes[index + 1]))
                }
                if let first = again.keys.min(), let at = again[first] {
                    let names = again.keys.sorted().joined(separator: ", ")
                    throw YAMLError(.duplicate, "a field is given twice: \(names)", mark: at)
                }
                return .mapping(Node.Mapping(pairs: pairs, mark: mark))
            }
        }

        /// Whether a node names itself for aliases to repeat; its place is the anchor's (or
        /// its tag's, when the tag comes first).
        static func isAnchored(_ event: yaml_event_t) -> Bool {
            switch event.type {
            case YAML_SCALAR_EVENT: return event.data.scalar.anchor != nil
            case YAML_SEQUENCE_START_EVENT: return event.data.sequence_start.anchor != nil
            case YAML_MAPPING_START_EVENT: return event.data.mapping_start.anchor != nil
            default: return false
            }
        }

        /// libyaml's complaint: the problem, what it was reading, and where.
        static func error(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> YAMLError {
            let problem = parser.problem.map { String(cString: $0) } ?? "cannot be read"
            if parser.error == YAML_READER_ERROR {
                return YAMLError(.reader(offset: min(Int(parser.problem_offset), bytes.count)), problem, mark: .init(line: 1, column: 1))
            }
            let context = parser.context.map { String(cString: $0) }
            let mark = Node.Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            // "while parsing a block mapping" points at the mapping's start, far from the
            // problem; "while scanning a simple key" points at the token that went wrong.
            let token = context.flatMap { $0.hasPrefix("while scanning") ? parser.context_mark : nil }
                .map { Node.Mark(line: Int($0.line) + 1, column: Int($0.column) + 1) }
            return YAMLError(.syntax, problem + (context.map { " " + $0 } ?? ""), mark: mark, token: token)
        }
    }
}
