import Foundation
@testable import KioskCore

/// The packs the tests read, beside this file.
enum TestPacks {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Packs")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The pack the kiosk ships with, at the top of the repository.
    static let bundled = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Three halls in a row; the entrance and the archive hold exhibits.
    static let small: Pack = {
        guard let pack = PackLoader(directory: path("small"), kioskWords: bundled).load().pack else {
            fatalError("the small test pack does not load; run: swift run museum-kiosk validate \(path("small"))")
        }
        return pack
    }()

    static let tour = Tour(pack: small)

    /// Four halls and three tours over them (the whole floor, a short one in its own order,
    /// one for young visitors), a name table, exhibits marked for adults.
    static let tours: Pack = {
        guard let pack = PackLoader(directory: path("tours"), kioskWords: bundled).load().pack else {
            fatalError("the tours test pack does not load; run: swift run museum-kiosk validate \(path("tours"))")
        }
        return pack
    }()

    /// The pack the kiosk ships with.
    static let bundledPack: Pack = {
        guard let pack = PackLoader(directory: bundled, kioskWords: bundled).load().pack else {
            fatalError("the bundled pack does not load; run: swift run museum-kiosk validate")
        }
        return pack
    }()

    static let standard = TerminalSize(columns: 80, rows: 24)

    /// A session of `tour` started at `at(0)` on the fake clock; what it asks of the runtime
    /// is left undone.
    static func started(_ tour: Tour = tour, language: String?, size: TerminalSize = standard,
                        config: Tour.SessionStart = Tour.SessionStart()) -> TourState {
        var config = config
        config.language = language
        return tour.start(now: at(0), size: size, config: config).state
    }

    /// The packs in a folder of the corpus (`broken`, `hostile`), by name.
    static func corpus(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path(folder)).sorted()) ?? []
    }

    /// Loads the pack at `relative` and gives what `validate` prints for it, paths relative to
    /// the pack, then its exit status; and what its `expected.txt` says it must be.
    static func findings(of relative: String) throws -> (result: PackLoadResult, printed: [String], expected: [String]) {
        let directory = path(relative)
        let result = PackLoader(directory: directory, kioskWords: bundled).load()
        let printed = result.sortedFindings.map { $0.description.replacing(directory + "/", with: "") }
            + ["exit: \(result.exitStatus)"]
        let expected = try String(contentsOfFile: directory + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        return (result, printed, expected)
    }
}

/// A copy of a test pack in a temporary folder, to change for one test.
enum TemporaryPack {
    static func copy(of name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("museum-kiosk-\(name)-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: TestPacks.path(name), toPath: directory)
        return directory
    }

    static func remove(_ directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
