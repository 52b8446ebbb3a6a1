import Foundation
import Testing
@testable import KioskCore

/// Combining marks stacked on one character are bounded as a pack is read.
@Suite(.timeLimit(.minutes(1))) struct CombiningMarkTests {
    static func exhibit(body: String, title: String = "A ledger") -> String {
        "---\nobject_number: DEMO.TEST.9\nstop: 2\ntitle: \"\(title)\"\nobject_name: ledger\ndate: \"1920\"\nmaker: \"Not recorded\"\nmaterials: \"Paper\"\ndimensions: \"Not recorded\"\ncredit_line: \"Demonstration record\"\nrights: \"Not recorded\"\nrecord_source: demonstration\nsummary: Names.\nsources: [\"A source, 2026\"]\n---\n\(body)\n"
    }

    /// Half a million accents on one letter (a megabyte, the largest file a pack may hold):
    /// one finding with its line and column, the text cut to eight, and loading takes well under
    /// the minute this suite allows (646 s before).
    @Test func aMegabyteOfAccentsIsCutAndReadInLinearTime() throws {
        let scratch = try ScratchPack()
        try scratch.write("Exhibits/first/a.md", Self.exhibit(body: "A ledger a" + String(repeating: "\u{301}", count: 500_000) + " of names."))
        let started = ContinuousClock.now
        let result = scratch.load()
        let elapsed = ContinuousClock.now - started
        #expect(result.findings.map(\.description).contains(
            "\(scratch.pack)/Exhibits/first/a.md:16:19: error: more than 8 combining marks on one character; the rest are cut (a letter takes one or two)"),
            "\(result.findings.map(\.description))")
        #expect(result.findings.count == 1)
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test func eightMarksAreALetterNineAreCut() {
        let log = FindingLog()
        let eight = "e" + String(repeating: "\u{301}", count: 8)
        #expect(CombiningMarks.bounded(eight + " x", file: "f", log: log) == eight + " x")
        #expect(log.findings.isEmpty)
        let bounded = CombiningMarks.bounded("ok\n" + eight + "\u{302}\u{303}!" + eight + "\u{304}", file: "f", log: log)
        #expect(bounded == "ok\n" + eight + "!" + eight)
        #expect(log.findings.map(\.description) == ["f:2:10: error: more than 8 combining marks on one character; the rest are cut (a letter takes one or two)"])
    }

    @Test func ordinaryTextIsUntouched() {
        let log = FindingLog()
        for text in ["Xocalı soyqırımı", "Ходжалинская трагедия", "Việt Nam", "שָׁלוֹם", "👍🏽 e\u{301}"] {
            #expect(CombiningMarks.bounded(text, file: "f", log: log) == text)
        }
        #expect(log.findings.isEmpty)
    }
}
