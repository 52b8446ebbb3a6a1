/// A catalogue for a translator to fill in: every message the kiosk has, with its English
/// text as `msgid`, a comment saying where it shows and how many columns it may take, and the
/// language's translations kept where a catalogue already has them. Written as PO, for
/// Poedit, Weblate or a text editor.
public enum CatalogueTemplate {
    /// The catalogue for `language`. `reference` is the English catalogue (for each message's
    /// text and where it shows); `existing`, the language's catalogue if it has one.
    public static func make(language: String, reference: POCatalogue, existing: POCatalogue?) -> String {
        let english = Dictionary(reference.entries.compactMap { entry in entry.context.map { ($0, entry) } },
                                 uniquingKeysWith: { first, _ in first })
        let kept = Dictionary((existing?.entries ?? []).compactMap { entry in entry.context.map { ($0, entry) } },
                              uniquingKeysWith: { first, _ in first })
        let plural = existing?.header["plural-forms"] ?? "nplurals=2; plural=(n != 1);"
        var lines = [
            "# The kiosk's own words in '\(language)', for museum-kiosk (docs/messages.md).",
            "# Fill in each msgstr; leave msgctxt and msgid as they are. {0}, {1}… are filled in by",
            "# the kiosk and must stay. Check with: museum-kiosk validate",
            "# Plural-Forms below must be this language's rule (gettext's form of the CLDR rules).",
            "msgid \"\"",
            "msgstr \"\"",
            "\"Language: \(language)\\n\"",
            "\"Content-Type: text/plain; charset=UTF-8\\n\"",
            "\"Plural-Forms: \(escaped(plural))\\n\"",
            "",
        ]
        for message in Message.allCases {
            let source = english[message.rawValue]
            for comment in source?.comments ?? [] { lines.append("#. " + comment) }
            if let columns = message.columns {
                lines.append("#. At most \(columns) columns at 80, with its arguments.")
            }
            lines.append("msgctxt \"\(message.rawValue)\"")
            lines.append("msgid \"\(escaped(source?.id ?? message.rawValue))\"")
            let translations = kept[message.rawValue]?.translations ?? []
            if message.isPlural {
                lines.append("msgid_plural \"\(escaped(source?.idPlural ?? source?.id ?? message.rawValue))\"")
                let forms = (try? PluralRule(parsing: plural))?.count ?? 2
                for form in 0..<forms {
                    lines.append("msgstr[\(form)] \"\(escaped(translations.indices.contains(form) ? translations[form] : ""))\"")
                }
            } else {
                lines.append("msgstr \"\(escaped(translations.first ?? ""))\"")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result
    }
}
