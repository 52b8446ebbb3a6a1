import Foundation
import Testing

/// deploy/: the systemd unit that runs the kiosk on tty1.
@Suite struct DeployTests {
    static let unit = Built.packageRoot.appendingPathComponent("deploy/museum-kiosk.service").path

    /// `systemd-analyze verify` on the unit, installed in a root of its own beside a copy of
    /// this machine's system units, with stand-ins at the kiosk's path and its font script's
    /// (verify checks that a program exists, not what it is). Any warning fails the test, not
    /// only an error.
    @Test func systemdAcceptsTheUnitWithoutAWarning() throws {
        try Tool.require("systemd-analyze")
        let files = FileManager.default
        let root = files.temporaryDirectory.appendingPathComponent("kiosk-root-\(UUID().uuidString)")
        defer { try? files.removeItem(at: root) }
        for folder in ["etc/systemd/system", "usr/bin", "usr/libexec/museum-kiosk", "usr/lib/systemd"] {
            try files.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // A copy, not a link: the units' own links are absolute and resolved inside the root.
        let copied = run("/bin/cp", ["-a", "/usr/lib/systemd/system", root.appendingPathComponent("usr/lib/systemd").path])
        try #require(copied.status == 0, "no system units to verify against: \(copied.error)")
        for unit in ["museum-kiosk.service", "museum-kiosk-book-retention.service", "museum-kiosk-book-retention.timer"] {
            try files.copyItem(atPath: Built.packageRoot.appendingPathComponent("deploy/" + unit).path,
                               toPath: root.appendingPathComponent("etc/systemd/system/" + unit).path)
        }
        for program in ["usr/bin/museum-kiosk", "usr/libexec/museum-kiosk/console-font"].map(root.appendingPathComponent) {
            try "#!/bin/sh\n".write(to: program, atomically: true, encoding: .utf8)
            chmod(program.path, 0o755)
        }

        // The manual page Documentation= names comes with the package, whose check
        // (scripts/check-deb) looks for it.
        let result = run("/usr/bin/env", ["systemd-analyze", "verify", "--man=no", "--root=\(root.path)", "museum-kiosk.service",
                                          "museum-kiosk-book-retention.service", "museum-kiosk-book-retention.timer"])
        #expect(result.status == 0)
        #expect(result.output.isEmpty && result.error.isEmpty, "systemd-analyze said:\n\(result.output)\(result.error)")
    }

    @Test func theUnitRunsAKioskOnTty1AndRestartsItButNotAfterTheStaffExit() throws {
        let text = try String(contentsOfFile: Self.unit, encoding: .utf8)
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in ["TTYPath=/dev/tty1", "Restart=always", "StartLimitIntervalSec=0", "RestartPreventExitStatus=10",
                     "SuccessExitStatus=10", "Conflicts=getty@tty1.service rescue.service"] {
            #expect(lines.contains(line), "\(line)")
        }
    }

    /// Every option the unit gives the kiosk is one it has.
    @Test func theUnitsOptionsAreTheKiosks() throws {
        let text = try String(contentsOfFile: Self.unit, encoding: .utf8)
        let start = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let options = start.split(separator: " ").filter { $0.hasPrefix("--") }
        #expect(options.contains("--kiosk"))
        let help = run(Built.kiosk, ["run", "--help"]).output
        for option in options {
            #expect(help.contains(option + " ") || help.contains(option + "\n"), "\(option)")
        }
    }
}
