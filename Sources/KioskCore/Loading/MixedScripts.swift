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
            // The letters a pack is mostly made of, known without Unicode's tables (checked
            // against them in FastTextTests).
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F:
                self = .latin
            case 0x400...0x52F:
                self = .cyrillic
            case 0..<0x80:
                return nil
            case 0xD7, 0xF7, 0x250...0x2AF, 0x1E00...0x1EFF:
                guard scalar.properties.isAlphabetic else { return nil }
                self = .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF:
                guard scalar.properties.isAlphabetic else { return nil }
                self = .greek
            case 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
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
    /// Loading a pack asks this of every text, so a word is read once, its letters counted by
    /// alphabet as they come, and only a word of two alphabets is looked at again.
    static func words(in text: String) -> [Word] {
        var found: [Word] = []
        let scalars = text.unicodeScalars
        var line = 1, column = 1
        var start: String.UnicodeScalarView.Index?, wordColumn = 1
        var counts = (latin: 0, cyrillic: 0, greek: 0)
        func endWord(at end: String.UnicodeScalarView.Index) {
            defer {
                start = nil
                counts = (0, 0, 0)
            }
            guard let start, [counts.latin, counts.cyrillic, counts.greek].count(where: { $0 > 0 }) > 1 else { return }
            let word = scalars[start..<end]
            // The most letters; between equals, the alphabet whose name comes first.
            let main = [(Script.cyrillic, counts.cyrillic), (.greek, counts.greek), (.latin, counts.latin)]
                .max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.rawValue > $1.0.rawValue) }!.0
            guard let odd = word.first(where: { Script($0).map { $0 != main } ?? false }), let second = Script(odd) else { return }
            found.append(Word(text: String(String.UnicodeScalarView(word)), line: line, column: wordColumn,
                              scripts: [main, second], odd: odd))
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isInWord(scalar) {
                if start == nil {
                    start = index
                    wordColumn = column
                }
                switch Script(scalar) {
                case .latin: counts.latin += 1
                case .cyrillic: counts.cyrillic += 1
                case .greek: counts.greek += 1
                case nil: break
                }
            } else if start != nil {
                endWord(at: index)
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = scalars.index(after: index)
        }
        if start != nil { endWord(at: scalars.endIndex) }
        return found
    }

    /// A letter or a combining mark: part of a word. ASCII and the Latin and Cyrillic letters
    /// a pack is mostly made of are known without Unicode's tables.
    static func isInWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x400...0x481, 0x48A...0x52F:
            return true
        case 0..<0x80:
            return false
        default:
            return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
    }
}
