/// A Markdown file with YAML front matter between two `---` lines, as narratives and exhibit
/// files are written.
struct FrontMatterFile {
    var yaml: String
    /// The file's line on which the YAML starts, to turn the parser's lines into the file's.
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// Splits `text`, or logs why it cannot be split, at the line and column where reading
    /// stopped.
    static func split(_ text: String, file: String, log: FindingLog) -> FrontMatterFile? {
        // Some editors start a UTF-8 file with a byte order mark: it is not part of the text.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = text.lines
        guard let first = lines.first, first.trimmingSpaces() == "---" else {
            log.error(file, line: 1, column: 1, "the file must start with front matter: a line '---', the fields, and '---' again")
            return nil
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces() == "---" }) else {
            reportUnclosed(lines, file: file, log: log)
            return nil
        }
        return FrontMatterFile(
            yaml: lines[1..<closing].joined(separator: "\n"),
            yamlFirstLine: 2,
            body: lines[(closing + 1)...].joined(separator: "\n"),
            bodyFirstLine: closing + 2
        )
    }

    /// Without its closing `---`, the fields run on into the label. The YAML parser stops
    /// where the label begins (it reads the label's first line as a field without a colon):
    /// that is where the `---` belongs.
    private static func reportUnclosed(_ lines: [Substring], file: String, log: FindingLog) {
        let message = "front matter is not closed: add a line '---' where the fields"
        guard case .failure(let stop) = YAMLDocument.compose(lines.dropFirst().joined(separator: "\n")) else {
            log.error(file, line: lines.count, column: 1, message + " end")
            return
        }
        log.error(file, line: (stop.tokenLine ?? stop.line) + 1, column: stop.tokenColumn ?? stop.column,
                  message + " end; YAML stopped here: " + stop.problem.replacing("YAML: ", with: ""))
    }

    /// The label (before `<!--more-->`) and the "read more" layer, each with its first line.
    func layers() -> (label: String, labelLine: Int, more: String, moreLine: Int) {
        let lines = body.lines
        guard let marker = lines.firstIndex(where: Markdown.isMoreMarker) else {
            return (body, bodyFirstLine, "", bodyFirstLine + lines.count)
        }
        return (lines[..<marker].joined(separator: "\n"), bodyFirstLine,
                lines[(marker + 1)...].joined(separator: "\n"), bodyFirstLine + marker + 1)
    }
}
