import Foundation
import Testing
@testable import KioskCore

@Suite struct POCatalogueTests {
    @Test func aCatalogueIsReadWithItsHeaderContextsPluralsAndComments() {
        let catalogue = POCatalogue.parse("""
            # A translator's note
            msgid ""
            msgstr ""
            "Language: ru\\n"
            "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

            #. Where it shows.
            #, c-format
            msgctxt "begin"
            msgid "Begin the tour"
            msgstr "Начать "
            "экскурсию"

            msgctxt "idleCountdown"
            msgid "In {0} second"
            msgid_plural "In {0} seconds"
            msgstr[0] "Через {0} секунду"
            msgstr[1] "Через {0} секунды"
            msgstr[2] "Через {0} секунд"

            #~ msgid "obsolete"
            #~ msgstr "устарело"
            """)
        #expect(catalogue.problems == [])
        #expect(catalogue.header["language"] == "ru")
        #expect(catalogue.headerLine == 2)
        #expect(catalogue.entries.map(\.context) == ["begin", "idleCountdown"])
        #expect(catalogue.entries[0].translations == ["Начать экскурсию"])
        #expect(catalogue.entries[0].comments == ["Where it shows."])
        #expect(catalogue.entries[0].line == 9)
        #expect(catalogue.entries[1].translations.count == 3)
    }

    /// Hostile input: each problem named with its line, the rest of the file still read.
    @Test func brokenEntriesAreReportedWithTheirLinesAndTheRestIsRead() {
        let catalogue = POCatalogue.parse("""
            msgctxt "a"
            msgid "A"
            msgstr "bad \\x escape"

            msgctxt "b"
            msgid "B
            msgstr "B"

            "a stray string"

            msgfoo "x"

            msgctxt "c"
            msgid "C"
            msgstr "C" trailing

            msgctxt "d"
            msgid "D"
            msgstr[0] "one"
            msgstr[2] "two"

            msgctxt "ok"
            msgid "OK"
            msgstr "Fine \\"quoted\\"\\n"
            """)
        #expect(catalogue.problems.map(\.line) == [3, 6, 9, 11, 15, 17])
        #expect(catalogue.problems[0].message.contains("unknown escape"))
        #expect(catalogue.problems[1].message.contains("not closed"))
        #expect(catalogue.entries.map(\.context) == ["ok"])
        #expect(catalogue.entries[0].translations == ["Fine \"quoted\"\n"])
    }

    @Test func escapesInProblemsAreNeverPrintedRaw() {
        let catalogue = POCatalogue.parse("msg\u{1B}[31m \"x\"\n")
        #expect(catalogue.problems.count == 1)
        #expect(!catalogue.problems[0].message.contains("\u{1B}"))
    }

    /// A catalogue as large as an attack is refused before it is read, with the file named.
    @Test func aHugeCatalogueIsRefusedWithoutBeingRead() throws {
        let directory = try TemporaryPack.copy(of: "small")
        defer { TemporaryPack.remove(directory) }
        try FileManager.default.createDirectory(atPath: directory + "/Messages", withIntermediateDirectories: true)
        let line = "msgctxt \"begin\"\nmsgid \"x\"\nmsgstr \"x\"\n\n"
        try String(repeating: line, count: 10_000_000 / line.utf8.count).write(toFile: directory + "/Messages/en.po", atomically: true, encoding: .utf8)
        let findings = PackLoader(directory: directory, kioskWords: TestPacks.bundled).load().findings
        #expect(findings.contains { $0.file.hasSuffix("Messages/en.po") && $0.severity == .error && $0.message.contains("larger than") })
    }
}

@Suite struct PluralRuleTests {
    static let russian = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"

    /// CLDR's Russian: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25, 111).
    @Test func russianHasOneFewAndMany() throws {
        let rule = try PluralRule(parsing: Self.russian)
        #expect(rule.count == 3)
        #expect([1, 21, 101].map(rule.form) == [0, 0, 0])
        #expect([2, 3, 4, 22, 24].map(rule.form) == [1, 1, 1, 1, 1])
        #expect([0, 5, 11, 12, 14, 20, 25, 111].map(rule.form) == [2, 2, 2, 2, 2, 2, 2, 2])
    }

    @Test func frenchCountsZeroAndOneAsOne() throws {
        let rule = try PluralRule(parsing: "nplurals=2; plural=(n > 1);")
        #expect([0, 1, 2, 100].map(rule.form) == [0, 0, 1, 1])
    }

    @Test func aRuleThatIsNotOneIsRefused() {
        for header in ["nplurals=3; plural=n%", "nplurals=2", "plural=(n != 1);", "nplurals=9; plural=0;",
                       "nplurals=2; plural=(n != 1", "nplurals=2; plural=n $ 2;", "nplurals=2; plural=n n;",
                       "nplurals=2; plural=" + String(repeating: "(", count: 100) + "n" + String(repeating: ")", count: 100) + ";"] {
            #expect(throws: PluralRuleError.self, "\(header)") { try PluralRule(parsing: header) }
        }
    }

    @Test func aFormOutOfRangeOrADivisionByZeroNeverCrashes() throws {
        let rule = try PluralRule(parsing: "nplurals=2; plural=n/0 + n%0 + 7;")
        #expect(rule.form(for: 5) == 1)
    }
}

@Suite struct MessagesTests {
    static let tour = TestPacks.tour

    @Test func aMessageIsInTheVisitorsLanguageWithItsArguments() {
        #expect(Self.tour.say(.noSuchStop, "en", "999") == "There is no stop 999.")
        #expect(Self.tour.say(.idleCountdown, "ru", count: 1).contains("1 секунду"))
        #expect(Self.tour.say(.idleCountdown, "ru", count: 3).contains("3 секунды"))
        #expect(Self.tour.say(.idleCountdown, "ru", count: 5).contains("5 секунд"))
    }

    /// A message the visitor's language lacks is shown in the pack's first language, marked.
    @Test func aMissingMessageFallsBackVisiblyMarked() {
        let english = Catalogue(language: "en", path: "en.po", plural: .oneOther, forms: [.begin: ["Begin"]], lines: [:])
        let french = Catalogue(language: "fr", path: "fr.po", plural: .oneOther, forms: [:], lines: [:])
        let messages = Messages(catalogues: ["en": [english], "fr": [french]], fallback: "en")
        #expect(messages.text(.begin, "fr") == "[en] Begin")
        #expect(messages.text(.begin, "en") == "Begin")
        #expect(!messages.has(.begin, in: "fr"))
    }

    /// Arguments are put in once: a hall's title with braces in it is not read as a placeholder.
    @Test func argumentsAreFilledInOnePass() {
        #expect(Messages.filled("{0} · {1} of {2}", ["Hall {1}", "2", "5"]) == "Hall {1} · 2 of 5")
        #expect(Messages.filled("{5} {x} {", ["a"]) == "{5} {x} {")
        #expect(Messages.placeholders(in: "{0} and {1}, not {x}") == [0, 1])
    }

    /// The template has every message, its English and its place, and reads back as a
    /// catalogue with nothing yet translated.
    @Test func theTemplateHasEveryMessage() throws {
        let english = try String(contentsOfFile: TestPacks.bundled + "/Messages/en.po", encoding: .utf8)
        let template = CatalogueTemplate.make(language: "fr", reference: POCatalogue.parse(english), existing: nil)
        let parsed = POCatalogue.parse(template)
        #expect(parsed.problems == [])
        #expect(parsed.header["language"] == "fr")
        #expect(Set(parsed.entries.compactMap(\.context)) == Set(Message.allCases.map(\.rawValue)))
        #expect(parsed.entries.allSatisfy { $0.translations.allSatisfy(\.isEmpty) })
        #expect(parsed.entries.first { $0.context == "begin" }?.id == "Begin the tour")
        #expect(parsed.entries.first { $0.context == "footerNext" }?.comments.contains("At most 14 columns at 80, with its arguments.") == true)
    }

    /// Every interface string is in the catalogues: none of the kiosk's English words is
    /// written in the Swift sources (the code names messages; it does not say them).
    @Test func noInterfaceStringRemainsInSwift() throws {
        let english = POCatalogue.parse(try String(contentsOfFile: TestPacks.bundled + "/Messages/en.po", encoding: .utf8))
        let sources = try swiftSources().joined(separator: "\n")
        var found: [String] = []
        for entry in english.entries {
            for text in [entry.id] + (entry.idPlural.map { [$0] } ?? []) {
                // The words between placeholders, long enough to be a phrase of their own.
                for piece in text.split(separator: /\{\d\}/).map({ $0.trimmingCharacters(in: .whitespaces) }) where piece.count >= 12 {
                    if sources.contains("\"" + piece) || sources.contains(piece + "\"") { found.append(piece) }
                }
            }
        }
        #expect(found == [])
        // And none of the words that were Baku's, for every pack, in Swift.
        for phrase in ["killing, deportation and expulsion", "visitors under 12", "A simulation of the museum"] {
            #expect(!sources.contains(phrase), "\(phrase)")
        }
    }

    private func swiftSources() throws -> [String] {
        let root = TestPacks.bundled + "/Sources"
        guard let files = FileManager.default.enumerator(atPath: root) else { return [] }
        return try files.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
    }
}
