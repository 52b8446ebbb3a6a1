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
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingSpaces()
            var startsBlock = false
            for marker in ["## ", "# ", "- ", "* ", "> "] where line.hasPrefix(marker) {
                line = line.dropFirst(marker.count)
                startsBlock = marker != "> "
            }
            let isHeading = rawLine.trimmingSpaces().hasPrefix("#")
            let tokens = line.split(separator: " ").filter(isWord)
            for (index, token) in tokens.enumerated() {
                let bare = token.trimmingCharacters(in: "*_\"'»«“”)]")
                let ends = bare.hasSuffix(".") || bare.hasSuffix("!") || bare.hasSuffix("?") || bare.hasSuffix("…")
                    || (isHeading && index == tokens.count - 1)
                words.append(Word(text: token, line: firstLine + offset,
                                  startsBlock: startsBlock && index == 0, endsSentence: ends))
            }
        }
        return words
    }

    private static func isWord(_ token: Substring) -> Bool {
        token.contains { $0.isLetter || $0.isNumber }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
