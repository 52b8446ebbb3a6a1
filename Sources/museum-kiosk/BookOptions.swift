import ArgumentParser
import Glibc
import KioskBook
import KioskRuntime
import KioskStatistics
import Logging

/// Where the book of remembrance is kept, and the visit statistics with it: an SQLite file in a
/// folder (`--data`), or a PostgreSQL database several stands share (`--database`). The kiosk,
/// `museum-kiosk book` and `museum-kiosk report` find it the same way.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Keep the book of remembrance in this folder (an SQLite file, book.sqlite). Default: none on a stand or over SSH; $XDG_DATA_HOME/museum-kiosk (or ~/.local/share/museum-kiosk) elsewhere.",
        valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(
        "Keep the book in a PostgreSQL database several stands share: a postgresql:// address, or a file that holds one.",
        valueName: "URL|FILE"))
    var database: String?

    @Flag(name: .customLong("no-book"), help: "Keep no book of remembrance.")
    var noBook = false

    func validate() throws {
        if data != nil, database != nil { throw ValidationError("--data and --database: the book is kept in one place") }
        if noBook, data != nil || database != nil { throw ValidationError("--no-book keeps no book; leave out --data and --database") }
    }

    /// Where a stand keeps its book (the unit's --data): the kiosk's own state folder.
    static let standFolder = "/var/lib/museum-kiosk-stand"

    /// The book staff work on: the one named, else the stand's where there is one, else the
    /// user's own (a laptop).
    func staffLocation(environment: [String: String]) -> BookLocation {
        if let database { return .postgresql(database) }
        if let data { return .sqlite(folder: data) }
        if access(Self.sqliteFile(in: Self.standFolder), F_OK) == 0 { return .sqlite(folder: Self.standFolder) }
        return location(standing: false, environment: environment) ?? .sqlite(folder: Self.standFolder)
    }

    /// The SQLite file of a folder.
    static func sqliteFile(in folder: String) -> String { folder + "/book.sqlite" }

    /// Where the book is for a session; nil where none is kept.
    func location(standing: Bool, environment: [String: String]) -> BookLocation? {
        noBook ? nil : database(standing: standing, environment: environment)
    }

    /// Where the database is for a session, the book kept in it or not (`--no-book`): given,
    /// or, for a visitor's own laptop, the user's data folder; nil where there is none.
    func database(standing: Bool, environment: [String: String]) -> BookLocation? {
        if let database { return .postgresql(database) }
        if let data { return .sqlite(folder: data) }
        // A stand and an SSH host keep their book where the operator says, never by chance.
        guard !standing, environment["SSH_CONNECTION"] == nil else { return nil }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") { return .sqlite(folder: dataHome + "/museum-kiosk") }
        if let home = environment["HOME"], home.hasPrefix("/"), home != "/" { return .sqlite(folder: home + "/.local/share/museum-kiosk") }
        return nil
    }
}

/// Where a book is kept.
enum BookLocation {
    case sqlite(folder: String)
    case postgresql(String)

    /// Opens the book, its folder made if need be; the error says where and why.
    func open() throws(BookError) -> Book { try Book(connection: try connect()) }

    /// Opens the visit statistics, in the same database. `answerSeconds`: how long a PostgreSQL
    /// server may take to answer a statement (the report's, over a year, take longer than a
    /// visitor's page may wait).
    func openStatistics(answerSeconds: Double = 5) throws(BookError) -> VisitStatistics {
        try VisitStatistics(connection: try connect(answerSeconds: answerSeconds))
    }

    private func connect(answerSeconds: Double = 5) throws(BookError) -> SQLConnection {
        switch self {
        case .sqlite(let folder):
            try Self.makeFolder(folder)
            return try SQLiteConnection(path: BookOptions.sqliteFile(in: folder))
        case .postgresql(let given):
            return try PostgresBookConnection(url: try Self.address(given), timeoutSeconds: answerSeconds)
        }
    }

    /// The database's address: given, or read from the file given, whose first line it is
    /// (so the password is on no command line, where `ps` would show it).
    static func address(_ given: String) throws(BookError) -> String {
        if given.hasPrefix("postgresql://") || given.hasPrefix("postgres://") { return given }
        let descriptor = Glibc.open(given, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw BookError(.unavailable, "cannot read the book's database address from \(given): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &bytes, bytes.count)
        let line = String(decoding: bytes[..<max(0, count)], as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard line.hasPrefix("postgresql://") || line.hasPrefix("postgres://") else {
            throw BookError(.unavailable, "\(given) does not hold a postgresql:// address on its first line")
        }
        return line
    }

    /// The folder and those above it, private to the kiosk's account: visitors' words wait
    /// there for staff.
    private static func makeFolder(_ folder: String) throws(BookError) {
        var path = ""
        for part in folder.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw BookError(.unavailable, "cannot make the book's folder \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A book for one session: the runtime asks it, its queue opens the database when first
    /// needed, and what fails is said in the journal.
    func service(stand: String, front: String, clock: Clock) -> BookService {
        let logger = Logger(label: "museum-kiosk.book")
        return BookService(stand: stand, front: front, open: open, now: { [clock] in clock.wall.unixSeconds },
                           report: { logger.error("\($0)") })
    }

    /// The visit statistics for one session, kept by their queue; what fails is said in the
    /// journal.
    func statisticsService() -> StatisticsService {
        let logger = Logger(label: "museum-kiosk.statistics")
        return StatisticsService(open: { () throws(BookError) in try openStatistics() }, report: { logger.error("\($0)") })
    }
}
