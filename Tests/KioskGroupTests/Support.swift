import Foundation

/// The bundled pack, whose message catalogues are the kiosk's own words.
let kioskWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
import KioskCore
import KioskGroupLink
import KioskRuntime
import Logging
import Synchronization

/// The small test pack of KioskCoreTests: entrance, archive, garden.
enum TestTour {
    static let tour: Tour = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small")
        guard let pack = PackLoader(directory: folder.path, kioskWords: kioskWords).load().pack else { fatalError("the small test pack does not load") }
        return Tour(pack: pack)
    }()

    static let size = TerminalSize(columns: 80, rows: 24)

    /// The tours test pack: three tours, the second a short one in its own order.
    static let tours: Tour = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/tours")
        guard let pack = PackLoader(directory: folder.path, kioskWords: kioskWords).load().pack else { fatalError("the tours test pack does not load") }
        return Tour(pack: pack)
    }()
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

/// One kiosk process's session and its group link, driven step by step through the runtime, on
/// a test clock of its own.
final class Kiosk {
    let tour: Tour
    let clock = TestClock(start: Instant(milliseconds: 1_000_000))
    let link: GroupLink
    let log = LogRecord()
    let runtime: SessionRuntime
    let front: TestFront

    init(directory: String, language: String = "en", group: GroupStart? = nil, tour: Tour = TestTour.tour) {
        self.tour = tour
        link = GroupLink(directory: GroupDirectory(path: directory), tour: tour, logger: log.logger)
        front = TestFront(size: TestTour.size, clock: clock)
        runtime = SessionRuntime(tour: tour, front: front, clock: clock,
                                 effects: EffectRunner(group: link),
                                 start: Tour.SessionStart(language: language, groupsAvailable: true, group: group))
    }

    var state: TourState { runtime.state }

    /// A wake-up of the session's loop: the time, and what the sockets brought.
    func exchange() {
        runtime.wake()
    }

    func press(_ keys: Key...) {
        for key in keys {
            runtime.send(.key(key))
            exchange()
        }
    }

    func advance(milliseconds: Int64) {
        clock.advance(milliseconds: milliseconds)
        runtime.wake()
    }

    var code: String? { state.visit.group.leadership?.code }
}

/// Lets every kiosk exchange until the sockets are quiet: messages between processes take a
/// round or two.
func settle(_ kiosks: [Kiosk], rounds: Int = 5) {
    for _ in 0..<rounds {
        for kiosk in kiosks { kiosk.exchange() }
        usleep(2_000)
    }
}
