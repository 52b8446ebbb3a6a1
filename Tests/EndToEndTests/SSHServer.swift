import Foundation
import Testing

/// A real OpenSSH server on 127.0.0.1, on a free port, for one test: a host key made for it,
/// the built kiosk and the bundled pack installed as docs/operations.md installs them
/// (`bin/museum-kiosk` and `share/museum-kiosk`, under a directory of the test's own, which
/// the tour and guide accounts can read wherever the clone is), and the project's own snippet
/// (deploy/ssh/museum-kiosk.conf) included as an operator includes it, with only its paths
/// changed: that kiosk, and the test's directory for the keys, the group tours and the log.
///
/// It needs what a host needs: root (sshd changes to the visitor's account) and the `tour`
/// and `guide` accounts that deploy/ssh/add-accounts makes. The tests do not make accounts on
/// a developer's machine: .ci/run makes them on CI's fresh one; elsewhere the tests are
/// skipped with the reason printed (in CI, set CI, they fail).
final class SSHServer {
    let directory: String
    let port: Int
    private var daemon: Int32?

    /// What is missing for a real SSH server, if anything.
    static var missing: String? {
        if getuid() != 0 { return "the SSH tests need root, for sshd to log in as tour and guide" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") { return "sshd is not installed (openssh-server)" }
        for tool in ["ssh", "ssh-keygen", "sftp", "scp"] where !Tool.available(tool) { return "\(tool) is not installed (openssh-client)" }
        for account in ["tour", "guide"] where getpwnam(account) == nil {
            return "the \(account) account is missing: run deploy/ssh/add-accounts --open as root"
        }
        if getgrnam("museum-kiosk") == nil { return "the museum-kiosk group is missing: run deploy/ssh/add-accounts --open as root" }
        return nil
    }

    /// A running server; when this machine cannot run one, the test fails in CI and is
    /// cancelled elsewhere, with the reason.
    static func start(sourceLocation: SourceLocation = #_sourceLocation) throws -> SSHServer {
        if let missing { try skip(missing, sourceLocation: sourceLocation) }
        let server = SSHServer()
        guard server.launch() else {
            Issue.record("sshd did not start: \(server.log)", sourceLocation: sourceLocation)
            throw SSHServerError()
        }
        return server
    }

    struct SSHServerError: Error {}

    private init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-ssh-\(UUID().uuidString.prefix(8))").path
        port = Self.freePort()
    }

    deinit {
        stop()
        // rm rather than FileManager: files the accounts made are in it, and sshd may still
        // be writing its log as it ends.
        run("/bin/rm", ["-rf", directory])
    }

    func path(_ name: String) -> String { "\(directory)/\(name)" }

    /// The kiosk as installed for this server.
    var kiosk: String { path("bin/museum-kiosk") }

    /// The runtime directory the kiosks of this server share: unique, so it names them.
    var groups: String { path("groups") }
    var log: String { (try? String(contentsOfFile: path("sshd.log"), encoding: .utf8)) ?? "" }
    var kioskLog: String { (try? String(contentsOfFile: path("logs/kiosk.log"), encoding: .utf8)) ?? "" }

    private static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length)
                return getsockname(descriptor, $0, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func launch() -> Bool {
        let files = FileManager.default
        let group = getgrnam("museum-kiosk").map { $0.pointee.gr_gid } ?? 0
        try? files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        // The group directory as deploy/ssh/add-accounts makes /run/museum-kiosk: the guides'
        // (2710 guide:museum-kiosk), entered by visitors; the logs' folder shared and sticky.
        let guide = getpwnam("guide").map { $0.pointee.pw_uid } ?? 0
        try? files.createDirectory(atPath: path("groups"), withIntermediateDirectories: true)
        chown(path("groups"), guide, group)
        chmod(path("groups"), 0o2710)
        try? files.createDirectory(atPath: path("logs"), withIntermediateDirectories: true)
        chown(path("logs"), 0, group)
        chmod(path("logs"), 0o3770)
        try? files.createDirectory(atPath: path("keys"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try? files.createDirectory(atPath: path("bin"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try? files.createDirectory(atPath: path("share/museum-kiosk"), withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o755])
        guard (try? files.copyItem(atPath: Built.kiosk, toPath: kiosk)) != nil else { return false }
        for content in ["Narratives", "Exhibits", "Messages"] {
            try? files.copyItem(atPath: Built.packageRoot.appendingPathComponent(content).path, toPath: path("share/museum-kiosk/\(content)"))
        }
        run("/bin/chmod", ["-R", "a+rX", path("bin"), path("share")])
        run("/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test host", "-f", path("host")])
        run("/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test guide", "-f", path("guide")])
        try? files.copyItem(atPath: path("guide.pub"), toPath: path("keys/guide"))
        files.createFile(atPath: path("keys/tour"), contents: Data())
        let hostKey = (try? String(contentsOfFile: path("host.pub"), encoding: .utf8))?.split(separator: " ").prefix(2).joined(separator: " ") ?? ""
        try? "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: path("known_hosts"), atomically: true, encoding: .utf8)

        // The snippet as an operator installs it; only its paths change.
        let snippet = (try? String(contentsOfFile: Built.packageRoot.appendingPathComponent("deploy/ssh/museum-kiosk.conf").path, encoding: .utf8)) ?? ""
        let adapted = snippet
            .replacingOccurrences(of: "/usr/bin/museum-kiosk", with: "\(kiosk) --group-dir \(groups) --log \(path("logs/kiosk.log"))")
            .replacingOccurrences(of: "/etc/museum-kiosk/authorized_keys", with: path("keys"))
        try? adapted.write(toFile: path("museum-kiosk.conf"), atomically: true, encoding: .utf8)
        // The rest is what Debian's sshd_config says, for a server of the test's own. The
        // test's files live in /tmp, which StrictModes would refuse as a home for keys.
        let configuration = """
            Include \(path("museum-kiosk.conf"))
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(path("host"))
            PidFile \(path("sshd.pid"))
            UsePAM yes
            KbdInteractiveAuthentication no
            PrintMotd no
            AcceptEnv LANG LC_*
            Subsystem sftp /usr/lib/openssh/sftp-server
            StrictModes no

            """
        try? configuration.write(toFile: path("sshd_config"), atomically: true, encoding: .utf8)
        try? files.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        guard run("/usr/sbin/sshd", ["-f", path("sshd_config"), "-E", path("sshd.log")]).status == 0 else { return false }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path("sshd.pid"), encoding: .utf8),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 {
                daemon = pid
                return true
            }
            usleep(50_000)
        }
        return false
    }

    /// Stops the test's sshd, and only it: the pid is checked to be an sshd with this test's
    /// configuration before it is signalled.
    func stop() {
        guard let daemon, daemon > 1,
              let command = try? String(contentsOfFile: "/proc/\(daemon)/cmdline", encoding: .utf8),
              command.contains("sshd"), command.contains(path("sshd_config")) else { return }
        kill(daemon, SIGTERM)
        self.daemon = nil
        for _ in 0..<100 where !isGone(daemon) { usleep(20_000) }
    }

    /// The client's options: this server only, its host key only, no agent, no prompts.
    func clientOptions(port flag: String = "-p") -> [String] {
        ["-F", "/dev/null", flag, "\(port)", "-o", "UserKnownHostsFile=\(path("known_hosts"))", "-o", "StrictHostKeyChecking=yes",
         "-o", "IdentityAgent=none", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
         // The client's locale goes with it, as a visitor's usually does.
         "-o", "SendEnv=LANG", "-o", "SendEnv=LC_ALL"]
    }

    func identity(for user: String) -> [String] {
        user == "guide" ? ["-i", path("guide"), "-o", "IdentitiesOnly=yes"] : ["-o", "PubkeyAuthentication=no"]
    }

    /// The command line of an interactive login, for a tmux window.
    func login(_ user: String) -> String {
        (["ssh"] + clientOptions() + identity(for: user) + ["-tt", "\(user)@127.0.0.1"]).joined(separator: " ")
    }

    /// Runs the ssh client (or scp, sftp) with this server's options.
    /// With `timeoutSeconds`, the client is stopped then (status 124) if it has not ended.
    func client(_ tool: String, _ user: String, _ arguments: [String], portFlag: String = "-p",
                timeoutSeconds: Int? = nil) -> (status: Int32, output: String, error: String) {
        let command = [tool] + clientOptions(port: portFlag) + identity(for: user) + arguments
        guard let timeoutSeconds else { return run("/usr/bin/env", command) }
        return run("/usr/bin/timeout", ["\(timeoutSeconds)"] + command)
    }

    /// The processes this server's ForceCommand started (the account's shell and the kiosk
    /// in it), found by the runtime directory only they were given.
    var forced: [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard pid > 1, !isGone(pid),
                  let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8) else { return false }
            return command.contains("museum-kiosk") && command.contains(groups)
        }
    }

    /// The kiosks among them.
    var kiosks: [Int32] {
        forced.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\($0)/exe")) == kiosk }
    }

    /// The session processes of this server (one or two per connection), gone when every
    /// connection is.
    var sessions: [Int32] {
        guard let daemon,
              let children = try? String(contentsOfFile: "/proc/\(daemon)/task/\(daemon)/children", encoding: .utf8) else { return [] }
        return children.split(separator: " ").compactMap { Int32($0) }.filter { !isGone($0) }
    }

    /// The account a process runs as.
    func owner(of pid: Int32) -> String? {
        var status = stat()
        guard stat("/proc/\(pid)", &status) == 0, let account = getpwuid(status.st_uid) else { return nil }
        return String(cString: account.pointee.pw_name)
    }
}
