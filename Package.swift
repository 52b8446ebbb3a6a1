// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "museum-kiosk",
    products: [
        .executable(name: "museum-kiosk", targets: ["museum-kiosk"]),
    ],
    dependencies: [
        // The command line: subcommands, --help and --version done the standard way.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Random visitors: seeded generators of keys and resizes, and shrinking of a failing
        // walk to its shortest form, for the property test.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // Golden frames: recorded text files, a diff on failure, a switch to re-record.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        // Logging for the group tours' sockets: a dropped message is logged, never shown, and
        // the operator chooses where logs go (the system log, or a file).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // libyaml, the C YAML parser, for tour.yaml and front matter: KioskCore composes its
        // events into nodes with lines and columns. Used directly rather than through Yams,
        // which links all of Foundation and ICU into the binary (docs/performance.md).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The ncurses shim. Only KioskTerminal may depend on it.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libxcrypt, the system's password hashing (Debian's, for /etc/shadow), for the staff
        // PIN's salted yescrypt hash: a well-kept implementation, never our own. Only KioskStaff
        // may depend on it.
        .systemLibrary(
            name: "CCrypt",
            pkgConfig: "libxcrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        // SQLite, the system's, for the book of remembrance on one stand: a file in WAL mode,
        // synced at each commit. Used directly rather than through GRDB, which links all of
        // Foundation into the binary (docs/performance.md: what each costs).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // OpenSSL's libssl and libcrypto, Debian's (libssl.a and libcrypto.a are linked into the
        // static release): TLS and the hashes of PostgreSQL's authentication (SCRAM-SHA-256's
        // PBKDF2, HMAC and SHA-256, MD5, random nonces) for KioskPostgres, never our own
        // cryptography. Measured in a static probe (docs/performance.md, "PostgreSQL client: what
        // it costs"): 3.4 MB of code and data, 4.4 MB more binary stripped, 5.5 MB unstripped;
        // a connection's peak RSS 2.2 MB more for SCRAM's code pages, 0.9 MB more with TLS; a
        // stand that opens no database touches none of it. Only KioskPostgres may depend on it.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Pure core: the content pack (model, loader, validator) and the tour state machine.
        .target(name: "KioskCore", dependencies: ["CYAML"]),
        // Pure view: a tour state and a terminal size become a frame of cells.
        .target(name: "KioskView", dependencies: ["KioskCore"]),
        // Group tours, pure: the messages between kiosks (versioned, size-limited, checked)
        // and the guide's tally.
        .target(name: "KioskGroup", dependencies: ["KioskCore"]),
        // Group tours on local sockets in the runtime directory shared by the kiosk's accounts.
        .target(name: "KioskGroupLink", dependencies: [
            "KioskCore", "KioskGroup", .product(name: "Logging", package: "swift-log"),
        ]),
        // The book of remembrance in its database: the schema and its migrations, the
        // visitors' entries and staff's decisions, over SQLite or PostgreSQL.
        .target(name: "KioskBook", dependencies: ["KioskCore", "CSQLite", "KioskPostgres"]),
        // The visit statistics in the book's database: the events as kept, the queue that keeps
        // the loop free of them, and the report staff read.
        .target(name: "KioskStatistics", dependencies: ["KioskCore", "KioskBook"]),
        // What staff configure: the configuration file and the staff PIN's salted hash.
        .target(name: "KioskStaff", dependencies: ["CCrypt", "KioskCore"]),
        // The one loop every front runs a session with, the fronts' protocol, the line-by-line
        // front, the clocks, the effect runner (group link, staff PIN), the recorder of visits,
        // and the log handler.
        .target(name: "KioskRuntime", dependencies: [
            "KioskCore", "KioskView", "KioskGroupLink", "KioskBook", "KioskStatistics", .product(name: "Logging", package: "swift-log"),
        ]),
        // The only module that touches the terminal: the ncurses front.
        .target(name: "KioskTerminal", dependencies: ["KioskCore", "KioskView", "KioskRuntime", "CNCursesW"]),
        // The pack as plain linked HTML pages: a web or lynx edition of the tour.
        .target(name: "KioskExport", dependencies: ["KioskCore"]),
        // A small PostgreSQL client of our own (protocol 3.0, blocking, every wait bounded), for a
        // book of remembrance several stands share (issue 16). libpq cannot be linked into a
        // static binary on Debian (no static Kerberos), and postgres-nio brings all of Foundation
        // with ICU, SwiftNIO and BoringSSL: a 134 MB probe against our 15 MB, 21 MB of RSS
        // against 7 (docs/performance.md). Its own code is 0.1 MB; it builds in seconds.
        .target(name: "KioskPostgres", dependencies: ["COpenSSL"]),
        // The thin executable: arguments, loading the pack, choosing the front, wiring.
        .executableTarget(
            name: "museum-kiosk",
            dependencies: [
                "KioskCore", "KioskRuntime", "KioskTerminal", "KioskStaff", "KioskGroupLink", "KioskExport", "KioskStatistics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Measurements inside one process (loading, one key); Benchmarks/run.py drives it.
        .executableTarget(
            name: "kiosk-bench",
            dependencies: ["KioskCore", "KioskView", "KioskRuntime", "KioskTerminal", "KioskBook", "KioskStatistics"],
            path: "Benchmarks/kiosk-bench"
        ),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"], exclude: ["Packs"]),
        .testTarget(
            name: "KioskViewTests",
            dependencies: [
                "KioskCore", "KioskView",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "KioskExportTests",
            dependencies: [
                "KioskCore", "KioskExport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "KioskGroupTests", dependencies: [
            "KioskCore", "KioskGroup", "KioskGroupLink", "KioskRuntime", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(
            name: "KioskTerminalTests",
            dependencies: [
                "KioskTerminal", "KioskCore", "KioskView", "KioskRuntime", "CNCursesW",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // Random visitors: a seeded walk of keys and resizes, invariants checked at each step.
        .testTarget(
            name: "RandomVisitorTests",
            dependencies: [
                "KioskCore", "KioskView",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "KioskStaffTests", dependencies: ["KioskStaff", "KioskCore"]),
        // The book against real databases: SQLite files, and PostgreSQL where a server runs.
        .testTarget(name: "KioskBookTests", dependencies: ["KioskBook", "KioskCore"]),
        // The visit statistics in SQLite files, and the report's golden text.
        .testTarget(
            name: "KioskStatisticsTests",
            dependencies: [
                "KioskStatistics", "KioskBook", "KioskCore",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // Whole sessions through the runtime's loop, with a test front and a test clock.
        .testTarget(name: "KioskRuntimeTests", dependencies: [
            "KioskCore", "KioskView", "KioskRuntime", "KioskGroupLink", "KioskBook", "KioskStatistics",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The servers the tests run against, made by the tests themselves: PostgreSQL with
        // initdb on a free port (a library for the test targets, never linked into the kiosk).
        .target(name: "KioskTestServers", path: "Tests/Servers"),
        // Against a real PostgreSQL server the tests start themselves: the client, and the book
        // of remembrance on it.
        .testTarget(name: "KioskPostgresTests", dependencies: ["KioskPostgres", "KioskBook", "KioskCore", "KioskStatistics", "KioskTestServers"]),
        // Runs the built binary in tmux; `swift test` builds it first.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["KioskCore", "KioskTestServers", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
