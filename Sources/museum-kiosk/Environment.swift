import Glibc

/// The process's environment, from the C library: Foundation's ProcessInfo would link all of
/// Foundation into the binary for it (docs/performance.md).
enum Environment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every variable, as the themes and other options read them.
    static var all: [String: String] {
        var variables: [String: String] = [:]
        // /proc/self/environ: NAME=value entries, each ended by a NUL.
        guard let file = fopen("/proc/self/environ", "r") else { return variables }
        defer { fclose(file) }
        var entry: [UInt8] = []
        while true {
            let character = getc(file)
            if character == EOF || character == 0 {
                if let equals = entry.firstIndex(of: UInt8(ascii: "=")) {
                    variables[String(decoding: entry[..<equals], as: UTF8.self)] = String(decoding: entry[(equals + 1)...], as: UTF8.self)
                }
                entry.removeAll(keepingCapacity: true)
                if character == EOF { break }
            } else {
                entry.append(UInt8(truncatingIfNeeded: character))
            }
        }
        return variables
    }
}
