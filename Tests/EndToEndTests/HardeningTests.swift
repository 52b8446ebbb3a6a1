import Foundation
import Testing

/// Issue 11: what one visitor, a hostile pack or a careless step could do to a stand or a
/// server, each tried as an attacker would, against the built binary.
@Suite struct HardeningTests {
    /// Runs the kiosk as `nobody` when the tests run as root (root reads every folder), else as
    /// the tests' own account.
    static func asAnotherAccount(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        guard getuid() == 0 else { return run(Built.kiosk, arguments) }
        return run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Built.kiosk] + arguments)
    }

    /// A small pack in a folder any account may read.
    static func scratchPack() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-harden-\(UUID().uuidString.prefix(8))")
        let pack = base.appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        run("/bin/cp", ["-R", Built.smallPack + "/.", pack.path])
        run("/bin/chmod", ["-R", "a+rX", base.path])
        return pack
    }

    // MARK: - 12. An unreadable folder

    @Test func anUnreadableExhibitFolderIsAnErrorNotZeroErrors() throws {
        let pack = try Self.scratchPack()
        defer { try? FileManager.default.removeItem(at: pack.deletingLastPathComponent()) }
        let folders = try FileManager.default.contentsOfDirectory(atPath: pack.appendingPathComponent("Exhibits").path).sorted()
        let hall = try #require(folders.first)
        let folder = pack.appendingPathComponent("Exhibits/\(hall)").path
        #expect(chmod(folder, 0o000) == 0)
        let result = Self.asAnotherAccount(["validate", pack.path])
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(result.output.contains("\(folder):1: error: folder cannot be read (Permission denied)"), "\(result.output)")
        #expect(!result.error.contains("0 errors"))
    }
}
