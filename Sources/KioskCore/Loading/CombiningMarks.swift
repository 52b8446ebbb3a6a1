/// Combining marks stacked on one character. A letter takes one or two (é, ệ), a few scripts up
/// to four or five; dozens are "Zalgo" text, unreadable, and a single character of thousands
/// made loading and laying a page out take minutes (issue 11: a 1 MiB label of accents took
/// `validate` 646 s, and froze the kiosk 27 s opening its hall), since every step that measures
/// a character walks all of it. So every file of a pack is bounded as it is read, before any
/// other step sees it: a character keeps at most `maximum` marks, the rest are cut, and the
/// first place in a file where that happened is an error with its line and column.
enum CombiningMarks {
    /// Marks one character may carry.
    static let maximum = 8

    /// `text` with at most `maximum` combining marks on each character; one linear pass, and
    /// the text itself when nothing is cut (the usual case).
    static func bounded(_ text: String, file: String, log: FindingLog) -> String {
        var run = 0
        var needsCut = false
        for scalar in text.unicodeScalars {
            run = isMark(scalar) ? run + 1 : 0
            if run > maximum {
                needsCut = true
                break
            }
        }
        guard needsCut else { return text }
        var kept = String.UnicodeScalarView()
        var line = 1, column = 0
        var reported = false
        run = 0
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
            }
            run = isMark(scalar) ? run + 1 : 0
            if run > maximum {
                if !reported {
                    reported = true
                    log.error(file, line: line, column: column,
                              "more than \(maximum) combining marks on one character; the rest are cut (a letter takes one or two)")
                }
                continue
            }
            kept.append(scalar)
        }
        return String(kept)
    }

    /// A combining mark (Unicode's Mn, Mc and Me). None is below U+0300, nor among Greek and
    /// Cyrillic letters (but U+0483 to U+0489) and general punctuation, so a pack's Latin,
    /// Azerbaijani and Russian text is told apart without a look at Unicode's tables.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x370..<0x483, 0x48A..<0x591, 0x2000..<0x20D0: return false
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
