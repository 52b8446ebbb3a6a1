import Foundation
import KioskCore
import KioskRuntime
import KioskView
import Logging
import Testing

/// Packs on a stand: installed whole, switched by a rename, rolled back; a kiosk that keeps
/// showing the last pack that loads, and changes to a new one only between visits.
@Suite struct PackStoreTests {
    /// A copy of the small test pack whose museum is called `name`, to tell versions apart.
    static func pack(named name: String, in directory: String, broken: Bool = false) throws -> String {
        let path = directory + "/" + name
        try FileManager.default.copyItem(atPath: TestPack.folder, toPath: path)
        let tour = path + "/Narratives/tour.yaml"
        var text = try String(contentsOfFile: tour, encoding: .utf8)
        text = text.replacing(/name:.*\n/, with: "name: {en: \"\(name)\", az: \"\(name)\", ru: \"\(name)\"}\n")
        if broken { text += "halls: oops\n" }
        try text.write(toFile: tour, atomically: true, encoding: .utf8)
        return path
    }

    static func check(_ directory: String) -> PackLoadResult {
        PackLoader(directory: directory, kioskWords: kioskWords).load()
    }

    static func museum(_ directory: String) -> String? {
        check(directory).pack?.museumName.text(in: "en", fallback: "en")
    }

    @Test func aPackIsInstalledWholeAndTheOneBeforeIsKeptForARollback() throws {
        let temporary = TemporaryDirectory()
        let store = PackStore(root: temporary.path + "/packs")
        let first = try store.install(from: try Self.pack(named: "First", in: temporary.path), check: Self.check, now: "20261201-100000")
        #expect(first.hasPrefix("20261201-100000-"))
        #expect(Self.museum(store.current) == "First")
        #expect(store.candidates == [store.current])
        let second = try store.install(from: try Self.pack(named: "Second", in: temporary.path), check: Self.check, now: "20261202-100000")
        #expect(Self.museum(store.current) == "Second")
        #expect(Self.museum(store.previous) == "First")
        #expect(try store.rollback() == first)
        #expect(Self.museum(store.current) == "First")
        #expect(store.version(store.previous) == second)
        // Only the two versions are kept.
        _ = try store.install(from: try Self.pack(named: "Third", in: temporary.path), check: Self.check, now: "20261203-100000")
        let versions = try FileManager.default.contentsOfDirectory(atPath: store.root + "/versions")
        #expect(versions.count == 2)
    }

    @Test func aPackWithErrorsIsRefusedAndTheStandKeepsWhatItHas() throws {
        let temporary = TemporaryDirectory()
        let store = PackStore(root: temporary.path + "/packs")
        _ = try store.install(from: try Self.pack(named: "Good", in: temporary.path), check: Self.check, now: "20261201-100000")
        #expect(throws: PackStore.Failure.self) {
            try store.install(from: try Self.pack(named: "Bad", in: temporary.path, broken: true), check: Self.check, now: "20261202-100000")
        }
        #expect(Self.museum(store.current) == "Good")
        #expect(store.version(store.previous) == nil)
    }

    /// A copy left half made by a power cut is neither shown nor in the way of the next install.
    @Test func aHalfMadeInstallIsNeverShown() throws {
        let temporary = TemporaryDirectory()
        let store = PackStore(root: temporary.path + "/packs")
        _ = try store.install(from: try Self.pack(named: "Good", in: temporary.path), check: Self.check, now: "20261201-100000")
        try FileManager.default.createDirectory(atPath: store.root + "/versions/.installing-1/Narratives", withIntermediateDirectories: true)
        #expect(Self.museum(store.current) == "Good")
        _ = try store.install(from: try Self.pack(named: "Next", in: temporary.path), check: Self.check, now: "20261202-100000")
        #expect(Self.museum(store.current) == "Next")
    }

    static func packs(_ store: PackStore, fallback: String? = nil) -> InstalledPacks {
        InstalledPacks(store: store, fallback: fallback, load: check, makeTour: { Tour(pack: $0) },
                       logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// A version broken after it was installed (a disk error, a hand edit): the kiosk shows the
    /// previous one, then the bundled pack, and says why.
    @Test func aKioskShowsTheBestPackThatLoads() throws {
        let temporary = TemporaryDirectory()
        let store = PackStore(root: temporary.path + "/packs")
        _ = try store.install(from: try Self.pack(named: "Old", in: temporary.path), check: Self.check, now: "20261201-100000")
        _ = try store.install(from: try Self.pack(named: "New", in: temporary.path), check: Self.check, now: "20261202-100000")
        try "halls: oops\n".write(toFile: store.current + "/Narratives/tour.yaml", atomically: true, encoding: .utf8)
        let installed = Self.packs(store, fallback: TestPack.folder)
        #expect(installed.firstTour()?.pack.museumName.text(in: "en", fallback: "en") == "Old")
        #expect(installed.lastError == nil)
        try "halls: oops\n".write(toFile: store.previous + "/Narratives/tour.yaml", atomically: true, encoding: .utf8)
        #expect(installed.firstTour()?.pack.museumName.text(in: "en", fallback: "en") == "Test Museum", "the bundled pack")
        let none = Self.packs(store)
        #expect(none.firstTour() == nil)
        #expect(none.lastError?.contains("tour.yaml") == true)
    }

    /// A pack installed during a visit is shown from the next visit on, never in the middle.
    @Test func aNewPackIsPickedUpAtTheNextIdleResetOnly() throws {
        let temporary = TemporaryDirectory()
        let store = PackStore(root: temporary.path + "/packs")
        _ = try store.install(from: try Self.pack(named: "Before", in: temporary.path), check: Self.check, now: "20261201-100000")
        let installed = InstalledPacks(store: store, fallback: nil, load: Self.check,
                                       makeTour: { Tour(pack: $0, kiosk: KioskSettings(isKiosk: true)) },
                                       logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let tour = try #require(installed.firstTour())
        let front = TestFront()
        front.press(.character(" "), after: 1)
        front.send(.ended(.endOfInput), after: 300)
        let runtime = SessionRuntime(tour: tour, front: front, clock: front.clock, effects: EffectRunner(),
                                     start: Tour.SessionStart(language: "en"), packs: installed)
        // Installed while the kiosk shows the old version, with a visitor at it.
        _ = try store.install(from: try Self.pack(named: "After", in: temporary.path), check: Self.check, now: "20261202-100000")
        _ = runtime.run()
        let names = front.frames.map { $0.frame.text.contains("After") ? "After" : "Before" }
        let firstAfter = try #require(names.firstIndex(of: "After"))
        #expect(names[..<firstAfter].allSatisfy { $0 == "Before" })
        // The visit was reset 140 s after its last key, at 141 s; the new pack shows from then on.
        #expect(front.frames[firstAfter].at == Instant(milliseconds: 10_000 + 141_000))
        #expect(names[firstAfter...].allSatisfy { $0 == "After" })
    }

    @Test func withNoPackTheKioskIsOutOfOrderAndTriesAgain() {
        let front = TestFront()
        front.send(.event(.key(.character("n"))), after: 10)
        var attempts = 0
        let tour = waitForPack(front: front, clock: front.clock, every: 30, lines: { ["Out of order."] }) {
            attempts += 1
            return attempts == 3 ? Tour(pack: TestPack.pack) : nil
        }
        #expect(tour != nil)
        #expect(attempts == 3)
        #expect(front.frames.allSatisfy { $0.frame.text.contains("Out of order.") })
        #expect(front.clock.now == Instant(milliseconds: 10_000 + 90_000), "tried every 30 s, a key changing nothing")
    }
}
