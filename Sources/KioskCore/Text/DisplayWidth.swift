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
        // Then one scalar of the scripts and symbols a pack and the frame use most.
        let scalars = character.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
           let width = simpleWidth(first) {
            return width
        }
        return measure(scalars)
    }

    /// The width of a scalar that is a character of its own whatever simple scalar comes
    /// next: printable ASCII, Latin, Cyrillic, dashes and quotes, arrows, box drawing, one
    /// column each. None of these combines with another under Unicode's grapheme rules (none
    /// is a mark, a joiner, a prepended or a regional character), so text made only of them
    /// can be laid out scalar by scalar, many times faster than character by character.
    /// FastTextTests checks the widths against the properties.
    @inline(__always)
    public static func simpleWidth(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x400..<0x483, 0x48A..<0x530, 0x2010..<0x2028, 0x2190..<0x2200,
             0x2500..<0x25A0:
            return 1
        default:
            return nil
        }
    }

    /// Whether every scalar of `text` has a `simpleWidth`.
    public static func isSimple(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { simpleWidth($0) != nil }
    }

    private static func measure(_ scalars: Character.UnicodeScalarView) -> Int {
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
        if isSimple(text) { return text.unicodeScalars.count }
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
