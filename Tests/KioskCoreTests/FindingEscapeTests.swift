import Foundation
import Testing
@testable import KioskCore

/// What a pack quotes in a finding (a file's name, a YAML key, an id, an exit) reaches the
/// curator's terminal escaped: no escape sequence, no newline that forges a finding line.
@Suite struct FindingEscapeTests {
    @Test func aFindingQuotingControlCharactersPrintsThemEscaped() {
        let finding = Finding(.error, "pack/Narratives/\u{1B}]52;c;cm0gLXJmIH4=\u{07}.md", line: 3,
                              "hall id 'x\nNarratives/tour.yaml:1: error: forged' and \u{9B}31m and \u{202E}")
        let text = finding.description
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(text == "pack/Narratives/\\u{1B}]52;c;cm0gLXJmIH4=\\u{7}.md:3: error: hall id 'x\\u{A}Narratives/tour.yaml:1: error: forged' and \\u{9B}31m and \\u{202E}")
    }

    @Test func ordinaryTextIsLeftAsItIs() {
        let finding = Finding(.warning, "Narratives/xocalı.az.md", line: 2, column: 5, "label 'Ходжалы' «quoted»")
        #expect(finding.description == "Narratives/xocalı.az.md:2:5: warning: label 'Ходжалы' «quoted»")
    }

    /// A pack whose file names, keys and ids carry escape sequences: every finding it gets is
    /// printable as it stands.
    @Test func aPackOfEscapeSequencesGetsOnlyPrintableFindings() throws {
        let scratch = try ScratchPack()
        try scratch.write("Narratives/tour.yaml",
                          "format: 1\nlanguages: [en]\nmuseum:\n  name: Scratch Museum\nfloor: Ground\n\"k\\e]0;pwned\\a\": 1\nhalls:\n  - id: \"first\\e[2J\"\n    stop: 1\n    map: [0, 0]\n    exits: [\"\\e]52;c;eA==\\a\"]\n")
        try scratch.write("Narratives/\u{1B}[31mred\u{1B}[0m.md", "x")
        try scratch.write("Exhibits/first/\u{1B}]2;title\u{07}.md", "x")
        let findings = scratch.load().findings
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(!finding.description.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(finding.description)")
        }
    }
}
