import Foundation
import KioskCore
import KioskGroupLink
import Logging
import Synchronization

/// The small test pack of KioskCoreTests: entrance, archive, garden.
enum TestTour {
    static let tour: Tour = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small")
        guard let pack = PackLoader(directory: folder.path).load().pack else { fatalError("the small test pack does not load") }
        return Tour(pack: pack)
    }()

    static let size = TerminalSize(columns: 80, rows: 24)
}

/// Log lines kept for a test to read.
final class LogRecord: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        Logger(label: "test") { _ in RecordingHandler(record: self) }
    }

    struct RecordingHandler: LogHandler {
        let record: LogRecord
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { record.append("\(event.level): \(event.message)") }
    }
}

/// A directory of its own for one test's groups, removed after.
final class TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-groups-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// One kiosk process's visit and its group link, driven by hand with a fake clock.
final class Kiosk {
    let tour = TestTour.tour
    var state: TourState
    let link: GroupLink
    let log = LogRecord()
    var now = Instant(milliseconds: 1_000_000)

    init(directory: String, language: String = "en") {
        state = tour.start(language: language, size: TestTour.size)
        link = GroupLink(directory: GroupDirectory(path: directory), tour: tour, logger: log.logger)
        state.group.available = true
        tour.reduce(&state, .tick(now))
    }

    /// The session loop's exchange, its events reduced.
    func exchange() {
        link.exchange(&state, now: now)
    }

    func press(_ keys: Key...) {
        for key in keys {
            tour.reduce(&state, .key(key))
            exchange()
        }
    }

    func advance(milliseconds: Int64) {
        now = Instant(milliseconds: now.milliseconds + milliseconds)
        tour.reduce(&state, .tick(now))
    }

    var code: String? { state.group.leadership?.code }
}

/// Lets every kiosk exchange until the sockets are quiet: messages between processes take a
/// round or two.
func settle(_ kiosks: [Kiosk], rounds: Int = 5) {
    for _ in 0..<rounds {
        for kiosk in kiosks { kiosk.exchange() }
        usleep(2_000)
    }
}
