import Testing
@testable import KioskCore

/// The shortcuts that make loading fast give what the plain definitions give.
@Suite struct FastTextTests {
    /// The definition the shortcuts in `TerminalSafety.problem(with:)` stand for.
    static func reference(_ scalar: Unicode.Scalar) -> TerminalSafety.Problem? {
        switch scalar.value {
        case 0x0A, 0x09: return nil
        case 0x00...0x1F, 0x7F...0x9F: return .control(scalar)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .bidirectional(scalar)
        case 0x2028, 0x2029: return .invisible(scalar)
        default: return scalar.properties.generalCategory == .format ? .invisible(scalar) : nil
        }
    }

    @Test func theSafetyShortcutsAgreeWithUnicodeForEveryScalarBelowU3000() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TerminalSafety.problem(with: scalar) != Self.reference(scalar) { disagreements.append(value) }
        }
        #expect(disagreements == [])
        // The shortcuts still find the soft hyphen and the Arabic marks.
        #expect(TerminalSafety.problem(with: "\u{AD}") == .invisible("\u{AD}"))
        #expect(TerminalSafety.problem(with: "\u{600}") == .invisible("\u{600}"))
        #expect(TerminalSafety.problem(with: "\u{61C}") == .bidirectional("\u{61C}"))
    }

    /// The definitions the mixed-alphabet check takes shortcuts from: a word's letters, and
    /// which alphabet a letter is in.
    @Test func theMixedAlphabetShortcutsAgreeWithUnicodeForEveryScalarBelowU3000() {
        func script(_ scalar: Unicode.Scalar) -> MixedScripts.Script? {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x2AF, 0x1E00...0x1EFF: return scalar.properties.isAlphabetic ? .latin : nil
            case 0x370...0x3FF, 0x1F00...0x1FFF: return scalar.properties.isAlphabetic ? .greek : nil
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
            default: return nil
            }
        }
        func inWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
        var disagreements: [UInt32] = []
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if MixedScripts.Script(scalar) != script(scalar) || MixedScripts.isInWord(scalar) != inWord(scalar) {
                disagreements.append(value)
            }
        }
        #expect(disagreements == [])
    }

    /// The definition `DisplayWidth.of` takes shortcuts from.
    static func referenceWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value != 0x7F ? 1 : 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E: return 2
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    @Test func theWidthShortcutsAgreeWithUnicodeForEveryScalarBelowU3000() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if DisplayWidth.of(Character(scalar)) != Self.referenceWidth(scalar) { disagreements.append(value) }
        }
        #expect(disagreements == [])
        #expect(DisplayWidth.of("─") == 1)
        #expect(DisplayWidth.of("\u{AD}") == 0)
        #expect(DisplayWidth.of("\u{483}") == 0)
    }

    @Test(arguments: ["", "\n", "a", "a\n", "\na", "a\n\nb", "ə\nЖ\n", "e\u{301}\nx", "\r", "line one\nline two\n\n"])
    func linesAreTheLinesSplitGives(text: String) {
        // (Not "\r\n", one character to Swift: files are read with CRLF made LF first.)
        #expect(text.lines == text.split(separator: "\n", omittingEmptySubsequences: false))
        let inner = text.dropFirst()
        #expect(inner.lines == inner.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test func spacesAndPrefixesAreFoundByTheirBytes() {
        #expect(" \t ə x \t".trimmingSpaces() == "ə x")
        #expect("   ".trimmingSpaces() == "")
        #expect("## Ваш заголовок".dropPrefix("## ") == "Ваш заголовок")
        #expect("# one".dropPrefix("## ") == nil)
        #expect("é".containsByte { $0 == UInt8(ascii: "*") } == false)
        #expect("a*b".containsByte { $0 == UInt8(ascii: "*") })
    }
}
