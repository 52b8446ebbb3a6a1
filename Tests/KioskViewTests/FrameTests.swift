import KioskCore
import KioskView
import Testing

@Suite struct FrameTests {
    @Test func aWideCharacterTakesTwoCellsAndNeverCrossesTheEdge() {
        var frame = Frame(size: TerminalSize(columns: 5, rows: 1))
        let end = frame.put("ab博物", row: 0, column: 0, style: CellStyle(.body))
        #expect(end == 4)
        #expect(frame.text == "ab博")
        #expect(frame[0, 3].text == "")
    }

    @Test func writingOutsideTheFrameIsIgnored() {
        var frame = Frame(size: TerminalSize(columns: 3, rows: 2))
        frame.put("xyz", row: 5, column: 0, style: CellStyle(.body))
        frame.put("xyz", row: 1, column: 2, style: CellStyle(.body))
        #expect(frame.text == "\n  x")
    }

    /// Every row of every screen takes the terminal's width exactly, whatever it shows, and a
    /// screen too small for the tour says so instead of showing a cut page.
    @Test(arguments: [(80, 24), (40, 12), (50, 16), (160, 50), (39, 11), (1, 1), (0, 0), (500, 200)])
    func everyFrameIsTheTerminalsSize(columns: Int, rows: Int) {
        let screens: [[TourEvent]] = [[], keys(.enter), typed("110") + keys(.enter), typed("101") + keys(.enter, .enter),
                                      keys(.character("m")), keys(.character("?")), typed("120") + keys(.enter, .character("n"))]
        for events in screens {
            for language in ["en", "az", "ru"] {
                let frame = frame(columns, rows, language: language, events)
                let tooSmall = TerminalSize(columns: columns, rows: rows).isBelowMinimum
                #expect(frame.text.contains(tour.say(.enlarge, language).prefix(8)) == (tooSmall && columns > 10 && rows > 2),
                        "a \(columns)×\(rows) screen in \(language)")
                for row in 0..<rows {
                    let width = frame.row(row).map { DisplayWidth.of($0.text) }.reduce(0, +)
                    #expect(width == columns, "row \(row) of a \(columns)×\(rows) frame")
                }
            }
        }
    }

    @Test func theChosenItemIsMarkedByMoreThanColour() {
        let frame = frame(80, 24, typed("110") + keys(.enter, .down))
        let rows = (0..<24).filter { row in frame.row(row).contains { $0.style.highlighted } }
        #expect(rows.count == 1)
        let line = frame.text.split(separator: "\n", omittingEmptySubsequences: false)[rows[0]]
        #expect(line.contains("▸ 111  A ledger of names"))
    }
}
