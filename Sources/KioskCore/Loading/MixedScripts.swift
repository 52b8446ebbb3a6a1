/// Words that mix alphabets. Latin, Cyrillic and Greek share look-alike letters (Latin "o" and
/// Cyrillic "о", Latin "ə" and Cyrillic "ә"), so a word typed on the wrong keyboard layout, or
/// left half-converted by a machine translation, looks right and is wrong: it is not found by
/// search, a screen reader spells it out, and a visitor may copy it. No word in the museum's
/// three languages mixes alphabets, so every such word is worth a look (Unicode's mixed-script
/// detection, UTS #39, does the same).
enum MixedScripts {
    enum Script: String {
        case latin = "Latin"
        case cyrillic = "Cyrillic"
        case greek = "Greek"

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x250...0x2AF, 0x1E00...0x1EFF:
                guard scalar.properties.isAlphabetic else { return nil }
                self = .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF:
                guard scalar.properties.isAlphabetic else { return nil }
                self = .greek
            case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
                self = .cyrillic
            default:
                return nil
            }
        }
    }

    struct Word {
        var text: String
        var line: Int
        var column: Int
        /// The alphabets in the word, the one most of its letters are in first.
        var scripts: [Script]
        /// The first letter that is not in the word's main alphabet.
        var odd: Unicode.Scalar

        var message: String {
            "the word '\(text)' mixes \(scripts[0].rawValue) and \(scripts[1].rawValue) letters ('\(odd)' is \(odd.codePoint), a \(scripts[1].rawValue) letter); retype it in one alphabet"
        }
    }

    /// Every word of `text` that mixes alphabets, with its 1-based line and column (in scalars).
    static func words(in text: String) -> [Word] {
        var found: [Word] = []
        var line = 1, column = 1
        var word: [Unicode.Scalar] = [], wordColumn = 1
        func endWord() {
            defer { word = [] }
            let scripts = word.compactMap(Script.init)
            let counts = Dictionary(scripts.map { ($0, 1) }, uniquingKeysWith: +)
            guard counts.count > 1, let main = counts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key,
                  let odd = word.first(where: { Script($0).map { $0 != main } ?? false }),
                  let second = Script(odd) else { return }
            found.append(Word(text: String(String.UnicodeScalarView(word)), line: line, column: wordColumn,
                              scripts: [main, second], odd: odd))
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                if word.isEmpty { wordColumn = column }
                word.append(scalar)
            } else {
                endWord()
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        endWord()
        return found
    }
}
