import Testing
@testable import KioskCore

@Suite struct TerminalSafetyTests {
    @Test func escapeSequencesAndBidiOverridesAreRemoved() {
        #expect(TerminalSafety.clean("red \u{1B}[31malert\u{7}") == "red [31malert")
        #expect(TerminalSafety.clean("a\u{202E}b\u{2066}c") == "abc")
        #expect(TerminalSafety.clean("zero\u{200B}width\u{FEFF}") == "zerowidth")
        #expect(TerminalSafety.clean("c1\u{9B}31m") == "c131m")
    }

    /// A log line or a plain-mode reply keeps its length and its one line: each character that
    /// may not be shown stands in for itself as the replacement.
    @Test func flattenedTextKeepsItsPlaceForEachCharacterRemoved() {
        #expect(TerminalSafety.flattened("a\tb\nc\u{1B}[1md\u{9B}e\u{7F}f\u{202E}g\u{200B}h", replacingWith: "?")
                == "a?b?c?[1md?e?f?g?h")
        #expect(TerminalSafety.flattened("Ağ ə Ходжалы", replacingWith: " ") == "Ağ ə Ходжалы")
    }

    @Test func newlinesAndTabsBecomeSpacesUnlessKept() {
        #expect(TerminalSafety.clean("one\ntwo\tthree") == "one two three")
        #expect(TerminalSafety.clean("one\ntwo", keepingNewlines: true) == "one\ntwo")
    }

    @Test func cleanTextIsReturnedUnchanged() {
        let text = "Xocalı · Ходжалы · ə ı ş ç ğ ö ü"
        #expect(TerminalSafety.clean(text) == text)
    }

    @Test func problemsArePlacedByLineAndColumn() {
        let found = TerminalSafety.problems(in: "first\nsec\u{1B}ond\n\u{202E}")
        #expect(found.map(\.line) == [2, 3])
        #expect(found.map(\.column) == [4, 1])
        #expect(found.map(\.problem) == [.control("\u{1B}"), .bidirectional("\u{202E}")])
    }
}

@Suite struct DisplayWidthTests {
    @Test func columnsFollowWhatTerminalsShow() {
        #expect(DisplayWidth.of("Baku") == 4)
        #expect(DisplayWidth.of("Soyqırımı Muzeyi") == 16)
        #expect(DisplayWidth.of("Музей геноцида") == 14)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("博物馆") == 6)
        #expect(DisplayWidth.of("🕯") == 1)
        #expect(DisplayWidth.of("🕯\u{FE0F}") == 2)
        #expect(DisplayWidth.of("🌹") == 2)
        #expect(DisplayWidth.of("│─┌") == 3)
    }

    @Test func aPrefixNeverSplitsAWideCharacter() {
        let (text, width) = "ab博物".prefix(fittingColumns: 3)
        #expect(text == "ab")
        #expect(width == 2)
    }
}

@Suite struct WrapTests {
    @Test func wrapsAtWordsByColumns() {
        let lines = Wrap.lines([Run("Dördüncü mərtəbə Soyqırımı Muzeyi")], width: 16)
        #expect(lines.map(\.plainText) == ["Dördüncü mərtəbə", "Soyqırımı Muzeyi"])
    }

    @Test func aWordWiderThanTheLineIsBroken() {
        let lines = Wrap.lines([Run("Четвёртый")], width: 4)
        #expect(lines.map(\.plainText) == ["Четв", "ёрты", "й"])
    }

    @Test func rolesAreKeptAcrossTheWrap() {
        // A space between two roles is plain, so an underline or a highlight does not run on.
        let lines = Wrap.lines([Run("plain "), Run("strong words", .strong), Run(", plain")], width: 12)
        #expect(lines == [[Run("plain "), Run("strong", .strong)], [Run("words", .strong), Run(", plain")]])
    }

    @Test func theFirstLineMayBeNarrower() {
        let lines = Wrap.lines([Run("one two three four")], width: 9, firstWidth: 4)
        #expect(lines.map(\.plainText) == ["one", "two three", "four"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(Wrap.lines([], width: 10) == [[]])
    }
}

@Suite struct MarkdownTests {
    @Test func blocksAreParagraphsHeadingsListsAndQuotes() {
        let blocks = Markdown.parse("""
        A paragraph
        that continues.

        ## A heading
        - one
        - two
        > quoted
        > still quoted
        """)
        #expect(blocks == [
            .paragraph([Span("A paragraph that continues.")]),
            .heading([Span("A heading")]),
            .listItem([Span("one")]),
            .listItem([Span("two")]),
            .quote([Span("quoted still quoted")]),
        ])
    }

    @Test func emphasisAndStrongBecomeSpans() {
        #expect(Markdown.inline("a *b* **c** d") == [Span("a "), Span("b", .emphasis), Span(" "), Span("c", .strong), Span(" d")])
    }

    @Test func anUnpairedMarkerIsText() {
        #expect(Markdown.inline("5 * 3 and snake_case") == [Span("5 * 3 and snake_case")])
        #expect(Markdown.inline("\\*not emphasis\\*") == [Span("*not emphasis*")])
    }
}

@Suite struct WrapSpacingTests {
    @Test func spacesInsideALineAreKept() {
        #expect(Wrap.lines([Run("n  →"), Run("   Next stop")], width: 40).map(\.plainText) == ["n  →   Next stop"])
    }

    @Test func spacesAtABreakAreDropped() {
        #expect(Wrap.lines([Run("one    two")], width: 5).map(\.plainText) == ["one", "two"])
    }

    @Test func leadingSpacesIndentTheFirstLine() {
        #expect(Wrap.lines([Run("  one two")], width: 6).map(\.plainText) == ["  one", "two"])
    }
}

@Suite struct MixedScriptsTests {
    @Test func aWordWithALookAlikeLetterIsFound() {
        // "Xocalı" with a Cyrillic о, and "Azərbaycan" with the Cyrillic schwa ә (U+04D9).
        let found = MixedScripts.words(in: "Xоcalı\nthe Azәrbaycan flag")
        #expect(found.map(\.text) == ["Xоcalı", "Azәrbaycan"])
        #expect(found.map(\.line) == [1, 2])
        #expect(found.map(\.column) == [1, 5])
        #expect(found[1].scripts == [.latin, .cyrillic])
        #expect(found[1].odd == "\u{04D9}")
    }

    @Test func wordsInOneAlphabetEachAreFine() {
        #expect(MixedScripts.words(in: "Xocalı · Ходжалы · Xocalı-Ходжалы · ə ı ş ç ğ ö ü · Ёлка · 1992-ci").isEmpty)
    }
}

@Suite struct DigitGroupTests {
    @Test func aPlainSpaceBetweenDigitGroupsBecomesANoBreakSpace() {
        let joined = DigitGroups.joined("Sources give 3 000 to 12 000 dead; 1 234 567 in all.")
        #expect(joined.text == "Sources give 3\u{A0}000 to 12\u{A0}000 dead; 1\u{A0}234\u{A0}567 in all.")
        #expect(joined.numbers == ["3 000", "12 000", "1 234 567"])
    }

    @Test func whatOnlyLooksLikeANumberIsLeftAlone() {
        for text in ["In 1918 200 houses burned", "1 2345", "A4 000", "3.5 000", "page 12", "7 00", "12 000a"] {
            #expect(DigitGroups.joined(text).numbers == (text == "12 000a" ? ["12 000"] : []), "\(text)")
        }
    }

    /// The wrapper never breaks a line inside a number, however narrow the line.
    @Test func aNumberIsNeverBrokenAcrossLines() {
        let text = DigitGroups.joined("около 6 000 человек").text
        for width in 6...20 {
            let lines = Wrap.lines([Run(text, .body)], width: width).map(\.plainText)
            #expect(lines.contains { $0.contains("6\u{A0}000") }, "at \(width) columns: \(lines)")
        }
    }

    @Test func theMoreMarkerIsRecognisedHoweverItIsSpaced() {
        for line in ["<!--more-->", "<!-- more -->", "  <!--More -->", "<!--  MORE-->"] {
            #expect(Markdown.isMoreMarker(line[...]), "\(line)")
        }
        for line in ["<!-- more than that -->", "more", "<!--more", "<!---->"] {
            #expect(!Markdown.isMoreMarker(line[...]), "\(line)")
        }
    }
}
