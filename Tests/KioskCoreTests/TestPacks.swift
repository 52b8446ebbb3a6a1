import Foundation
@testable import KioskCore

/// The packs the tests read, beside this file.
enum TestPacks {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Packs")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

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
