import Foundation
import Testing
@testable import KioskCore

/// The kiosk's console fonts (deploy/console, built by deploy/console/build-font): on tty1,
/// with `TERM=linux`, the console shows a character only if the font's Unicode table maps it,
/// and "?" otherwise. These tests read the committed fonts themselves, header and table.
@Suite struct ConsoleFontTests {
    static let root = URL(fileURLWithPath: TestPacks.bundled)
    static let sizes = [16, 24, 32]

    static func font(_ size: Int) throws -> ConsoleFont {
        try ConsoleFont.read(path: root.appendingPathComponent("deploy/console/museum-kiosk-\(size).psf").path)
    }

    /// Every file of the bundled pack and its message catalogues, by path in the repository.
    static func bundledFiles() throws -> [String] {
        var files: [String] = []
        for folder in ["Narratives", "Exhibits", "Messages"] {
            let enumerator = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path))
            for case let relative as String in enumerator {
                var isDirectory: ObjCBool = false
                let path = root.appendingPathComponent(folder).appendingPathComponent(relative).path
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append("\(folder)/\(relative)")
                }
            }
        }
        return files.sorted()
    }

    @Test func theThreeSizesAre256GlyphsWithTheSameCharacters() throws {
        let fonts = try Self.sizes.map(Self.font)
        #expect(fonts.map { "\($0.width)x\($0.height)" } == ["8x16", "12x24", "16x32"])
        // More than 256 glyphs would cost the console its bright colours, and so bold.
        #expect(fonts.allSatisfy { $0.glyphCount == 256 })
        #expect(fonts.allSatisfy { $0.characters == fonts[0].characters })
        #expect(fonts[0].characters.count > 400)
    }

    /// The test: every character of every file of the bundled pack (tour.yaml, the
    /// narratives, the exhibits) and of the bundled catalogues (Messages/*.po), comments too,
    /// is in the font's Unicode table.
    @Test(arguments: sizes) func everyCharacterOfTheBundledPackAndCataloguesIsInTheFont(size: Int) throws {
        let font = try Self.font(size)
        let files = try Self.bundledFiles()
        #expect(files.contains("Narratives/tour.yaml") && files.contains { $0.hasPrefix("Messages/") && $0.hasSuffix(".po") })
        var checked = 0
        for file in files {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for scalar in line.unicodeScalars where scalar.value >= 0x20 {
                    checked += 1
                    #expect(font.canShow(scalar), "\(file):\(number + 1): '\(scalar)' \(scalar.codePoint) is not in museum-kiosk-\(size).psf")
                }
            }
        }
        #expect(checked > 100_000)
    }

    /// The symbols the kiosk draws itself: named here, and every character outside ASCII in the
    /// code of the modules that draw (string literals; comments left out), so a symbol added
    /// to the view later is checked too.
    @Test func everySymbolTheKioskDrawsIsInTheFont() throws {
        let font = try Self.font(16)
        let named = "◆⏎▸▲▼→←↑↓─│┌┐└┘━┃┏┓┗┛•·…–×"
        for scalar in named.unicodeScalars {
            #expect(font.canShow(scalar), "'\(scalar)' \(scalar.codePoint)")
        }
        var found: Set<Unicode.Scalar> = []
        for module in ["KioskCore", "KioskView", "KioskTerminal", "KioskRuntime", "KioskStaff", "KioskGroup", "museum-kiosk"] {
            let folder = Self.root.appendingPathComponent("Sources/\(module)")
            let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
            // Search folding's table holds letters a visitor may type, from keyboards of many
            // languages, to compare them: it draws none of them.
            for case let relative as String in enumerator where relative.hasSuffix(".swift") && !relative.hasSuffix("SearchFolding.swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    // The code before a line comment (a "//" inside a string is rare enough).
                    let code = line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? ""
                        : line.components(separatedBy: " // ")[0]
                    for scalar in code.unicodeScalars where !scalar.isASCII { found.insert(scalar) }
                }
            }
        }
        #expect(found.isSuperset(of: "◆▸▲▼─│━┃".unicodeScalars))
        for scalar in found.sorted() {
            #expect(font.canShow(scalar), "the kiosk draws '\(scalar)' \(scalar.codePoint), which the font has not")
        }
    }

    @Test func theAlphabetsOfTheKiosksLanguagesAreComplete() throws {
        let font = try Self.font(16)
        let alphabets = [
            "az": "AaBbCcÇçDdEeƏəFfGgĞğHhXxIıİiJjKkQqLlMmNnOoÖöPpRrSsŞşTtUuÜüVvYyZz",
            "en": "AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz",
            "ru": "АаБбВвГгДдЕеЁёЖжЗзИиЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЪъЫыЬьЭэЮюЯя",
        ]
        for (language, letters) in alphabets {
            for scalar in letters.unicodeScalars {
                #expect(font.canShow(scalar), "\(language): '\(scalar)' \(scalar.codePoint)")
            }
        }
        #expect("0123456789 «»“”„‘’–—…№\u{A0}".unicodeScalars.allSatisfy(font.canShow))
    }

    /// deploy/console/museum-kiosk.set is what the build asks for; none of it is left out.
    @Test func everyCharacterTheFontIsBuiltFromIsInIt() throws {
        let set = try String(contentsOf: Self.root.appendingPathComponent("deploy/console/museum-kiosk.set"), encoding: .utf8)
        let codes = set.split(separator: "\n").compactMap { line -> Unicode.Scalar? in
            guard line.hasPrefix("U+") else { return nil }
            return UInt32(line.dropFirst(2).prefix { $0.isHexDigit }, radix: 16).flatMap(Unicode.Scalar.init)
        }
        #expect(codes.count > 150)
        let font = try Self.font(32)
        for scalar in codes { #expect(font.canShow(scalar), "\(scalar.codePoint)") }
        #expect((0x20...0x7E).compactMap(Unicode.Scalar.init).allSatisfy(font.canShow))
    }

    // MARK: Reading a PSF

    @Test func aPSF2TableGivesItsCharactersAndLeavesSequencesOut() throws {
        // Two glyphs of 8 × 2: "A" and "А" share the first; the second has "ə" and a sequence.
        var bytes: [UInt8] = [0x72, 0xB5, 0x4A, 0x86]
        for field: UInt32 in [0, 32, 1, 2, 2, 2, 8] { bytes += withUnsafeBytes(of: field.littleEndian, Array.init) }
        bytes += [0, 0, 0, 0]
        bytes += Array("AА".utf8) + [0xFF] + Array("ə".utf8) + [0xFE] + Array("e\u{301}".utf8) + [0xFF]
        let font = try ConsoleFont(psf: bytes, name: "test.psf")
        #expect(font.glyphCount == 2 && font.width == 8 && font.height == 2)
        #expect(font.characters == ["A", "А", "ə"])
    }

    @Test func aPSF1TableGivesItsCharacters() throws {
        // 256 glyphs of 8 × 1, a table; the first glyph is "ə", the second "Ə" and a sequence.
        var bytes: [UInt8] = [0x36, 0x04, 0x02, 1] + [UInt8](repeating: 0, count: 256)
        bytes += [0x59, 0x02, 0xFF, 0xFF, 0x8F, 0x01, 0xFE, 0xFF, 0x65, 0x00, 0x01, 0x03, 0xFF, 0xFF]
        bytes += [UInt8](repeating: 0xFF, count: 254 * 2)
        let font = try ConsoleFont(psf: bytes, name: "test.psf")
        #expect(font.glyphCount == 256 && font.height == 1)
        #expect(font.characters == ["ə", "Ə"])
    }

    @Test func whatIsNotAFontItCanReadIsSaid() {
        #expect(throws: ConsoleFont.Problem.compressed) { try ConsoleFont(psf: [0x1F, 0x8B, 8, 0], name: "x.psf.gz") }
        #expect(throws: ConsoleFont.Problem.notPSF) { try ConsoleFont(psf: Array("hello".utf8), name: "x") }
        #expect(throws: ConsoleFont.Problem.noUnicodeTable) { try ConsoleFont(psf: [0x36, 0x04, 0x00, 16], name: "x") }
        #expect(throws: ConsoleFont.Problem.truncated) { try ConsoleFont(psf: [0x36, 0x04, 0x02, 16, 0, 0], name: "x") }
        #expect(throws: ConsoleFont.Problem.unreadable("No such file or directory")) { try ConsoleFont.read(path: "/nonexistent.psf") }
    }

    // MARK: validate

    @Test func theBundledPackHasNothingTheFontCannotShow() throws {
        #expect(try Self.font(16).findings(inPack: TestPacks.bundled) == [])
    }

    /// One warning a file, at the first character the font lacks, naming the others; comments
    /// of YAML, front matter and catalogues are never shown, and not checked.
    @Test func validateWarnsOnceAFileAtTheFirstCharacterTheFontLacks() throws {
        let pack = try TemporaryPack.copy(of: "small")
        defer { TemporaryPack.remove(pack) }
        let garden = pack + "/Narratives/garden.md"
        try """
            ---
            title: The garden
            # A note for curators: Dvořák
            summary: A quiet place at the end of the visit.
            sources:
              - "Test Museum, Guide for visitors, 2026"
            ---
            A quiet garden. Sit for a while before you leave.

            Its benches came from Brno (Dvořák Street) and Kraków, and from Łódź.
            """.write(toFile: garden, atomically: true, encoding: .utf8)
        let tour = pack + "/Narratives/tour.yaml"
        let tourText = try String(contentsOfFile: tour, encoding: .utf8)
        try tourText.replacing("# A small pack", with: "# Ǆ A small pack").write(toFile: tour, atomically: true, encoding: .utf8)

        let findings = try Self.font(16).findings(inPack: pack)
        #expect(findings.map(\.description) == [
            "\(garden):10:32: warning: the console font museum-kiosk-16.psf has no 'ř' (U+0159): a visitor at the stand's console sees '?' in its place; the file has 1 more it cannot show: 'ź' (U+017A)",
        ])
        // The loader's findings and these together are what validate prints.
        #expect(PackLoader(directory: pack, kioskWords: TestPacks.bundled).load().findings == [])
    }
}
