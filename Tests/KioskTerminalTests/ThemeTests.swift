import Foundation

/// The bundled pack, whose message catalogues are the kiosk's own words.
let kioskWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
import KioskCore
import KioskView
import SnapshotTesting
import Testing
@testable import KioskTerminal

/// The test pack of KioskCoreTests.
let smallPack: Pack = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small")
    guard let pack = PackLoader(directory: folder.path, kioskWords: kioskWords).load().pack else { fatalError("the small test pack does not load") }
    return pack
}()

/// A frame with how each cell looks in a theme: each row's text, then under it a letter per
/// cell naming its look, and the looks listed at the end. What a golden file holds.
func styled(_ frame: Frame, theme: Theme, colors: Int) -> String {
    var codes: [Look: Character] = [:]
    var order: [Look] = []
    var lines: [String] = []
    for row in 0..<frame.size.rows {
        let cells = frame.row(row)
        lines.append(cells.map(\.text).joined())
        lines.append(String(cells.map { cell -> Character in
            let look = theme.look(cell.style, colors: colors)
            if let code = codes[look] { return code }
            let code = Character(Unicode.Scalar(UInt8(65 + order.count)))
            codes[look] = code
            order.append(look)
            return code
        }))
    }
    let legend = order.map { "\(codes[$0]!)  \($0)" }
    return (lines + ["", "Looks:"] + legend).joined(separator: "\n") + "\n"
}

/// The archive hall, with its advisory, a choice, hints and a heading: most roles on one screen.
func hallFrame() -> Frame {
    let tour = Tour(pack: smallPack)
    var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24),
                           config: Tour.SessionStart(language: "en")).state
    state.visit.care.acknowledgedHalls = Set(smallPack.halls.indices)
    for event: TourEvent in [.key(.character("1")), .key(.character("1")), .key(.character("0")), .key(.enter), .key(.down)] {
        _ = tour.reduce(&state, event)
    }
    return TourView(tour: tour).render(state)
}

@Suite struct ThemeGoldenTests {
    @Test(arguments: [(Theme.standard, 256), (.standard, 0), (.highContrast, 256), (.highContrast, 16),
                      (.highContrast, 8), (.highContrast, 0), (.mono, 256)])
    func aHallInEachTheme(theme: Theme, colors: Int) {
        assertSnapshot(of: styled(hallFrame(), theme: theme, colors: colors), as: .lines,
                       named: "hall-80x24-\(theme.rawValue)-\(colors)colors")
    }
}

@Suite struct ThemeLookTests {
    static let colorCounts = [0, 8, 16, 256]

    @Test func theChoiceIsInReverseVideoInEveryTheme() {
        for theme in Theme.allCases {
            for colors in Self.colorCounts {
                for role in Role.allCases {
                    #expect(theme.look(CellStyle(role, highlighted: true), colors: colors).reverse, "\(theme) \(role)")
                    #expect(!theme.look(CellStyle(role), colors: colors).reverse, "\(theme) \(role)")
                }
            }
        }
    }

    @Test func highContrastPaintsEveryCellAndIsNeverDim() {
        for colors in [8, 16, 256] {
            for role in Role.allCases {
                let look = Theme.highContrast.look(CellStyle(role), colors: colors)
                #expect(look.foreground != nil && look.background != nil, "\(role) at \(colors) colours")
                #expect(!look.dim)
            }
        }
        #expect(Role.allCases.allSatisfy { !Theme.highContrast.look(CellStyle($0), colors: 0).dim })
    }

    @Test func monoAndATerminalWithoutColoursHaveNoColour() {
        for role in Role.allCases {
            for look in [Theme.mono.look(CellStyle(role), colors: 256), Theme.standard.look(CellStyle(role), colors: 0)] {
                #expect(look.foreground == nil && look.background == nil)
            }
        }
    }
}

/// WCAG 2 contrast of the high-contrast theme's colours, in the palettes terminals ship with:
/// the theme names palette entries, and a terminal decides their colours.
@Suite struct ThemeContrastTests {
    /// Palette entries 0 (black), 7 (white) and 15 (bright white), as each terminal sets them.
    static let palettes: [String: [Int: UInt32]] = [
        "xterm": [0: 0x000000, 7: 0xE5E5E5, 15: 0xFFFFFF],
        "Linux console": [0: 0x000000, 7: 0xAAAAAA, 15: 0xFFFFFF],
        "GNOME Terminal (Tango)": [0: 0x2E3436, 7: 0xD3D7CF, 15: 0xEEEEEC],
        "Windows Terminal (Campbell)": [0: 0x0C0C0C, 7: 0xCCCCCC, 15: 0xF2F2F2],
        "Solarized Dark": [0: 0x073642, 7: 0xEEE8D5, 15: 0xFDF6E3],
        "Gruvbox Dark": [0: 0x282828, 7: 0xA89984, 15: 0xEBDBB2],
    ]
    /// The 256-colour cube is the same in every terminal: 16 is #000000, 231 #FFFFFF.
    static let cube: [Int: UInt32] = [16: 0x000000, 231: 0xFFFFFF]

    static func luminance(_ rgb: UInt32) -> Double {
        func channel(_ shift: UInt32) -> Double {
            let value = Double((rgb >> shift) & 0xFF) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: UInt32, _ b: UInt32) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func theFormulaIsWCAGs() {
        #expect(abs(Self.contrast(0xFFFFFF, 0x000000) - 21) < 0.001)
        #expect(abs(Self.contrast(0xAAAAAA, 0x000000) - 9.04) < 0.01)
    }

    @Test func with256ColoursItIsWhiteOnBlack() throws {
        let pair = try #require(Theme.highContrastColors(colors: 256))
        let ratio = Self.contrast(try #require(Self.cube[pair.foreground]), try #require(Self.cube[pair.background]))
        #expect(ratio >= 20.9)
    }

    @Test func with16ColoursItIsSevenToOneInEveryPalette() throws {
        let pair = try #require(Theme.highContrastColors(colors: 16))
        for (name, palette) in Self.palettes {
            let ratio = Self.contrast(try #require(palette[pair.foreground]), try #require(palette[pair.background]))
            #expect(ratio >= 7, "\(name): \(ratio)")
        }
    }

    /// 8 colours is the Linux console, a kiosk's terminal. Gruvbox's white (#A89984) is too
    /// dark on its black for 7:1 (5.3:1); such a terminal reports 256 colours when TERM says so.
    @Test func with8ColoursItIsSevenToOneInThePalettesOfEightColourTerminals() throws {
        let pair = try #require(Theme.highContrastColors(colors: 8))
        for (name, palette) in Self.palettes where name != "Gruvbox Dark" {
            let ratio = Self.contrast(try #require(palette[pair.foreground]), try #require(palette[pair.background]))
            #expect(ratio >= 7, "\(name): \(ratio)")
        }
    }
}
