extension StringProtocol where SubSequence == Substring {
    /// The text's lines, as `split(separator: "\n", omittingEmptySubsequences: false)` gives
    /// them, found in the UTF-8 bytes rather than grapheme by grapheme: a newline is always a
    /// grapheme of its own (but in "\r\n", which files no longer hold once read), so the lines
    /// are the same, and loading a pack, which splits every file into lines several times, is
    /// several times faster.
    var lines: [Substring] {
        let text = self[...]
        let bytes = text.utf8
        let newlines = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.indices.filter { buffer[$0] == UInt8(ascii: "\n") }
        } ?? Array(bytes.enumerated().filter { $0.element == UInt8(ascii: "\n") }.map(\.offset))
        var lines: [Substring] = []
        lines.reserveCapacity(newlines.count + 1)
        var start = bytes.startIndex
        for offset in newlines {
            let newline = bytes.index(bytes.startIndex, offsetBy: offset)
            lines.append(Substring(bytes[start..<newline]))
            start = bytes.index(after: newline)
        }
        lines.append(Substring(bytes[start...]))
        return lines
    }

    /// Whether any byte of the text's UTF-8 passes `test`: for ASCII markers, looked for in
    /// place rather than character by character.
    func containsByte(where test: (UInt8) -> Bool) -> Bool {
        let bytes = self[...].utf8
        return bytes.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? bytes.contains(where: test)
    }
}
