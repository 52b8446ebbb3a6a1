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
        guard let pack = PackLoader(directory: path("small")).load().pack else {
            fatalError("the small test pack does not load; run: swift run museum-kiosk validate \(path("small"))")
        }
        return pack
    }()

    static let tour = Tour(pack: small)

    static let standard = TerminalSize(columns: 80, rows: 24)
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
