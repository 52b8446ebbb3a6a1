import Foundation
import KioskPostgres
import KioskTestServers
import Testing

/// The client against a real PostgreSQL server (PostgresServer): each way of logging in, TLS,
/// text in the museum's languages, NULLs, errors, and a server that goes away or never answers.
@Suite struct ServerTests {
    @Test func trustOverTheUnixSocket() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.socketURL(user: PostgresServer.trustRole))
        defer { connection.close() }
        let result = try connection.query("SELECT current_user, 1 + 1 AS two")
        #expect(result.columns == ["current_user", "two"])
        #expect(result.rows == [[PostgresServer.trustRole, "2"]])
        #expect(result.commandTag == "SELECT 1")
    }

    @Test func peerOverTheUnixSocketNamedAsAParameter() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: "postgresql:///\(PostgresServer.database)?host=\(server.directory)&port=\(server.port)&user=\(server.osUser)")
        defer { connection.close() }
        #expect(try connection.query("SELECT current_user").rows == [[server.osUser]])
    }

    @Test func scramOverTCPWithAPasswordTheURLMustEncode() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.tcpURL())
        defer { connection.close() }
        // (pg_hba.conf says scram-sha-256 for this role over TCP: no other method can log it in.)
        let result = try connection.query("SELECT current_user, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid())")
        #expect(result.rows.first?.first == PostgresServer.scramRole)
        #expect(result.rows.first?[1] == "f")
    }

    @Test func localhostNeedsNoLookup() throws {
        let server = try PostgresServer.require()
        let url = server.tcpURL().replacingOccurrences(of: "@127.0.0.1:", with: "@localhost:")
        let connection = try PostgresConnection(url: url)
        defer { connection.close() }
        #expect(try connection.query("SELECT inet_client_addr()").rows == [["127.0.0.1"]])
    }

    @Test func scramWithAzerbaijaniAndRussianLettersInThePassword() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.tcpURL(user: PostgresServer.unicodeRole, password: PostgresServer.unicodePassword))
        defer { connection.close() }
        #expect(try connection.query("SELECT current_user").rows == [[PostgresServer.unicodeRole]])
    }

    @Test func md5AndCleartextPasswords() throws {
        let server = try PostgresServer.require()
        for (role, password) in [(PostgresServer.md5Role, PostgresServer.md5Password),
                                 (PostgresServer.cleartextRole, PostgresServer.cleartextPassword)] {
            let connection = try PostgresConnection(url: server.tcpURL(user: role, password: password))
            #expect(try connection.query("SELECT current_user").rows == [[role]])
            connection.close()
            #expect(!connection.isOpen)
        }
    }

    @Test(arguments: ["require", "prefer"])
    func tlsWhenTheURLAsksForIt(sslmode: String) throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.tcpURL(sslmode: sslmode))
        defer { connection.close() }
        let result = try connection.query("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        #expect(result.rows.first?.first == "t")
        #expect(result.rows.first?[1]?.hasPrefix("TLSv1.") == true)
        // Enough bytes to cross many TLS records both ways.
        let long = String(repeating: "Xocalı soyqırımı — Ходжалинская трагедия. ", count: 2_000)
        #expect(try connection.query("SELECT $1::text", [long]).rows == [[long]])
    }

    @Test func textInTheMuseumsLanguagesRoundTripsByteForByte() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.tcpURL())
        defer { connection.close() }
        let texts = [
            "Xocalı soyqırımı qurbanlarının xatirəsinə",  // Azerbaijani
            "Əbədi xatirə: Şuşa, Ağdam, Qubadlı — ğ ı İ ö ü ç ş ə",
            "Вечная память жертвам Ходжалинской трагедии «ёЁ»",
            "It's \"quoted\" -- and ; DROP TABLE book; --",
            "tab\tnew line\nbackslash \\ dollar $1 percent %",
            "",
            "🕯️ 🌷",
        ]
        try connection.execute("CREATE TEMPORARY TABLE book (id serial PRIMARY KEY, words text, signed text)")
        for text in texts {
            let inserted = try connection.query("INSERT INTO book (words, signed) VALUES ($1, $2)", [text, nil])
            #expect(inserted.commandTag == "INSERT 0 1")
        }
        let read = try connection.query("SELECT words, signed, octet_length(words) FROM book ORDER BY id")
        #expect(read.rows.count == texts.count)
        for (row, text) in zip(read.rows, texts) {
            #expect(row[0].map { Array($0.utf8) } == Array(text.utf8))
            #expect(row[1] == nil)
            #expect(row[2] == String(text.utf8.count))
        }
        let echoed = try connection.query("SELECT $1::text, $2::text, $3::text IS NULL", [texts[0], texts[2], nil])
        #expect(echoed.rows == [[texts[0], texts[2], "t"]])
    }

    @Test func anSQLErrorLeavesTheConnectionUsable() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.tcpURL())
        defer { connection.close() }
        #expect {
            try connection.query("SELECT * FROM no_such_table WHERE id = $1", ["1"])
        } throws: { error in
            let error = error as? PostgresError
            return error?.sqlState == "42P01" && error?.connectionLost == false && error?.message.contains("no_such_table") == true
        }
        #expect(try connection.query("SELECT 1").rows == [["1"]])
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1; SELEKT 2; SELECT 3") }
        #expect(throws: PostgresError.self) { try connection.query("SELECT $1::int", ["not a number"]) }
        // In a transaction, an error aborts it until the rollback.
        try connection.execute("BEGIN")
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1 / 0") }
        #expect { try connection.query("SELECT 1") } throws: { ($0 as? PostgresError)?.sqlState == "25P02" }
        try connection.execute("ROLLBACK")
        #expect(try connection.query("SELECT 2").rows == [["2"]])
        #expect(connection.isOpen)
    }

    @Test func statementsWithoutRowsAndEmptyOnes() throws {
        let server = try PostgresServer.require()
        let connection = try PostgresConnection(url: server.tcpURL())
        defer { connection.close() }
        try connection.execute("CREATE TEMPORARY TABLE t (n int); INSERT INTO t VALUES (1), (2); UPDATE t SET n = n + 1")
        #expect(try connection.query("UPDATE t SET n = n + 1").commandTag == "UPDATE 2")
        #expect(try connection.query("SELECT n FROM t WHERE n > 100") == PostgresResult(columns: ["n"], rows: [], commandTag: "SELECT 0"))
        #expect(try connection.query("").commandTag == "")
        try connection.execute("")
        // COPY is not spoken, but it does not hang or break the connection.
        try connection.execute("COPY t TO STDOUT")
        #expect(throws: PostgresError.self) { try connection.execute("COPY t FROM STDIN") }
        #expect(throws: PostgresError.self) { try connection.query("COPY t FROM STDIN") }
        #expect(try connection.query("SELECT count(*) FROM generate_series(1, 100000)").rows == [["100000"]])
        #expect(try connection.query("SELECT g FROM generate_series(1, 20000) g").rows.count == 20_000)
    }

    @Test func aWrongPasswordSaysSoWithoutThePassword() throws {
        let server = try PostgresServer.require()
        let wrong = "Wr0ng-Şifrə-Пароль"
        for role in [PostgresServer.scramRole, PostgresServer.md5Role, PostgresServer.cleartextRole] {
            #expect {
                try PostgresConnection(url: server.tcpURL(user: role, password: wrong))
            } throws: { error in
                guard let error = error as? PostgresError else { return false }
                let text = "\(error) \(error.message) \(error.detail ?? "")"
                return error.sqlState == "28P01" && !error.connectionLost && text.contains("password authentication failed")
                    && !text.contains(wrong) && !text.contains("Wr0ng")
            }
        }
        #expect {
            try PostgresConnection(url: "postgresql://\(PostgresServer.scramRole)@127.0.0.1:\(server.port)/\(PostgresServer.database)?sslmode=disable")
        } throws: { "\($0)".contains("has none") }
    }

    @Test func aServerThatEndsTheSessionMidQueryLosesTheConnection() throws {
        let server = try PostgresServer.require()
        let victim = try PostgresConnection(url: server.tcpURL(), timeoutSeconds: 20)
        let killer = try PostgresConnection(url: server.tcpURL())
        defer { killer.close() }
        let pid = try #require(try victim.query("SELECT pg_backend_pid()").rows.first?.first ?? nil)
        let outcome = Outcome()
        nonisolated(unsafe) let asleep = victim  // used by the thread alone until it ends
        let thread = Thread {
            do {
                _ = try asleep.query("SELECT pg_sleep(15)")
                outcome.set(nil)
            } catch {
                outcome.set(error)
            }
        }
        thread.start()
        // Wait until the victim is asleep, then end its backend.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let state = try killer.query("SELECT wait_event FROM pg_stat_activity WHERE pid = $1", [pid]).rows.first?.first ?? nil
            if state == "PgSleep" { break }
            usleep(20_000)
        }
        #expect(try killer.query("SELECT pg_terminate_backend($1)", [pid]).rows == [["t"]])
        let error = try #require(outcome.wait(seconds: 10) as? PostgresError)
        #expect(error.connectionLost)
        #expect(error.sqlState == "57P01")
        #expect(!victim.isOpen)
        #expect { try victim.query("SELECT 1") } throws: { ($0 as? PostgresError)?.connectionLost == true }
    }

    @Test func aQueryThatOutlastsTheTimeoutLosesTheConnection() throws {
        let server = try PostgresServer.require()
        // connect_timeout gives the start all the time a loaded machine may need; the query has 0.5 s.
        let connection = try PostgresConnection(url: server.tcpURL() + "&connect_timeout=30", timeoutSeconds: 0.5)
        let started = Date()
        #expect {
            try connection.query("SELECT pg_sleep(5)")
        } throws: { error in
            (error as? PostgresError)?.connectionLost == true && "\(error)".contains("did not answer within 0.5 s")
        }
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(!connection.isOpen)
    }
}

/// Servers that are not PostgreSQL: these need no real one.
@Suite struct SilentServerTests {
    @Test(arguments: ["disable", "prefer"])
    func aServerThatNeverAnswersTimesOut(sslmode: String) {
        let listener = Listener()
        defer { listener.close() }
        let started = Date()
        #expect {
            try PostgresConnection(url: "postgresql://kiosk@127.0.0.1:\(listener.port)/book?sslmode=\(sslmode)", timeoutSeconds: 0.5)
        } throws: { error in
            (error as? PostgresError)?.connectionLost == true && "\(error)".contains("did not answer within 0.5 s")
        }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func connectTimeoutInTheURLBoundsTheStart() {
        let listener = Listener()
        defer { listener.close() }
        let started = Date()
        #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "postgresql://kiosk@127.0.0.1:\(listener.port)/book?connect_timeout=2", timeoutSeconds: 30)
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 1.9 && elapsed < 5)
    }

    @Test func requireFailsWhenTheServerHasNoTLS() throws {
        let listener = Listener()
        defer { listener.close() }
        let answered = Thread {
            let client = listener.accept()
            var request = [UInt8](repeating: 0, count: 8)
            _ = recv(client, &request, 8, Int32(MSG_WAITALL))
            _ = send(client, "N", 1, Int32(MSG_NOSIGNAL))
            usleep(500_000)
            close(client)
        }
        answered.start()
        #expect {
            try PostgresConnection(url: "postgresql://kiosk@127.0.0.1:\(listener.port)/book?sslmode=require", timeoutSeconds: 5)
        } throws: { error in
            (error as? PostgresError)?.connectionLost == false && "\(error)".contains("sslmode=require")
        }
    }

    @Test func nobodyListeningIsALostConnection() {
        let listener = Listener()
        let port = listener.port
        listener.close()
        #expect {
            try PostgresConnection(url: "postgresql://kiosk:secret@127.0.0.1:\(port)/book", timeoutSeconds: 2)
        } throws: { error in
            (error as? PostgresError)?.connectionLost == true && "\(error)".contains("refused") && !"\(error)".contains("secret")
        }
    }
}

/// What a thread's query ended with, handed to the test's thread.
final class Outcome: @unchecked Sendable {
    private let condition = NSCondition()
    private var done = false
    private var error: Error?

    func set(_ error: Error?) {
        condition.lock()
        self.error = error
        done = true
        condition.signal()
        condition.unlock()
    }

    func wait(seconds: Double) -> Error? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !done && condition.wait(until: deadline) {}
        return error
    }
}
