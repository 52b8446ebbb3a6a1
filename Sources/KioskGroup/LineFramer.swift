/// Cuts a byte stream into lines of at most `limit` bytes. A longer line is reported once and
/// skipped to its end, so a peer cannot make a kiosk hold more than `limit` bytes for it.
public struct LineFramer: Sendable {
    public let limit: Int
    private var buffer: [UInt8] = []
    private var skipping = false

    public init(limit: Int = GroupWire.maximumBytes) {
        self.limit = limit
    }

    /// The complete lines in `bytes` and what came before, without their newlines.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Result<[UInt8], MessageProblem>] {
        var lines: [Result<[UInt8], MessageProblem>] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if !skipping { lines.append(.success(buffer)) }
                buffer.removeAll(keepingCapacity: true)
                skipping = false
            } else if !skipping {
                buffer.append(byte)
                if buffer.count >= limit {
                    lines.append(.failure(.tooLong(limit: limit)))
                    buffer.removeAll(keepingCapacity: true)
                    skipping = true
                }
            }
        }
        return lines
    }
}
