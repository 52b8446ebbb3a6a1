import KioskCore

/// The attract loop: while nobody uses the kiosk, the museum's name and an invitation, in each
/// of its languages in turn. Calm: nothing moves but the language, every few seconds.
struct AttractScreen {
    let tour: Tour
    let state: TourState

    func draw(into frame: inout Frame) {
        let pack = tour.pack
        let language = tour.attractLanguage(state)
        let width = max(1, state.session.size.columns - 4)
        func text(_ localized: LocalizedText) -> String { localized.text(in: language, fallback: pack.defaultLanguage) }
        let names = pack.languages.map(tour.languageName).joined(separator: " · ")
        let blocks: [[Run]] = [
            [Run(text(pack.museumName), .title)],
            [Run(text(pack.floor), .chrome)],
            [],
            [Run(tour.say(.attractPress, language), .strong)],
            [],
            [Run(names, .hint)],
        ] + (tour.banner(state, in: language).map { [[], [Run($0, .notice)]] } ?? [])
        frame.putCentred(blocks.flatMap { $0.isEmpty ? [[]] : Wrap.lines($0, width: width) })
    }
}

/// The idle warning, over the page: the visit ends when the count reaches zero, unless a key
/// is pressed. A box with the seconds in words, so no one needs colour to see it.
struct IdleWarning {
    let tour: Tour
    let language: String
    let seconds: Int
    /// The visitor has words in the book's form, not saved, which the reset will discard.
    let discardsWords: Bool

    func draw(into frame: inout Frame) {
        let size = frame.size
        let texts: [Run] = [
            Run(tour.say(.idleTitle, language), .title),
            Run(tour.say(.idleCountdown, language, count: seconds), .notice),
        ] + (discardsWords ? [Run(tour.say(.bookIdleDiscards, language), .warning)] : []) + [
            Run(tour.say(.idleContinue, language), .body),
        ]
        let inner = min(PageGeometry.readingColumn - 4, max(1, size.columns - 6))
        let lines = texts.flatMap { Wrap.lines([$0], width: inner) }
        let width = min(size.columns, (lines.map(\.displayWidth).max() ?? 0) + 4)
        // Over the body, between header and footer, with a blank line inside the border when
        // there is room for it; over the whole screen when even the text alone does not fit.
        let body = PageGeometry.headerRows..<max(PageGeometry.headerRows, size.rows - PageGeometry.footerRows)
        let padding = lines.count + 4 <= body.count ? 1 : 0
        let height = min(size.rows, lines.count + 2 + 2 * padding)
        let area = height <= body.count ? body : 0..<size.rows
        let left = max(0, (size.columns - width) / 2)
        let top = area.lowerBound + max(0, (area.count - height) / 2)
        // The page behind is cleared, not shown in pieces around the box: half-lines and cut
        // words beside a warning read as a broken screen.
        for row in area { frame.put(String(repeating: " ", count: size.columns), row: row, column: 0, style: CellStyle(.body)) }
        frame.drawBox(x: left, y: top, width: width, height: height, filled: true)
        for (offset, line) in lines.enumerated() where 1 + padding + offset < height - 1 {
            frame.put(line, row: top + 1 + padding + offset, column: left + 2, limit: width - 4)
        }
    }
}

/// The page a kiosk shows when it has no pack it can show: a line per language, calm, centred,
/// until a pack loads again.
public enum OutOfOrderView {
    public static func render(_ lines: [String], size: TerminalSize) -> Frame {
        var frame = Frame(size: size)
        let width = max(1, size.columns - 4)
        let wrapped = lines.enumerated().flatMap { index, line in
            (index == 0 ? [] : [[Run]]([[]])) + Wrap.lines([Run(line, index == 0 ? .title : .body)], width: width)
        }
        frame.putCentred(wrapped)
        return frame
    }
}
