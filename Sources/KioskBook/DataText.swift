/// CSV and JSON as the museum's own tools read them (a spreadsheet, a script): for the book's
/// archive and the statistics' report alike.
public enum DataText {
    /// A CSV field, RFC 4180: quoted when it holds a comma, a quote or a line end.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// A CSV line: the fields, and CRLF.
    public static func csvLine(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// An object of text fields, in order.
    public static func json(_ fields: [(String, String)]) -> String {
        "{" + fields.map { jsonString($0.0) + ":" + jsonString($0.1) }.joined(separator: ",") + "}"
    }

    /// A JSON string: quote, backslash and every control character escaped, the rest as is
    /// (UTF-8).
    public static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
