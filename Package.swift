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
        // YAML for tour.yaml and front matter, with the line and column of every node.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Golden frames: recorded text files, a diff on failure, a switch to re-record.
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        // Logging for the group tours' sockets: a dropped message is logged, never shown, and
        // the operator chooses where logs go (the system log, or a file).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        // The staff PIN's salted hash (scrypt): a well-kept implementation, never our own.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        // The ncurses shim. Only KioskTerminal may depend on it.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Pure core: the content pack (model, loader, validator) and the tour state machine.
        .target(name: "KioskCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Pure view: a tour state and a terminal size become a frame of cells.
        .target(name: "KioskView", dependencies: ["KioskCore"]),
        // Group tours, pure: the messages between kiosks (versioned, size-limited, checked)
        // and the guide's tally.
        .target(name: "KioskGroup", dependencies: ["KioskCore"]),
        // Group tours on local sockets in the runtime directory shared by the kiosk's accounts.
        .target(name: "KioskGroupLink", dependencies: [
            "KioskCore", "KioskGroup", .product(name: "Logging", package: "swift-log"),
        ]),
        // What staff configure: the configuration file and the staff PIN's salted hash.
        .target(name: "KioskStaff", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
        // The only module that touches the terminal.
        .target(name: "KioskTerminal", dependencies: ["KioskCore", "KioskView", "CNCursesW"]),
        // The thin executable: arguments, loading the pack, the loop.
        .executableTarget(
            name: "museum-kiosk",
            dependencies: [
                "KioskCore", "KioskView", "KioskTerminal", "KioskStaff", "KioskGroupLink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
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
        .testTarget(name: "KioskGroupTests", dependencies: [
            "KioskCore", "KioskGroup", "KioskGroupLink", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(
            name: "KioskTerminalTests",
            dependencies: [
                "KioskTerminal", "KioskCore", "KioskView", "CNCursesW",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "KioskStaffTests", dependencies: ["KioskStaff"]),
        // Runs the built binary in tmux; `swift test` builds it first.
        .testTarget(name: "EndToEndTests", dependencies: ["KioskCore"]),
    ],
    swiftLanguageModes: [.v6]
)
