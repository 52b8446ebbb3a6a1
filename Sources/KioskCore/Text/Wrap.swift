/// Word wrapping by display columns.
public enum Wrap {
    /// Breaks `runs` into lines: the first at most `firstWidth` columns wide, the rest at most
    /// `width`. Spaces between words are kept (a column of keys stays a column) except where a
    /// line breaks; a word wider than a line is broken between graphemes.
    public static func lines(_ runs: [Run], width: Int, firstWidth: Int? = nil) -> [[Run]] {
        let width = max(1, width)
        var lines: [[Run]] = []
        var line: [Run] = []
        var lineWidth = 0
        var limit = max(1, firstWidth ?? width)

        func finishLine() {
            lines.append(line)
            line = []
            lineWidth = 0
            limit = width
        }

        for (spaces, word) in words(in: runs) {
            let wordWidth = word.displayWidth
            // Spaces before the text's first word indent it; spaces at a line break go.
            let gap = lineWidth > 0 || (lines.isEmpty && line.isEmpty) ? spaces : 0
            if lineWidth + gap + wordWidth <= limit {
                if gap > 0 {
                    let role = word[0].role == line.last?.role ? word[0].role : Role.body
                    line.append(String(repeating: " ", count: gap), role)
                }
                for piece in word { line.append(piece.text, piece.role) }
                lineWidth += gap + wordWidth
                continue
            }
            if lineWidth > 0 { finishLine() }
            // The word starts a line; break it between graphemes if even a line cannot hold it.
            for piece in word {
                for character in piece.text {
                    let columns = DisplayWidth.of(character)
                    if lineWidth + columns > limit && lineWidth > 0 { finishLine() }
                    line.append(String(character), piece.role)
                    lineWidth += columns
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Words, each a list of runs (a word may change role mid-way, as in "**Baku**,"), with
    /// the number of spaces before it.
    static func words(in runs: [Run]) -> [(spaces: Int, word: [Run])] {
        var words: [(spaces: Int, word: [Run])] = []
        var word: [Run] = []
        var spaces = 0
        var spacesBefore = 0
        for run in runs {
            // Text of simple scalars (see DisplayWidth.simpleWidth), most text, by scalar:
            // the same words, found without taking graphemes apart.
            if DisplayWidth.isSimple(run.text) {
                let scalars = run.text.unicodeScalars
                var start = scalars.startIndex
                var index = start
                while index < scalars.endIndex {
                    if scalars[index] == " " {
                        word.append(run.text[start..<index], run.role)
                        if !word.isEmpty {
                            words.append((spacesBefore, word))
                            word = []
                            spaces = 0
                        }
                        spaces += 1
                        index = scalars.index(after: index)
                        start = index
                    } else {
                        if word.isEmpty && start == index { spacesBefore = spaces }
                        index = scalars.index(after: index)
                    }
                }
                word.append(run.text[start..<index], run.role)
                continue
            }
            var piece = ""
            for character in run.text {
                if character == " " || character == "\n" || character == "\t" {
                    word.append(piece, run.role)
                    piece = ""
                    if !word.isEmpty {
                        words.append((spacesBefore, word))
                        word = []
                        spaces = 0
                    }
                    spaces += 1
                } else {
                    if word.isEmpty && piece.isEmpty { spacesBefore = spaces }
                    piece.append(character)
                }
            }
            word.append(piece, run.role)
        }
        if !word.isEmpty { words.append((spacesBefore, word)) }
        return words
    }
}
