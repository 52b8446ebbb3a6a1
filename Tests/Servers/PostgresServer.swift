import Foundation
#if canImport(Testing)
import Testing
#endif

/// A real PostgreSQL server for the tests (the client's, and the book's end to end), of their own: a cluster made with Debian's
/// `initdb` in a temporary directory, on a free port of 127.0.0.1 and a Unix socket in that
/// directory, started once for the whole run and stopped when the test process ends. Its
/// pg_hba.conf and roles are the tests' own, so each way of logging in is tested without
/// touching the machine's own cluster (if it has one): no password to set, no line to add to
/// /etc/postgresql, and nothing left behind.
///
/// It needs Debian's `postgresql` package (initdb, pg_ctl, psql under
/// /usr/lib/postgresql/VERSION/bin) and `openssl` for the TLS certificate. As root, the
/// cluster is made and run as the `postgres` account, which the package creates (PostgreSQL
/// refuses to run as root). Without them the tests fail in CI (CI is set: .ci/run installs
/// them) and are skipped elsewhere, saying why.
public final class PostgresServer: Sendable {
    public let directory: String
    public let port: Int
    /// The superuser, who made the cluster: `postgres` as root, else the user running the tests.
    public let superuser: String
    /// The user running the tests, for peer authentication over the Unix socket.
    public let osUser: String
    private let binaries: String
    private let runAs: String?

    /// Roles and their passwords: each way of logging in has a role of its own.
    public static let scramRole = "kiosk_scram"
    /// Characters a URL must percent-encode, and a quote, in a SCRAM password.
    public static let scramPassword = "pa:ss@w/rd%?#&'1"
    public static let unicodeRole = "kiosk_unicode"
    /// Azerbaijani and Russian letters, as typed (precomposed): see SCRAMClient.
    public static let unicodePassword = "Şəhidlər-Ёлка-2026"
    public static let md5Role = "kiosk_md5"
    public static let md5Password = "md5-secret"
    public static let cleartextRole = "kiosk_clear"
    public static let cleartextPassword = "clear-secret"
    public static let trustRole = "kiosk_trust"
    public static let database = "kiosk_test"

    /// The URL of a TCP connection to the test database.
    public func tcpURL(user: String = scramRole, password: String? = scramPassword, sslmode: String = "disable") -> String {
        let credentials = password.map { "\(encode(user)):\(encode($0))" } ?? encode(user)
        return "postgresql://\(credentials)@127.0.0.1:\(port)/\(Self.database)?sslmode=\(sslmode)"
    }

    /// The URL of a connection over the Unix socket, the directory percent-encoded as a host.
    public func socketURL(user: String) -> String {
        "postgresql://\(encode(user))@\(encode(directory)):\(port)/\(Self.database)"
    }

    private func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    enum SetupFailure: Error { case missing(String), failed(String) }

    private static let shared: Result<PostgresServer, SetupFailure> = {
        let result = Result { () throws(SetupFailure) in try PostgresServer() }
        if case .success = result { atexit { PostgresServer.stopShared() } }
        return result
    }()

    private static func stopShared() {
        if case .success(let server) = shared { server.stop() }
    }

    private init() throws(SetupFailure) {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.compactMap(Int.init).sorted().last(where: {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }) else { throw .missing("PostgreSQL's server is not installed (apt-get install postgresql)") }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw .missing("openssl is not installed, for the test server's certificate (apt-get install openssl)")
        }
        osUser = String(cString: getpwuid(geteuid()).pointee.pw_name)
        if geteuid() == 0 {
            guard getpwnam("postgres") != nil else { throw .missing("the postgres account is missing (apt-get install postgresql)") }
            runAs = "postgres"
            superuser = "postgres"
        } else {
            runAs = nil
            superuser = osUser
        }
        Self.removeLeftovers(binaries: binaries, runAs: runAs)
        var template = Array("/tmp/kiosk-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw .failed("cannot make a temporary directory") }
        directory = String(cString: made)
        port = Self.freePort()
        if let runAs, let account = getpwnam(runAs) { chown(directory, account.pointee.pw_uid, account.pointee.pw_gid) }
        try? "\(getpid())".write(toFile: "\(directory)/owner.pid", atomically: false, encoding: .utf8)
        do throws(SetupFailure) {
            try setUp()
        } catch {
            stop()
            throw error
        }
    }

    private func setUp() throws(SetupFailure) {
        let data = "\(directory)/data"
        try command("\(binaries)/initdb", ["-D", data, "-U", superuser, "-E", "UTF8", "--locale=C", "-A", "trust"], what: "initdb")
        try command("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                         "-keyout", "\(data)/server.key", "-out", "\(data)/server.crt", "-days", "2",
                                         "-subj", "/CN=localhost"], what: "openssl req")
        chmod("\(data)/server.key", 0o600)
        let settings = """

            port = \(port)
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '\(directory)'
            ssl = on
            ssl_cert_file = 'server.crt'
            ssl_key_file = 'server.key'
            password_encryption = 'scram-sha-256'
            max_connections = 40
            shared_buffers = 16MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """
        // Each way of logging in, for its own role; the superuser and the test's own user by
        // peer over the socket.
        let access = """
            local all \(Self.trustRole) trust
            local all all peer
            host all \(Self.md5Role) 127.0.0.1/32 md5
            host all \(Self.cleartextRole) 127.0.0.1/32 password
            host all all 127.0.0.1/32 scram-sha-256

            """
        guard append(settings, to: "\(data)/postgresql.conf"), (try? access.write(toFile: "\(data)/pg_hba.conf", atomically: false, encoding: .utf8)) != nil else {
            throw .failed("cannot write the cluster's configuration")
        }
        try command("\(binaries)/pg_ctl", ["-D", data, "-l", "\(directory)/server.log", "-w", "-t", "60", "start"], what: "pg_ctl start")
        // One statement to each -c: psql runs them in one session, each in a transaction of its own.
        var statements = [
            "CREATE DATABASE \(Self.database)",
            "CREATE ROLE \(Self.scramRole) LOGIN PASSWORD '\(Self.scramPassword.replacingOccurrences(of: "'", with: "''"))'",
            "GRANT pg_signal_backend TO \(Self.scramRole)",
            "CREATE ROLE \(Self.unicodeRole) LOGIN PASSWORD '\(Self.unicodePassword)'",
            "CREATE ROLE \(Self.cleartextRole) LOGIN PASSWORD '\(Self.cleartextPassword)'",
            "CREATE ROLE \(Self.trustRole) LOGIN",
            "SET password_encryption = 'md5'",
            "CREATE ROLE \(Self.md5Role) LOGIN PASSWORD '\(Self.md5Password)'",
        ]
        if osUser != superuser { statements.append("CREATE ROLE \"\(osUser)\" LOGIN") }
        try command("\(binaries)/psql", ["-h", directory, "-p", "\(port)", "-U", superuser, "-d", "postgres", "-X", "-q",
                                         "-v", "ON_ERROR_STOP=1"] + statements.flatMap { ["-c", $0] }, what: "psql (the test roles)")
    }

    /// A new, empty database owned by the SCRAM role, and the URL a kiosk logs in to it with:
    /// a test that makes a schema starts from nothing.
    public func freshDatabase() throws -> String {
        let name = "fresh_\(UUID().uuidString.prefix(8).lowercased())"
        try command("\(binaries)/psql", ["-h", directory, "-p", "\(port)", "-U", superuser, "-d", "postgres", "-X", "-q",
                                         "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name) OWNER \(Self.scramRole)"],
                    what: "psql (a fresh database)")
        return tcpURL().replacingOccurrences(of: "/\(Self.database)?", with: "/\(name)?")
    }

    /// Stops and removes the servers of earlier test runs that ended without stopping theirs
    /// (a crash, a kill): those in a /tmp/kiosk-pg-* directory whose owner.pid names a
    /// process that is gone. Nothing else is touched.
    private static func removeLeftovers(binaries: String, runAs: String?) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []
        for name in names where name.hasPrefix("kiosk-pg-") {
            let directory = "/tmp/\(name)"
            guard let text = try? String(contentsOfFile: "\(directory)/owner.pid", encoding: .utf8),
                  let owner = pid_t(text), owner > 0, kill(owner, 0) != 0, errno == ESRCH else { continue }
            if FileManager.default.fileExists(atPath: "\(directory)/data/postmaster.pid") {
                let (program, arguments) = account(runAs, "\(binaries)/pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "-w", "stop"])
                _ = run(program, arguments, in: "/tmp")
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    func stop() {
        if FileManager.default.fileExists(atPath: "\(directory)/data/postmaster.pid") {
            try? command("\(binaries)/pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "-w", "stop"], what: "pg_ctl stop")
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func append(_ text: String, to path: String) -> Bool {
        guard let handle = FileHandle(forWritingAtPath: path) else { return false }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        return true
    }

    /// Runs a command, as the `postgres` account when the tests run as root.
    private func command(_ executable: String, _ arguments: [String], what: String) throws(SetupFailure) {
        let (program, all) = Self.account(runAs, executable, arguments)
        let (status, output) = run(program, all, in: directory)
        if status != 0 {
            let log = (try? String(contentsOfFile: "\(directory)/server.log", encoding: .utf8)) ?? ""
            throw .failed("\(what) exited with \(status): \(output)\(log.isEmpty ? "" : "\nserver log:\n\(log.suffix(2000))")")
        }
    }

    /// A command as `runAs` (through runuser), or as it is.
    private static func account(_ runAs: String?, _ executable: String, _ arguments: [String]) -> (String, [String]) {
        guard let runAs else { return (executable, arguments) }
        return ("/usr/sbin/runuser", ["-u", runAs, "--", executable] + arguments)
    }

    private static func freePort() -> Int {
        let listener = Listener()
        defer { listener.close() }
        return listener.port
    }
}

/// A socket listening on a free port of 127.0.0.1 that accepts nothing (the kernel completes
/// connections into its backlog): a server that never answers. `accept()` takes one, for a
/// test that answers by hand.
public final class Listener: @unchecked Sendable {
    public let descriptor: Int32
    public let port: Int

    public init() {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
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
        listen(descriptor, 8)
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    public func accept() -> Int32 { Glibc.accept(descriptor, nil, nil) }

    public func close() { Glibc.close(descriptor) }
}


/// Runs a command to its end, its output (both streams) in a file read back. posix_spawn
/// rather than Foundation's Process, as the end-to-end tests do: pg_ctl leaves a daemon
/// behind, which must hold no pipe of ours.
func run(_ executable: String, _ arguments: [String], in directory: String) -> (status: Int32, output: String) {
    let outputPath = "\(directory)/command-\(UUID().uuidString.prefix(8)).out"
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // In the test's directory, which the postgres account can enter wherever the clone is.
    let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { environment.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environment) == 0 else { return (-1, "cannot start \(executable)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exited = status & 0x7F == 0
    return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
}

// What only a test can do with the server: `swift build` builds this target for a release
// too, where the test library is not there.
#if canImport(Testing)
extension PostgresServer {
    /// The running server; without what it needs, the test fails in CI and is cancelled
    /// elsewhere, with the reason.
    public static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> PostgresServer {
        switch shared {
        case .success(let server): return server
        case .failure(.missing(let reason)): try skip(reason, sourceLocation: sourceLocation)
        case .failure(.failed(let reason)):
            Issue.record("the test PostgreSQL server did not start: \(reason)", sourceLocation: sourceLocation)
            throw SetupFailure.failed(reason)
        }
    }
}

/// Stops a test that cannot run here: a failure in CI, where .ci/run must provide what it
/// needs; elsewhere the test is cancelled, and the reason printed.
func skip(_ reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Never {
    if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("\(reason), and CI is set: .ci/run must provide it", sourceLocation: sourceLocation)
        throw SkippedInCI()
    }
    print("skipping: \(reason) (CI would fail here)")
    try Test.cancel("skipped: \(reason) (CI would fail here)", sourceLocation: sourceLocation)
}

struct SkippedInCI: Error {}
#endif
