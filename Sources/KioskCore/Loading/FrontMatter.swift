/// A Markdown file with YAML front matter between two `---` lines, as narratives and exhibit
/// files are written.
struct FrontMatterFile {
    var yaml: String
    /// The file's line on which the YAML starts, to turn the parser's lines into the file's.
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// Splits `text`, or logs why it cannot be split.
    static func split(_ text: String, file: String, log: FindingLog) -> FrontMatterFile? {
        let lines = text.lines
        guard let first = lines.first, first.trimmingSpaces() == "---" else {
            log.error(file, line: 1, "the file must start with front matter: a line '---', the fields, and '---' again")
            return nil
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces() == "---" }) else {
            log.error(file, line: 1, "front matter is not closed: add a line '---' after the fields")
            return nil
        }
        return FrontMatterFile(
            yaml: lines[1..<closing].joined(separator: "\n"),
            yamlFirstLine: 2,
            body: lines[(closing + 1)...].joined(separator: "\n"),
            bodyFirstLine: closing + 2
        )
    }

    /// The label (before `<!--more-->`) and the "read more" layer, each with its first line.
    func layers() -> (label: String, labelLine: Int, more: String, moreLine: Int) {
        let lines = body.lines
        guard let marker = lines.firstIndex(where: { $0.trimmingSpaces() == Markdown.moreMarker }) else {
            return (body, bodyFirstLine, "", bodyFirstLine + lines.count)
        }
        return (lines[..<marker].joined(separator: "\n"), bodyFirstLine,
                lines[(marker + 1)...].joined(separator: "\n"), bodyFirstLine + marker + 1)
    }
}
