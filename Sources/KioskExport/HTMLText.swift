import KioskCore

/// Text made safe for HTML, and the pack's Markdown as HTML elements. Pack text is already
/// clean for a terminal; here it is escaped, so that no label can become markup.
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

    static func spans(_ spans: [Span]) -> String {
        spans.map { span in
            let text = escape(span.text)
            switch span.emphasis {
            case .none: return text
            case .emphasis: return "<em>\(text)</em>"
            case .strong: return "<strong>\(text)</strong>"
            }
        }.joined()
    }

    /// Blocks as HTML, a line each; neighbouring list items share one list.
    static func blocks(_ blocks: [Block]) -> [String] {
        var lines: [String] = []
        var inList = false
        for block in blocks {
            if case .listItem = block {
                if !inList { lines.append("<ul>") }
                inList = true
            } else if inList {
                lines.append("</ul>")
                inList = false
            }
            switch block {
            case .paragraph(let content): lines.append("<p>\(spans(content))</p>")
            case .heading(let content): lines.append("<h2>\(spans(content))</h2>")
            case .listItem(let content): lines.append("<li>\(spans(content))</li>")
            case .quote(let content): lines.append("<blockquote><p>\(spans(content))</p></blockquote>")
            }
        }
        if inList { lines.append("</ul>") }
        return lines
    }
}
