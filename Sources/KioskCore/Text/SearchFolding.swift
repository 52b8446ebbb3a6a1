/// Words as search compares them: in lower case, without diacritics, so that a word typed on
/// any keyboard finds it however the pack writes it. "Şamaxı", "ŞAMAXI" and "samaxi" are one
/// word; so are "Xocalı" and "xocali", "Ёлка" and "елка".
///
/// One folding serves every language, the visitor's and the text's alike, because a visitor
/// types on the keyboard they have: an English visitor types "Quba" for the Azerbaijani
/// "Quba" and "Xocali" for "Xocalı". Turkish and Azerbaijani's four i's are one letter to
/// search: "I" and "ı", "İ" and "i" (and İ lowers to i, not, as Unicode's default lowering
/// gives, to i with a dot above). Spellings that differ by more than accents (Khojaly,
/// Ходжалы) are the pack's name table's to join (`SearchIndex`).
public enum SearchFolding {
    /// The folded words of `text`, in order, each as UTF-8. A word is a run of letters and
    /// digits; combining marks go with the letter before them and are dropped.
    static func words(_ text: String, _ each: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            guard !word.isEmpty else { return }
            word.withUnsafeBufferPointer(each)
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                default: flush()
                }
                continue
            }
            switch fold(scalar) {
            case .letters(let letters): word.append(contentsOf: letters.utf8)
            case .mark: break
            case .separator: flush()
            }
        }
        flush()
    }

    /// The folded words of `text`, as strings.
    public static func words(_ text: String) -> [String] {
        var found: [String] = []
        words(text) { found.append(String(decoding: $0, as: UTF8.self)) }
        return found
    }

    enum Folded {
        case letters(String)
        /// A combining mark: part of the word, not of its folded form.
        case mark
        case separator
    }

    /// What one scalar above ASCII becomes: the Latin, Greek and Cyrillic blocks from a table
    /// made once, anything else worked out as it comes.
    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        let value = Int(scalar.value)
        if value < table.count { return table[value] }
        return folding(scalar)
    }

    /// Scalars below U+0530, folded.
    private static let table: [Folded] = (0..<0x530).map { folding(Unicode.Scalar(UInt32($0))!) }

    /// Letters with no decomposition, folded as a visitor without them types them.
    private static let special: [Unicode.Scalar: String] = [
        "ı": "i", "ə": "e", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l",
        "þ": "th", "ħ": "h", "ŀ": "l", "ё": "е",
    ]

    private static func folding(_ scalar: Unicode.Scalar) -> Folded {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
             .letterNumber, .otherNumber:
            break
        default:
            return .separator
        }
        // İ lowers to "i" and a combining dot: the dot goes with the other marks.
        guard let lower = properties.lowercaseMapping.unicodeScalars.first else { return .separator }
        if let special = special[lower] { return .letters(special) }
        return .letters(String(baseLetter(of: lower) ?? Character(lower)))
    }

    /// The Latin letter under a letter with diacritics, from the letter's Unicode name:
    /// "LATIN SMALL LETTER S WITH CEDILLA" is an s.
    private static func baseLetter(of scalar: Unicode.Scalar) -> Character? {
        guard let name = scalar.properties.name, name.hasPrefix("LATIN SMALL LETTER ") else { return nil }
        let rest = name.dropFirst("LATIN SMALL LETTER ".count)
        guard let letter = rest.first, letter.isASCII, letter.isLetter,
              rest.count == 1 || rest.dropFirst().hasPrefix(" WITH ") else { return nil }
        return Character(letter.lowercased())
    }
}
