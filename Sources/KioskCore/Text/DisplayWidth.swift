/// How many terminal columns text takes.
///
/// `String.count` counts grapheme clusters, not columns: "ə" written as "e" plus a combining mark
/// is one column, a CJK ideograph or an emoji is two. This follows what terminals do (wcwidth),
/// but without the C library, so that it does not depend on the process's locale and the same
/// text lays out the same way in tests and on the kiosk.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // The common case, ASCII, without touching Unicode properties.
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains("\u{FE0F}") || first.properties.isEmojiPresentation {
            return 2
        }
        if isWide(first.value) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            return 1
        }
    }

    /// Columns taken by a string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian Wide and Fullwidth blocks (the ranges terminals agree on); emoji are found by
    /// their presentation property above.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
             0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD,
             0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// The longest prefix of this string that fits in `columns`, and how wide it is.
    public func prefix(fittingColumns columns: Int) -> (text: Substring, width: Int) {
        var width = 0
        var end = startIndex
        for index in indices {
            let next = DisplayWidth.of(self[index])
            if width + next > columns { break }
            width += next
            end = self.index(after: index)
        }
        return (self[startIndex..<end], width)
    }
}
