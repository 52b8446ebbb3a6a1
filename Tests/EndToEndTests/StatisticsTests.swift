import Foundation
import Testing

/// The visit statistics through the built binary: a morning of visits on two stands that share
/// one database, then `museum-kiosk report`.
@Suite struct StatisticsEndToEndTests {
    /// One stand in its terminal, its idle reset a few seconds after the last key.
    final class Stand {
        let terminal: Tmux

        init(name: String, language: String, folder: String) {
            terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --lang \(language) --content \(Built.smallPack) "
                + "--data \(folder) --stand \(name) --idle-timeout 3 --idle-warning 1 2>/dev/null")
        }

        /// From the attract loop to the entrance (stop 100), then to the archive's door.
        func toTheArchivesDoor(welcome: String, advisory: String, stop: String, door: String) {
            terminal.waitFor("Press any key to begin", seconds: 20)
            terminal.send("a")
            terminal.waitFor(welcome)
            terminal.send("Enter")
            terminal.waitFor(advisory)
            terminal.send("Enter")
            terminal.waitFor(stop + " 100")
            terminal.type("110")
            terminal.send("Enter")
            terminal.waitFor(door)
        }
    }

    /// Figures of one row of the plain report: the line under `section`'s title that begins
    /// with `label`, the rest split at its spaces.
    static func figures(_ report: String, _ section: String, _ label: String) -> [String]? {
        let lines = report.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: section) else { return nil }
        let block = lines[start...].prefix { !$0.isEmpty }
        guard let line = block.first(where: { $0.hasPrefix("  " + label + " ") }) else { return nil }
        return line.dropFirst(2 + label.count).split(separator: " ").map(String.init)
    }

    @Test func aMorningOnTwoStandsIsReportedHallByHallAndLanguageByLanguageWithNoSmallFigure() throws {
        try Tool.require("tmux")
        let folder = try TestFolder()
        let english = Stand(name: "hall-1", language: "en", folder: folder.path)
        let azerbaijani = Stand(name: "hall-2", language: "az", folder: folder.path)
        // Six visits in English at hall-1 go into the archive; at hall-2, five in Azerbaijani
        // turn back at its door and two go in. Every visit ends with the idle reset. The two
        // stands walk side by side.
        for visit in 0..<7 {
            if visit < 6 {
                english.toTheArchivesDoor(welcome: "Begin the tour", advisory: "Before you begin", stop: "Stop", door: "Enter the hall")
                english.terminal.send("Enter")
                english.terminal.waitFor("Stop 110")
            }
            azerbaijani.toTheArchivesDoor(welcome: "Tura başla", advisory: "Başlamazdan əvvəl", stop: "Dayanacaq", door: "Zala daxil ol")
            if visit < 5 {
                azerbaijani.terminal.send("Escape")
                azerbaijani.terminal.waitFor("Dayanacaq 100")
            } else {
                azerbaijani.terminal.send("Enter")
                azerbaijani.terminal.waitFor("Dayanacaq 110")
            }
        }
        english.terminal.waitFor("Press any key to begin", seconds: 20)
        azerbaijani.terminal.waitFor("Press any key to begin", seconds: 20)

        let report = ["report", "--data", folder.path, "--content", Built.smallPack]
        // The last visits' rows are written a moment after their end.
        #expect(eventually(seconds: 15) {
            run(Built.kiosk, report + ["--format", "csv"]).output.contains("endings,idle-reset,the idle reset: nobody pressed a key,visits,13\r\n")
        })
        let plain = run(Built.kiosk, report + ["--plain"])
        #expect(plain.status == 0, "\(plain.error)")
        let text = plain.output
        #expect(text.contains("every day kept · stands hall-1, hall-2 · 13 visits"), "\(text)")
        #expect(Self.figures(text, "Stands", "hall-1") == ["6"])
        #expect(Self.figures(text, "Stands", "hall-2") == ["7"])
        #expect(Self.figures(text, "Languages", "en  English") == ["6"])
        #expect(Self.figures(text, "Languages", "az  Azərbaycanca") == ["7"])
        #expect(Self.figures(text, "Languages", "ru  Русский") == nil, "no visit read in Russian")
        #expect(Self.figures(text, "Fronts", "stand") == ["13"])
        #expect(Self.figures(text, "Time per hall", "100  Entrance")?.first == "13")
        #expect(Self.figures(text, "Time per hall", "110  The archive")?.first == "8")
        #expect(Self.figures(text, "Time per hall", "120  The garden") == ["0", "-"])
        #expect(Self.figures(text, "Advisories at each hall's door", "110  The archive") == ["5", "8", "0"],
                "turned back, went in, ended there")
        #expect(Self.figures(text, "How far visits get", "110  The archive") == ["13", "100", "%"], "its door counts")
        #expect(Self.figures(text, "How far visits get", "120  The garden") == ["0", "0", "%"])
        #expect(Self.figures(text, "Where visits end", "in the hall: 100  Entrance") == ["5"])
        #expect(Self.figures(text, "Where visits end", "in the hall: 110  The archive") == ["8"])

        // No figure from 1 to 4 anywhere below the header (a median's seconds are no count).
        for line in text.components(separatedBy: "\n").dropFirst(4) {
            let cells = line.replacing(/\d+ min \d+ s|\d+ s/, with: "").split(separator: " ").map(String.init)
            #expect(!cells.contains { ["1", "2", "3", "4"].contains($0) }, "\(line)")
        }
        // One stand alone: its two visits into the archive are fewer than 5.
        let one = run(Built.kiosk, report + ["--plain", "--stand", "hall-2"]).output
        #expect(Self.figures(one, "Advisories at each hall's door", "110  The archive") == ["5", "<5", "0"])
        #expect(Self.figures(one, "Time per hall", "110  The archive") == ["<5", "-"], "nor a median of so few")

        // Nothing that could identify a visitor: the visits' numbers are in no report, and the
        // database keeps the hour, never the minute.
        let csv = run(Built.kiosk, report + ["--format", "csv"]).output
        let json = run(Built.kiosk, report + ["--format", "json"]).output
        let rows = run("/usr/bin/env", ["sqlite3", folder.path + "/book.sqlite", "SELECT DISTINCT visit FROM visit_events"])
        if rows.status == 0 {
            let numbers = rows.output.split(separator: "\n").map(String.init)
            #expect(numbers.count == 13)
            for number in numbers { #expect(!(text + csv + json).contains(number)) }
            let columns = run("/usr/bin/env", ["sqlite3", folder.path + "/book.sqlite", "SELECT name FROM pragma_table_info('visit_events')"])
            #expect(columns.output.split(separator: "\n") == ["visit", "stand", "day", "hour", "kind", "place", "hall", "exhibit", "language",
                                                              "detail", "amount"])
        }
        #expect(json.contains("\"visits\":13"))
    }
}
