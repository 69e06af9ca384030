import Foundation
import PlanFile
import SensemakingCore
import Testing

/// The `sensemaking` binary that `swift test` builds next to the test bundle.
enum CLI {
    static let binary: URL? = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("sensemaking") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Outcome: Equatable {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `sensemaking ARGS` in `directory`, with `input` on standard input.
    static func run(_ arguments: [String], in directory: URL, input: String = "") throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Output goes to files, so neither stream can fill a pipe and stall the child.
        let scratch = FileManager.default.temporaryDirectory
        let outFile = scratch.appendingPathComponent("sensemaking-out-\(UUID().uuidString)")
        let errFile = scratch.appendingPathComponent("sensemaking-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       out: String(decoding: try Data(contentsOf: outFile), as: UTF8.self),
                       err: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sensemaking-plan-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite("sensemaking plan init and plan check", .enabled(if: CLI.binary != nil, "the sensemaking binary is built"))
final class PlanCommandTests {
    let directory: URL
    let defaultPlan = PlanFile.encode(.standard, comments: true)

    init() throws { directory = try CLI.temporaryDirectory() }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func contents(_ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func initWritesTheCommentedDefaultPlanAndPrintsItsPath() throws {
        let outcome = try CLI.run(["plan", "init"], in: directory)
        #expect(outcome == CLI.Outcome(status: 0, out: "sensemaking-plan.yaml\n", err: ""))
        #expect(contents("sensemaking-plan.yaml") == defaultPlan)

        #expect(try CLI.run(["plan", "init", "mine.yaml"], in: directory) == CLI.Outcome(status: 0, out: "mine.yaml\n", err: ""))
        #expect(contents("mine.yaml") == defaultPlan)
    }

    @Test func initNeverOverwritesWithoutForce() throws {
        try write("stages: [identity]\n", to: "sensemaking-plan.yaml")
        let refused = try CLI.run(["plan", "init"], in: directory)
        #expect(refused == CLI.Outcome(status: 1, out: "", err:
            "sensemaking: sensemaking-plan.yaml already exists; use --force to replace it, or name another file.\n"))
        #expect(contents("sensemaking-plan.yaml") == "stages: [identity]\n")

        let forced = try CLI.run(["plan", "init", "--force"], in: directory)
        #expect(forced == CLI.Outcome(status: 0, out: "sensemaking-plan.yaml\n", err: ""))
        #expect(contents("sensemaking-plan.yaml") == defaultPlan)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left == ["sensemaking-plan.yaml"])
    }

    @Test func initDashWritesToStandardOutput() throws {
        let outcome = try CLI.run(["plan", "init", "-"], in: directory)
        #expect(outcome == CLI.Outcome(status: 0, out: defaultPlan, err: ""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func initIntoAMissingDirectoryOrOntoADirectory() throws {
        #expect(try CLI.run(["plan", "init", "nowhere/plan.yaml"], in: directory)
                == CLI.Outcome(status: 1, out: "", err: "sensemaking: cannot write nowhere/plan.yaml: no such directory\n"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("plans"), withIntermediateDirectories: false)
        #expect(try CLI.run(["plan", "init", "plans"], in: directory)
                == CLI.Outcome(status: 1, out: "", err: "sensemaking: plans is a directory; name a file to write the plan to.\n"))
    }

    @Test func checkSaysOkWithStagesAndMinutes() throws {
        try write(defaultPlan, to: "day.yaml")
        #expect(try CLI.run(["plan", "check", "day.yaml"], in: directory)
                == CLI.Outcome(status: 0, out: "day.yaml: ok — 7 stages, 70 minutes\n", err: ""))
        try write("stages:\n  - element: identity\n    minutes: 1\n", to: "short.yaml")
        #expect(try CLI.run(["plan", "check", "short.yaml"], in: directory)
                == CLI.Outcome(status: 0, out: "short.yaml: ok — 1 stage, 1 minute\n", err: ""))
    }

    @Test func checkNamesTheLineAndColumnOfEveryProblem() throws {
        try write("titel: Day\nstages:\n  - element: identy\n    minutes: -5\n", to: "bad.yaml")
        let outcome = try CLI.run(["plan", "check", "bad.yaml"], in: directory)
        #expect(outcome == CLI.Outcome(status: 1, out: "", err: """
            bad.yaml:1:1: unknown key "titel": did you mean title?
            bad.yaml:3:14: unknown element "identy": did you mean identity? It must be \(elements)
            bad.yaml:4:14: minutes must be at least 1, not -5

            """))
    }

    @Test func checkReadsStandardInputForDash() throws {
        #expect(try CLI.run(["plan", "check", "-"], in: directory, input: "stages: [identity, enactment]\n")
                == CLI.Outcome(status: 0, out: "-: ok — 2 stages, 20 minutes\n", err: ""))
        #expect(try CLI.run(["plan", "check", "-"], in: directory, input: "stages: []\n")
                == CLI.Outcome(status: 1, out: "", err: "-:1:9: stages is empty: list at least one, such as - element: identity\n"))
    }

    @Test func checkOfAFileThatCannotBeReadIsOneLine() throws {
        #expect(try CLI.run(["plan", "check", "missing.yaml"], in: directory)
                == CLI.Outcome(status: 1, out: "", err: "sensemaking: missing.yaml: no such plan file.\n"))
        #expect(try CLI.run(["plan", "check", "."], in: directory)
                == CLI.Outcome(status: 1, out: "", err: "sensemaking: . is a directory, not a plan file.\n"))
        try Data([0xFF, 0xFE, 0x00]).write(to: directory.appendingPathComponent("binary.yaml"))
        #expect(try CLI.run(["plan", "check", "binary.yaml"], in: directory)
                == CLI.Outcome(status: 1, out: "", err: "sensemaking: binary.yaml is not UTF-8 text.\n"))
        try Data(repeating: UInt8(ascii: "#"), count: PlanFile.maxBytes + 10).write(to: directory.appendingPathComponent("huge.yaml"))
        #expect(try CLI.run(["plan", "check", "huge.yaml"], in: directory)
                == CLI.Outcome(status: 1, out: "", err: "sensemaking: huge.yaml is too large for a plan file (at most 1000000 bytes).\n"))
    }

    @Test func checkWithoutAFileIsAUsageError() throws {
        let outcome = try CLI.run(["plan", "check"], in: directory)
        #expect(outcome.status == 64)
        #expect(outcome.out == "")
        #expect(outcome.err.hasPrefix("Error: Missing expected argument '<FILE>'\n"))
    }

    @Test func helpDescribesBothSubcommands() throws {
        let outcome = try CLI.run(["plan", "--help"], in: directory)
        #expect(outcome.status == 0)
        #expect(outcome.out.contains("USAGE: sensemaking plan <subcommand>"))
        #expect(outcome.out.contains("init"))
        #expect(outcome.out.contains("check"))
    }
}
