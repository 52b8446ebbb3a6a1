import ArgumentParser
import Glibc
import KioskRuntime

/// What a stand shares with the museum's staff: the notice they put over every screen, its
/// health for their monitoring, and the visit statistics.
struct StandOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Show the staff's notice from this file over every screen (museum-kiosk notice writes it; a stand: \(NoticeCommand.standardPath)).",
        valueName: "FILE"))
    var notice: String?

    @Option(name: .long, help: ArgumentHelp(
        "Write this kiosk's health for node_exporter's textfile collector into this folder (a stand: \(StandOptions.standardMetrics)).",
        valueName: "DIR"))
    var metrics: String?

    @Option(name: .long, help: ArgumentHelp("This stand's name, in its health file and beside the book's entries (default: the host's name).", valueName: "NAME"))
    var stand: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Keep visit statistics (what was shown, for how long; never who, a key or a text) where the book is kept. Default: on with --kiosk, unless kiosk.conf says statistics = off; off otherwise."))
    var statistics: Bool?

    /// Where Debian's prometheus-node-exporter reads text files.
    static let standardMetrics = "/var/lib/prometheus/node-exporter"

    func validate() throws {
        if let stand, !StandHealth.isValidStand(stand) {
            throw ValidationError("--stand must be letters, digits, '-', '_' and '.', at most 64, such as hall-4-east")
        }
    }

    /// The stand's name: --stand, else the host's name made safe for a file name.
    var standName: String {
        if let stand { return stand }
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count - 1)
        let host = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let safe = String(host.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" }.prefix(64))
        return StandHealth.isValidStand(safe) ? safe : "kiosk"
    }
}
