import Foundation

/// The bundled pack, whose message catalogues are the kiosk's own words.
let kioskWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
import KioskCore
import KioskGroupLink
import KioskRuntime
import Logging

/// The small test pack of KioskCoreTests: entrance, archive, garden.
enum TestPack {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small").path

    static let pack: Pack = {
        guard let pack = PackLoader(directory: folder, kioskWords: kioskWords).load().pack else { fatalError("the small test pack does not load") }
        return pack
    }()

    static let laptop = Tour(pack: pack)

    /// The tours test pack: three tours, a name table.
    static let tours: Tour = {
        let folder = URL(fileURLWithPath: Self.folder).deletingLastPathComponent().appendingPathComponent("tours").path
        guard let pack = PackLoader(directory: folder, kioskWords: kioskWords).load().pack else { fatalError("the tours test pack does not load") }
        return Tour(pack: pack)
    }()
    static let kiosk = Tour(pack: pack, kiosk: KioskSettings(isKiosk: true, hasStaffPIN: true))
    static let booth = Tour(pack: pack, kiosk: KioskSettings(demoWordsPerMinute: 160))
    static let staffPIN = "2468"
}

/// A whole session on a test front and a test clock: the runtime's loop, as the executable
/// runs it, in milliseconds however many minutes the session lasts.
struct Session {
    let front: TestFront
    let runtime: SessionRuntime

    init(_ tour: Tour, start: Tour.SessionStart = Tour.SessionStart(), size: TerminalSize = TerminalSize(columns: 80, rows: 24),
         effects: EffectRunner = EffectRunner(checkStaffPIN: { $0 == TestPack.staffPIN })) {
        front = TestFront(size: size)
        runtime = SessionRuntime(tour: tour, front: front, clock: front.clock, effects: effects, start: start)
    }

    var clock: TestClock { front.clock }

    /// Seconds since the session started, of an instant on its clock.
    func seconds(_ instant: Instant) -> Double { Double(instant.milliseconds - 10_000) / 1000 }

    /// What the screen showed at `seconds`: the last frame presented by then, as text.
    func screen(at seconds: Double) -> String? {
        front.frames.last { self.seconds($0.at) <= seconds }?.frame.text
    }
}

/// Lines for the line-by-line front, from a script on a test clock, and things the rest of
/// the world does between them (another kiosk's guide moving on).
final class ScriptedLines: LineSource {
    enum Item {
        case line(String)
        case elsewhere(() -> Void)
    }

    private(set) var script: Script<Item>

    init(clock: TestClock) {
        script = Script(clock: clock)
    }

    func type(_ line: String, after seconds: Double = 0) { script.add([.line(line)], after: seconds) }

    /// Something that happens elsewhere at that time: the session wakes as for a socket.
    func elsewhere(after seconds: Double = 0, _ happening: @escaping () -> Void) {
        script.add([.elsewhere(happening)], after: seconds)
    }

    func line(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> LineRead {
        guard let items = script.wait(milliseconds: milliseconds, one: true) else { return .ended(.endOfInput) }
        switch items.first {
        case .line(let line)?: return .line(line)
        case .elsewhere(let happening)?:
            happening()
            return .line(nil)
        case nil: return .line(nil)
        }
    }
}

/// What the line-by-line front printed, line by line.
final class Printed {
    private(set) var lines: [String] = []
    var text: String { lines.joined(separator: "\n") }

    func write(_ new: [String]) -> Bool {
        lines += new
        return true
    }
}

/// A directory of its own for one test's groups, removed after.
final class TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-runtime-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A group link that logs nowhere.
func groupLink(_ directory: String, _ tour: Tour) -> GroupLink {
    GroupLink(directory: GroupDirectory(path: directory), tour: tour, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
}
