// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sensemaking",
    products: [
        .executable(name: "sensemaking", targets: ["sensemaking"]),
        // For the benchmark package in Benchmarks/ (its own package, so `swift test` here never builds it).
        .library(name: "SensemakingKit", targets: ["SensemakingCore", "SessionLog", "Export", "TerminalUI"]),
        // The generated workshops the benchmarks and the tests write; never in `sensemaking`.
        .library(name: "WorkshopFixtures", targets: ["WorkshopFixtures"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure: the session, its actions and reduce. No files, no clock, no terminal.
        .target(name: "SensemakingCore"),
        // Plan files in YAML, read and checked with line numbers.
        .target(name: "PlanFile", dependencies: [
            "SensemakingCore",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The Markdown journal: encode, decode, durable append, lock, resume.
        .target(name: "SessionLog", dependencies: ["SensemakingCore"]),
        // The session as a report: Markdown, a self-contained web page, versioned JSON.
        .target(name: "Export", dependencies: ["SensemakingCore", "SessionLog"]),
        // Pure view (Session -> Frame) and key decoding; no curses here.
        .target(name: "TerminalUI", dependencies: ["SensemakingCore"]),
        // What the loop needs from a terminal (`Terminal`), and the inbox that lets another
        // thread wake its read.
        .target(name: "TerminalPort", dependencies: ["SensemakingCore", "TerminalUI"]),
        // The running session: terminal in, reduce, journal and terminal out; no curses.
        .target(name: "WorkshopLoop", dependencies: [
            "SensemakingCore", "SessionLog", "Export", "TerminalUI", "TerminalPort",
        ]),
        // The only code that touches ncurses.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The signal handlers that give the terminal back on a crash; one copy of their state.
        .target(name: "CSignalGuard"),
        .target(name: "CursesTerminal", dependencies: [
            "CNcursesw", "CSignalGuard", "TerminalPort", "TerminalUI", "SensemakingCore",
        ]),
        // QR codes for the join address (C, Debian's libqrencode-dev).
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // The join page and its routes: devices post actions into the loop's inbox. The only
        // code that imports Hummingbird.
        .target(name: "JoinServer", dependencies: [
            "SensemakingCore", "Export", "CQRencode",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Wiring only: the command line.
        .executableTarget(name: "sensemaking", dependencies: [
            "SensemakingCore", "PlanFile", "SessionLog", "Export", "TerminalUI", "CursesTerminal", "WorkshopLoop", "JoinServer", "TerminalPort",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Generated workshops for the benchmarks and the tests.
        .target(name: "WorkshopFixtures", dependencies: ["SensemakingCore"]),
        // `bench-log` and `journal-probe`: those workshops written through the real journal,
        // for scripts/bench and the kill -9 test.
        .executableTarget(name: "sensemaking-fixtures", dependencies: [
            "SensemakingCore", "SessionLog", "WorkshopFixtures",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The seeded generator the property tests share.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // An in-memory disk that fails on cue, and temporary folders.
        .target(name: "JournalTestSupport", dependencies: ["SessionLog"], path: "Tests/JournalTestSupport"),
        .testTarget(name: "SensemakingCoreTests", dependencies: [
            "SensemakingCore", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "PlanFileTests", dependencies: ["PlanFile", "TestSupport"]),
        .testTarget(name: "SessionLogTests", dependencies: [
            "SessionLog", "SensemakingCore", "TestSupport", "JournalTestSupport", "WorkshopFixtures",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "SessionLog", "SensemakingCore", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SensemakingCore", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "WorkshopLoopTests", dependencies: [
            "WorkshopLoop", "TerminalPort", "TerminalUI", "SessionLog", "SensemakingCore", "JournalTestSupport",
        ]),
        .testTarget(name: "JoinServerTests", dependencies: [
            "JoinServer", "SensemakingCore", "TerminalPort",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], exclude: ["Goldens"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SessionLog", "SensemakingCore", "TestSupport"],
                    exclude: ["Browser/join_from_devices.py", "Browser/presenter_and_phone.py", "Browser/qr_read.py",
                              "Browser/kill_while_sending.py", "Browser/projected.py", "Browser/browser_support.py"]),
    ],
    swiftLanguageModes: [.v6]
)
