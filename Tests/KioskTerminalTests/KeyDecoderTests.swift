import CNCursesW
import KioskCore
import Testing
@testable import KioskTerminal

@Suite struct KeyDecoderTests {
    @Test func functionKeysBecomeTourKeys() {
        #expect(KeyDecoder.key(code: KEY_UP) == .up)
        #expect(KeyDecoder.key(code: KEY_LEFT) == .left)
        #expect(KeyDecoder.key(code: KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.key(code: KEY_BACKSPACE) == .backspace)
        #expect(KeyDecoder.key(code: KEY_ENTER) == .enter)
        #expect(KeyDecoder.key(code: KEY_RESIZE) == nil)
        #expect(KeyDecoder.key(code: KEY_IC) == .unknown)
    }

    @Test func charactersAndControlKeys() {
        #expect(KeyDecoder.key(character: 13) == .enter)
        #expect(KeyDecoder.key(character: 10) == .enter)
        #expect(KeyDecoder.key(character: 127) == .backspace)
        #expect(KeyDecoder.key(character: 3) == .control("c"))
        #expect(KeyDecoder.key(character: 26) == .control("z"))
        #expect(KeyDecoder.key(character: 0x259) == .character("ə"))
        #expect(KeyDecoder.key(character: 0x442) == .character("т"))
    }

    @Test func invisibleAndControlCharactersAreNeverTyped() {
        #expect(KeyDecoder.key(character: 0) == .unknown)
        #expect(KeyDecoder.key(character: 0x9B) == .unknown)
        #expect(KeyDecoder.key(character: 0x202E) == .unknown)
        #expect(KeyDecoder.key(character: 0x200B) == .unknown)
    }
}

@Suite struct ThemeTests {
    @Test func noColorSelectsMono() {
        #expect(Theme.choose(nil, environment: ["NO_COLOR": "1"]) == .mono)
    }

    /// no-color.org: a theme asked for on the command line overrides NO_COLOR, so that a
    /// kiosk set to high contrast stays so.
    @Test func aThemeAskedForOverridesNoColor() {
        #expect(Theme.choose(.highContrast, environment: ["NO_COLOR": "yes"]) == .highContrast)
        #expect(Theme.choose(.standard, environment: ["NO_COLOR": "yes"]) == .standard)
    }

    @Test func anEmptyNoColorIsIgnored() {
        #expect(Theme.choose(nil, environment: ["NO_COLOR": ""]) == .standard)
        #expect(Theme.choose(nil, environment: [:]) == .standard)
    }
}
