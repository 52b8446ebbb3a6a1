/// What a piece of text is, for the screen to show it fittingly. Roles, not colours: the
/// terminal's theme decides how each looks, so that a mono or high-contrast theme, or a
/// screen reader, loses nothing.
public enum Role: UInt8, Hashable, Sendable, CaseIterable {
    case body, emphasis, strong, heading, title, quote, hint, notice, warning
    case fieldName, item, mark, source, chrome, here, key
}

/// A stretch of text in one role.
public struct Run: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .body) {
        self.text = text
        self.role = role
    }
}

extension Array where Element == Run {
    /// Columns the runs take side by side.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// The runs as plain text.
    public var plainText: String { map(\.text).joined() }

    /// Appends text, joining it to the last run when the role is the same.
    mutating func append(_ text: some StringProtocol, _ role: Role) {
        guard !text.isEmpty else { return }
        if let last = indices.last, self[last].role == role {
            self[last].text += text
        } else {
            append(Run(String(text), role))
        }
    }
}
