import Foundation
import KioskBook
import KioskCore
import KioskPostgres
import Synchronization
import KioskTestServers
import Testing

/// The book of remembrance in PostgreSQL, as several stands and an SSH host share it.
@Suite(.serialized) struct BookOnPostgresTests {
    @Test func twoStandsShareOneBookAndItsDecisions() throws {
        let url = try PostgresServer.require().freshDatabase()
        let first = try Book(connection: try PostgresBookConnection(url: url))
        let second = try Book(connection: try PostgresBookConnection(url: url))
        let id = try first.add(BookSubmission(words: "Xocalı qurbanlarının xatirəsinə", name: "Aysel", language: "az"),
                               stand: "hall-4", front: "stand", at: 1_796_400_000)
        #expect(try second.entries(status: .new).map(\.words) == ["Xocalı qurbanlarının xatirəsinə"])
        #expect(try second.decide(.approve, entry: id, reason: "", by: "amina", at: 1_796_400_100))
        #expect(try first.approved(offset: 0, limit: 5).map(\.id) == [id])
        #expect(try first.decisions(entry: id).map(\.decidedBy) == ["amina"])
        #expect(try first.check() == ["ok"])
        #expect(try first.counts() == [.approved: 1])
    }

    @Test func kiosksStartingTogetherMakeTheSchemaOnce() throws {
        let url = try PostgresServer.require().freshDatabase()
        let opened = Mutex<[Result<Void, BookError>]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let result = Result { () throws(BookError) in _ = try Book(connection: try PostgresBookConnection(url: url)) }
            opened.withLock { $0.append(result) }
        }
        #expect(opened.withLock { $0.allSatisfy { if case .success = $0 { true } else { false } } })
        let connection = try PostgresConnection(url: url)
        #expect(try connection.query("SELECT version FROM book_schema").rows == [["3"]])
    }

    @Test func aDatabaseANewerKioskMadeIsLeftAlone() throws {
        let url = try PostgresServer.require().freshDatabase()
        _ = try Book(connection: try PostgresBookConnection(url: url))
        let connection = try PostgresConnection(url: url)
        try connection.execute("UPDATE book_schema SET version = 7")
        #expect(performing: { try Book(connection: try PostgresBookConnection(url: url)) },
                throws: { ($0 as? BookError)?.kind == .newerSchema })
        #expect(try connection.query("SELECT version FROM book_schema").rows == [["7"]])
    }

    @Test func aServerThatIsNotThereIsUnavailableNotAMistake() throws {
        let server = try PostgresServer.require()
        let closedPort = server.tcpURL().replacingOccurrences(of: ":\(server.port)/", with: ":1/")
        #expect(performing: { try PostgresBookConnection(url: closedPort, timeoutSeconds: 2) },
                throws: { ($0 as? BookError)?.kind == .unavailable && !"\($0)".contains(PostgresServer.scramPassword) })
    }
}
