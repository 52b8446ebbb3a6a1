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
        func fold(_ value: UInt32) {
            if value < 0x80 {
                switch value {
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                default: flush()
                }
            } else if Int(value) < table.count {
                // The table's entry: up to three bytes of UTF-8 and their count, in the low byte.
                let entry = table[Int(value)]
                switch entry & 0xFF {
                case Self.separator: flush()
                case Self.mark: break
                case let count:
                    for index in 1...count { word.append(UInt8(truncatingIfNeeded: entry >> (8 * index))) }
                }
            } else {
                switch folding(Unicode.Scalar(value) ?? " ") {
                case .letters(let letters): word.append(contentsOf: letters.utf8)
                case .mark: break
                case .separator: flush()
                }
            }
        }
        for scalar in text.unicodeScalars { fold(scalar.value) }
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

    /// The table's counts for a scalar that ends a word, and for a mark.
    private static let separator: UInt32 = 0, mark: UInt32 = 0xFF

    /// Scalars below U+0530 (the Latin, Greek and Cyrillic blocks), folded once: each the
    /// UTF-8 of its folded letters above their count, so that a word is folded without a
    /// string for each letter. Three bytes are enough: a scalar folds to two ASCII letters at
    /// most ("ß", "ss") or to one letter, which lowers to no further than U+2C7F ("Ⱥ", "ⱥ").
    /// The others are worked out as they come.
    private static let table: [UInt32] = (0..<0x530).map { value in
        switch folding(Unicode.Scalar(UInt32(value))!) {
        case .separator: return separator
        case .mark: return mark
        case .letters(let letters):
            let bytes = Array(letters.utf8.prefix(3))
            return bytes.enumerated().reduce(UInt32(bytes.count)) { $0 | UInt32($1.element) << (8 * ($1.offset + 1)) }
        }
    }

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
