import KioskCore

/// Text made safe for HTML, and a kiosk page's runs as HTML. Pack text is already clean for a
/// terminal; here it is escaped, so that no label can become markup.
enum HTMLText {
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The element a run's role is set in, if any. Emphasis is the pack's own; an advisory is
    /// strong and a translation's mark emphasised, so that they read as such without colour.
    static func element(of role: Role) -> String? {
        switch role {
        case .emphasis, .mark: return "em"
        case .strong, .warning, .fieldName: return "strong"
        case .body, .heading, .title, .quote, .hint, .notice, .item, .source, .chrome, .here, .key: return nil
        }
    }

    /// Runs as HTML; neighbouring runs set in one element share it, and the spaces at its
    /// ends stand outside it.
    static func runs(_ runs: [Run]) -> String {
        var pieces: [(element: String?, text: String)] = []
        for run in runs where !run.text.isEmpty {
            let element = element(of: run.role)
            if let last = pieces.indices.last, pieces[last].element == element {
                pieces[last].text += run.text
            } else {
                pieces.append((element, run.text))
            }
        }
        return pieces.map { piece in
            guard let element = piece.element else { return escape(piece.text) }
            let words = trimmed(piece.text)
            guard !words.isEmpty else { return escape(piece.text) }
            let before = piece.text.prefix { $0 == " " }, after = piece.text.reversed().prefix { $0 == " " }
            return "\(before)<\(element)>\(escape(words))</\(element)>\(String(after))"
        }.joined()
    }

    /// Text without the spaces at its ends.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
