import Glibc

/// A line on standard error, for the operator: never on the visitor's screen once it is open.
public func printToStandardError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

public struct StandardError: TextOutputStream {
    public init() {}

    public mutating func write(_ string: String) {
        _ = writeAll(STDERR_FILENO, string)
    }
}

/// Writes all of `text` to `descriptor`, again after an interruption or a short write; false
/// when it cannot (errno says why), such as when nobody reads any more.
public func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return false }
        bytes = bytes.dropFirst(written)
    }
    return true
}
