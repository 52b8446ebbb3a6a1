/// A language's plural forms as a PO catalogue's `Plural-Forms` header gives them, the way
/// gettext reads them: `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : …);`, the C expression
/// CLDR's rules are written as for gettext. The rule comes from the catalogue, so a language
/// the kiosk has never heard of brings its own.
public struct PluralRule: Sendable, Equatable {
    public let count: Int
    private let expression: Expression

    /// One form: English-less languages such as Turkish say "5 katılımcı" as "1 katılımcı".
    public static let single = PluralRule(count: 1, expression: .number(0))
    /// Two forms, one for 1 and one for the rest, as English and Azerbaijani.
    public static let oneOther = PluralRule(count: 2, expression: .binary(.notEqual, .n, .number(1)))

    private init(count: Int, expression: Expression) {
        self.count = count
        self.expression = expression
    }

    /// The index of the form for `n`, within the forms there are.
    public func form(for n: Int) -> Int {
        min(max(0, expression.value(n: max(0, n))), count - 1)
    }

    /// Reads a `Plural-Forms` header's value.
    public init(parsing header: String) throws(PluralRuleError) {
        var count: Int?
        var plural: Substring?
        for part in header.split(separator: ";") {
            let field = part.trimmingSpaces()
            if let value = field.dropPrefix("nplurals=") {
                count = Int(value.trimmingSpaces())
            } else if let value = field.dropPrefix("plural=") {
                plural = value.trimmingSpaces()
            } else if !field.isEmpty {
                throw PluralRuleError(message: "'Plural-Forms' has a part that is neither nplurals= nor plural=")
            }
        }
        guard let count, (1...6).contains(count) else {
            throw PluralRuleError(message: "'Plural-Forms' needs nplurals=N, N from 1 to 6")
        }
        guard let plural, !plural.isEmpty else { throw PluralRuleError(message: "'Plural-Forms' needs plural=EXPRESSION") }
        guard plural.count <= 400 else { throw PluralRuleError(message: "'Plural-Forms' has a plural= longer than any language needs") }
        var parser = Parser(tokens: try Parser.tokens(plural))
        let expression = try parser.expression(depth: 0)
        guard parser.isAtEnd else { throw PluralRuleError(message: "'Plural-Forms' plural= has text after its expression") }
        self.init(count: count, expression: expression)
    }

    private indirect enum Expression: Sendable, Equatable {
        case n
        case number(Int)
        case not(Expression)
        case binary(Operator, Expression, Expression)
        case choice(Expression, Expression, Expression)

        func value(n: Int) -> Int {
            switch self {
            case .n: return n
            case .number(let value): return value
            case .not(let inner): return inner.value(n: n) == 0 ? 1 : 0
            case .choice(let condition, let yes, let no): return condition.value(n: n) != 0 ? yes.value(n: n) : no.value(n: n)
            case .binary(let op, let left, let right):
                let a = left.value(n: n), b = right.value(n: n)
                switch op {
                case .or: return a != 0 || b != 0 ? 1 : 0
                case .and: return a != 0 && b != 0 ? 1 : 0
                case .equal: return a == b ? 1 : 0
                case .notEqual: return a != b ? 1 : 0
                case .less: return a < b ? 1 : 0
                case .lessOrEqual: return a <= b ? 1 : 0
                case .greater: return a > b ? 1 : 0
                case .greaterOrEqual: return a >= b ? 1 : 0
                case .plus: return a &+ b
                case .minus: return a &- b
                case .times: return a &* b
                // Division by zero gives 0 rather than a crash: no real rule divides by 0.
                case .divide: return b == 0 ? 0 : a / b
                case .remainder: return b == 0 ? 0 : a % b
                }
            }
        }
    }

    private enum Operator: String, Sendable, CaseIterable {
        case or = "||", and = "&&", equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">="
        case less = "<", greater = ">", plus = "+", minus = "-", times = "*", divide = "/", remainder = "%"
    }

    private enum Token: Equatable {
        case n, number(Int), op(Operator), not, question, colon, open, close
    }

    /// A recursive descent over C's precedence: ?: , ||, &&, == !=, < <= > >=, + -, * / %, !.
    private struct Parser {
        var tokens: [Token]
        var position = 0

        var isAtEnd: Bool { position == tokens.count }

        static func tokens(_ text: Substring) throws(PluralRuleError) -> [Token] {
            var tokens: [Token] = []
            var characters = text[...]
            while let character = characters.first {
                if character == " " || character == "\t" {
                    characters = characters.dropFirst()
                } else if character.isASCII, character.isNumber {
                    let digits = characters.prefix { $0.isASCII && $0.isNumber }
                    guard digits.count <= 9, let value = Int(digits) else { throw PluralRuleError(message: "'Plural-Forms' has a number too large") }
                    tokens.append(.number(value))
                    characters = characters.dropFirst(digits.count)
                } else if character == "n" {
                    tokens.append(.n)
                    characters = characters.dropFirst()
                } else if let op = Operator.allCases.first(where: { characters.hasPrefix($0.rawValue) }) {
                    tokens.append(.op(op))
                    characters = characters.dropFirst(op.rawValue.count)
                } else {
                    switch character {
                    case "!": tokens.append(.not)
                    case "?": tokens.append(.question)
                    case ":": tokens.append(.colon)
                    case "(": tokens.append(.open)
                    case ")": tokens.append(.close)
                    default: throw PluralRuleError(message: "'Plural-Forms' plural= has a character it cannot use")
                    }
                    characters = characters.dropFirst()
                }
            }
            return tokens
        }

        /// Nesting deeper than this is no language's rule, and would only exhaust the stack.
        static let deepest = 40

        mutating func expression(depth: Int) throws(PluralRuleError) -> Expression {
            guard depth < Self.deepest else { throw PluralRuleError(message: "'Plural-Forms' plural= is nested too deeply") }
            let condition = try binary(level: 0, depth: depth)
            guard next(.question) else { return condition }
            let yes = try expression(depth: depth + 1)
            guard next(.colon) else { throw PluralRuleError(message: "'Plural-Forms' plural= has a ? without its :") }
            let no = try expression(depth: depth + 1)
            return .choice(condition, yes, no)
        }

        private static let levels: [[Operator]] = [
            [.or], [.and], [.equal, .notEqual], [.less, .lessOrEqual, .greater, .greaterOrEqual], [.plus, .minus],
            [.times, .divide, .remainder],
        ]

        private mutating func binary(level: Int, depth: Int) throws(PluralRuleError) -> Expression {
            guard level < Self.levels.count else { return try unary(depth: depth) }
            var left = try binary(level: level + 1, depth: depth)
            while position < tokens.count, case .op(let op) = tokens[position], Self.levels[level].contains(op) {
                position += 1
                left = .binary(op, left, try binary(level: level + 1, depth: depth))
            }
            return left
        }

        private mutating func unary(depth: Int) throws(PluralRuleError) -> Expression {
            guard depth < Self.deepest else { throw PluralRuleError(message: "'Plural-Forms' plural= is nested too deeply") }
            guard position < tokens.count else { throw PluralRuleError(message: "'Plural-Forms' plural= ends too soon") }
            let token = tokens[position]
            position += 1
            switch token {
            case .n: return .n
            case .number(let value): return .number(value)
            case .not: return .not(try unary(depth: depth + 1))
            case .open:
                let inner = try expression(depth: depth + 1)
                guard next(.close) else { throw PluralRuleError(message: "'Plural-Forms' plural= has a ( without its )") }
                return inner
            default: throw PluralRuleError(message: "'Plural-Forms' plural= has an operator where a value should be")
            }
        }

        private mutating func next(_ token: Token) -> Bool {
            guard position < tokens.count, tokens[position] == token else { return false }
            position += 1
            return true
        }
    }
}

public struct PluralRuleError: Error, Equatable, Sendable {
    public var message: String
}
