/// One problem in a content pack, where it is and how bad: what `validate` prints, one per
/// line, as `path:line[:column]: error|warning: message`, the form editors and CI jump to.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// The file, as the curator would type its path.
    public var file: String
    public var line: Int
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, _ file: String, line: Int, column: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = max(1, line)
        self.column = column
        self.message = message
    }

    /// The finding as one line. The file's name and the message quote what the pack holds
    /// (names, keys, ids, exits), which may carry escape sequences or newlines: each character
    /// that may not reach a terminal is shown escaped here, the one place every finding is
    /// printed through, so no pack can set a curator's clipboard or forge a finding line.
    public var description: String {
        let file = Self.escaped(file)
        let place = column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        return "\(place): \(severity.rawValue): \(Self.escaped(message))"
    }

    /// `text` with every character that may not reach a terminal (controls, newlines, tabs,
    /// bidirectional and invisible format characters) written as `\u{1B}`, visible and inert.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\t" || TerminalSafety.problem(with: scalar) != nil
    }
}

/// Findings gathered while a pack is read, in the order they were met.
final class FindingLog {
    private(set) var findings: [Finding] = []
    private var told: Set<Finding> = []
    /// Whether warnings are kept. The kiosk shows no warning, only refuses a pack with an
    /// error, so it reads without them, and the checks that can only warn (the shape of a
    /// label, words that mix alphabets) are skipped: a third of the load (docs/performance.md).
    let keepsWarnings: Bool

    init(keepsWarnings: Bool = true) {
        self.keepsWarnings = keepsWarnings
    }

    func error(_ file: String, line: Int, column: Int? = nil, _ message: String) {
        add(Finding(.error, file, line: line, column: column, message))
    }

    func warning(_ file: String, line: Int, column: Int? = nil, _ message: String) {
        guard keepsWarnings else { return }
        add(Finding(.warning, file, line: line, column: column, message))
    }

    /// A problem met by two checks (a symbolic link is refused by the reader and by the check
    /// of the folders) is told once.
    private func add(_ finding: Finding) {
        if told.insert(finding).inserted { findings.append(finding) }
    }

    /// Another log's findings, after this one's, each still told once.
    func take(_ other: FindingLog) {
        other.findings.forEach(add)
    }

    var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
