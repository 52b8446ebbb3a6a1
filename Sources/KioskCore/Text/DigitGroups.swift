/// Numbers written with their digits in groups ("6 000", "130 896", as Azerbaijani and Russian
/// write them): the groups belong together, so a line never breaks between them.
public enum DigitGroups {
    /// A no-break space: the wrapper never breaks a line at one.
    public static let noBreakSpace: Unicode.Scalar = "\u{00A0}"

    /// `text` with each plain space between the digit groups of a number made a no-break
    /// space, and the numbers that had one, as written.
    public static func joined(_ text: String) -> (text: String, numbers: [String]) {
        var scalars = Array(text.unicodeScalars)
        var numbers: [String] = []
        var index = 0
        while index < scalars.count {
            // A number starts with one to three digits not preceded by a digit or a letter.
            guard isDigit(scalars[index]), index == 0 || !continuesWord(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            guard end - index <= 3 else {
                index = end
                continue
            }
            // Then groups of exactly three digits, each after a plain space.
            var spaces: [Int] = []
            var groupEnd = end
            while groupEnd + 3 < scalars.count, scalars[groupEnd] == " ",
                  (1...3).allSatisfy({ isDigit(scalars[groupEnd + $0]) }),
                  groupEnd + 4 == scalars.count || !isDigit(scalars[groupEnd + 4]) {
                spaces.append(groupEnd)
                groupEnd += 4
            }
            if !spaces.isEmpty {
                numbers.append(String(String.UnicodeScalarView(scalars[index..<groupEnd])))
                for space in spaces { scalars[space] = noBreakSpace }
            }
            index = groupEnd
        }
        guard !numbers.isEmpty else { return (text, []) }
        return (String(String.UnicodeScalarView(scalars)), numbers)
    }

    /// What `validate` says of a number written with a plain space.
    static func warning(_ number: String) -> String {
        "a plain space inside the number '\(number)': the kiosk keeps its digits together, but write a no-break space (U+00A0) there"
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// A scalar after which a digit continues a word or a number ("A4", "1,5", "3.000").
    private static func continuesWord(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || scalar.properties.isAlphabetic || scalar == "," || scalar == "."
    }
}
