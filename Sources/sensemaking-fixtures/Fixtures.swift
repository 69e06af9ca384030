import ArgumentParser
import Glibc

/// Test and benchmark aids, kept out of the `sensemaking` binary: `swift build` builds this
/// beside it (the kill -9 test finds it there) and `scripts/bench` builds it for the big log.
@main
struct Fixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensemaking-fixtures",
        abstract: "Logs written through the real journal, for the tests and the benchmarks.",
        subcommands: [BenchLogCommand.self, JournalProbeCommand.self]
    )
}

/// The log a fixture creates (never over an existing file), and how many contributions.
struct NewLog: ParsableArguments {
    @Argument(help: "The log to create.")
    var path: String

    @Option(help: "How many contributions to write (each command has its own default).")
    var count: Int?
}

/// Writes `text` with write(2), unbuffered, so a line is out before the next record starts,
/// finishing short writes; "sensemaking-fixtures: " before a line on standard error.
func emit(_ fd: Int32, _ text: String) {
    let bytes = Array(((fd == 2 ? "sensemaking-fixtures: " : "") + text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
    }
}
