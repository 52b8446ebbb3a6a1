/// The shape of a label, as the style guide asks (Smithsonian label practice): short labels of
/// short sentences, a one-line summary. Over the limits is a warning, not an error: the text is
/// still right, only harder to read standing up.
enum TextChecks {
    static let labelWordLimit = 100
    static let sentenceWordLimit = 25
    static let summaryCharacterLimit = 100

    /// Checks a label's raw Markdown, which starts on `firstLine` of `file`.
    static func checkLabel(_ label: String, file: String, firstLine: Int, log: FindingLog) {
        let words = words(in: label, firstLine: firstLine)
        if words.count > labelWordLimit {
            log.warning(file, line: firstLine, "the label has \(words.count) words; keep a label to \(labelWordLimit) or fewer")
        }
        var sentence: [(text: Substring, line: Int)] = []
        var lastLine = firstLine
        func endSentence() {
            if sentence.count > sentenceWordLimit {
                log.warning(file, line: sentence[0].line, "a sentence of \(sentence.count) words; keep sentences to \(sentenceWordLimit) or fewer")
            }
            sentence = []
        }
        for word in words {
            // A blank line, a heading or a list item ends whatever sentence came before.
            if word.startsBlock || word.line > lastLine + 1 { endSentence() }
            lastLine = word.line
            sentence.append((word.text, word.line))
            if word.endsSentence { endSentence() }
        }
        endSentence()
    }

    /// The most words a "read more" layer should have, by what it belongs to. The style guide
    /// also gives a least (200 for a hall, 150 for an exhibit), but a shorter layer, or none,
    /// only means less to read; a longer one is more than a visitor reads standing up.
    static let hallMoreWordLimit = 600
    static let exhibitMoreWordLimit = 400

    /// Checks the length of an original's "read more" layer, which starts on `firstLine`. A
    /// translation follows its original and is not counted: languages differ in words.
    static func checkMore(_ more: String, limit: Int, of what: String, file: String, firstLine: Int, log: FindingLog) {
        let words = words(in: more, firstLine: firstLine)
        guard let first = words.first, words.count > limit else { return }
        log.warning(file, line: first.line, "the \"read more\" layer has \(words.count) words; keep \(what) to \(limit) or fewer")
    }

    /// Checks a one-line summary.
    static func checkSummary(_ summary: String, file: String, line: Int, log: FindingLog) {
        if summary.count > summaryCharacterLimit {
            log.warning(file, line: line, "the summary has \(summary.count) characters; keep it to \(summaryCharacterLimit) so it fits one line")
        }
    }

    private struct Word {
        var text: Substring
        var line: Int
        var startsBlock: Bool
        var endsSentence: Bool
    }

    private static func words(in text: String, firstLine: Int) -> [Word] {
        var words: [Word] = []
        for (offset, rawLine) in text.lines.enumerated() {
            var line = rawLine.trimmingSpaces()
            var startsBlock = false
            for marker in ["## ", "# ", "- ", "* ", "> "] where line.hasPrefix(marker) {
                line = line.dropFirst(marker.count)
                startsBlock = marker != "> "
            }
            let isHeading = rawLine.trimmingSpaces().hasPrefix("#")
            // Split at spaces scalar by scalar: grapheme by grapheme is what made loading slow.
            let tokens = line.unicodeScalars.split(separator: " ").map(Substring.init).filter(isWord)
            for (index, token) in tokens.enumerated() {
                let ends = endsSentence(token) || (isHeading && index == tokens.count - 1)
                words.append(Word(text: token, line: firstLine + offset,
                                  startsBlock: startsBlock && index == 0, endsSentence: ends))
            }
        }
        return words
    }

    /// A token with a letter or a digit in it, looked at scalar by scalar (grapheme by
    /// grapheme was what made loading slow).
    private static func isWord(_ token: Substring) -> Bool {
        token.unicodeScalars.contains { scalar in
            scalar.isASCII ? isASCIILetterOrDigit(UInt8(scalar.value))
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// A word that ends a sentence: ".", "!", "?" or "…", perhaps inside closing quotes,
    /// brackets or emphasis.
    private static func endsSentence(_ token: Substring) -> Bool {
        var scalars = token.unicodeScalars[...]
        while let last = scalars.last, closers.contains(last.value) { scalars = scalars.dropLast() }
        return scalars.last.map { enders.contains($0.value) } ?? false
    }

    private static let closers = Set("*_\"'»«“”)]".unicodeScalars.map(\.value))
    private static let enders = Set(".!?…".unicodeScalars.map(\.value))

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
