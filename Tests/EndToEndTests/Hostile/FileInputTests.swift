import Foundation
import SensemakingCore
@testable import SessionLog
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Files and paths that are not what they should be, given to the real binary: each is
/// refused with one line on standard error naming the file (and the line, for a plan), with
/// nothing on standard output and no log left behind; logs in other encodings still read.
@Suite struct FileInputTests {
    struct Refusal: CustomStringConvertible, Sendable {
        var name: String
        /// Arguments; "DIR" stands for the test's folder.
        var arguments: [String]
        /// The line on standard error, after "sensemaking: ", with "DIR" for the folder.
        var message: String
        /// Run as an unprivileged user, for permissions (root reads anything).
        var unprivileged = false
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        .init(name: "plan missing", arguments: ["run", "--plan", "DIR/none.yaml"], message: "DIR/none.yaml: no such plan file."),
        .init(name: "plan is a folder", arguments: ["run", "--plan", "DIR/folder"], message: "DIR/folder is a directory, not a plan file."),
        .init(name: "plan not UTF-8", arguments: ["run", "--plan", "DIR/latin1.yaml"], message: "DIR/latin1.yaml is not UTF-8 text."),
        .init(name: "plan bad YAML", arguments: ["run", "--plan", "DIR/bad.yaml"], message: "DIR/bad.yaml:3:1: bad YAML: "),
        .init(name: "plan unknown key", arguments: ["run", "--plan", "DIR/unknown.yaml"],
              message: "DIR/unknown.yaml:2:1: unknown key \"promts\""),
        .init(name: "plan unreadable", arguments: ["run", "--plan", "DIR/secret.yaml"],
              message: "DIR/secret.yaml: cannot read it (permission denied?).", unprivileged: true),
        .init(name: "export missing", arguments: ["export", "DIR/none.md"], message: "DIR/none.md does not exist"),
        .init(name: "export a folder", arguments: ["export", "DIR/folder"], message: "DIR/folder is not a sensemaking log: it is a folder"),
        .init(name: "export not a log", arguments: ["export", "DIR/bad.yaml"],
              message: "DIR/bad.yaml is not a sensemaking log: it does not begin with front matter (---)"),
        .init(name: "export invalid UTF-8 inside", arguments: ["export", "DIR/broken.md"], message: "DIR/broken.md is damaged at line "),
        .init(name: "export unreadable", arguments: ["export", "DIR/secret.md"], message: "cannot open DIR/secret.md: permission denied",
              unprivileged: true),
        .init(name: "export into a missing folder", arguments: ["export", "DIR/good.md", "--output", "DIR/no/such/report.md"],
              message: "Cannot write in DIR/no/such"),
        .init(name: "export onto a folder", arguments: ["export", "DIR/good.md", "--output", "DIR/folder"], message: "DIR/folder"),
    ]

    /// A folder of the files the refusals name, open to an unprivileged user.
    static func fixtures() throws -> Tmux {
        let tmux = try Tmux()
        chmod(tmux.directory, 0o755)
        try FileManager.default.createDirectory(atPath: tmux.path("folder"), withIntermediateDirectories: false)
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: tmux.path("latin1.yaml")))
        try "title: x\nstages: [identity\n".write(toFile: tmux.path("bad.yaml"), atomically: true, encoding: .utf8)
        try "stages: [identity]\npromts: [Why?]\n".write(toFile: tmux.path("unknown.yaml"), atomically: true, encoding: .utf8)
        try "stages: [identity]\n".write(toFile: tmux.path("secret.yaml"), atomically: true, encoding: .utf8)
        chmod(tmux.path("secret.yaml"), 0o000)
        let good = Self.log()
        try good.write(toFile: tmux.path("good.md"), atomically: true, encoding: .utf8)
        try good.write(toFile: tmux.path("secret.md"), atomically: true, encoding: .utf8)
        chmod(tmux.path("secret.md"), 0o000)
        // Invalid UTF-8 in the middle of a record that is followed by another: damage, not a torn tail.
        var broken = Array(good.utf8)
        let at = try #require(good.range(of: "first words")).lowerBound.utf16Offset(in: good)
        broken[at] = 0xFF
        try Data(broken).write(to: URL(fileURLWithPath: tmux.path("broken.md")))
        return tmux
    }

    /// A short log as the program writes it: Identity, two contributions.
    static func log() -> String {
        let header = SessionHeader(title: "Files", plan: .standard, participants: ["Ana", "Ben"], anonymous: false,
                                   started: Date(timeIntervalSinceReferenceDate: 816_000_000))
        let start = header.started
        let records = [
            Record(time: start, event: .stageEntered(1)),
            Record(time: start + 1, event: .contributed(Contribution(id: 1, author: "Ana", stage: 1, kind: .identity,
                                                                    text: "first words\n# second line", time: start + 1), advancesTurn: true)),
            Record(time: start + 2, event: .contributed(Contribution(id: 2, author: "Ben", stage: 1, kind: .identity,
                                                                    text: "last words", time: start + 2), advancesTurn: true)),
        ]
        return LogFormat.encode(header, records: records)
    }

    @Test("Refused in one line", arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        let tmux = try Self.fixtures()
        defer { tmux.close() }
        var command = [try Tmux.binary()] + refusal.arguments.map { $0.replacingOccurrences(of: "DIR", with: tmux.directory) }
        if refusal.unprivileged && getuid() == 0 {
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        let result = try Spawn.run(command, in: tmux.directory)
        let message = "sensemaking: " + refusal.message.replacingOccurrences(of: "DIR", with: tmux.directory)
        #expect(result.status == 1, "\(refusal): \(result.error)")
        #expect(result.error.hasPrefix(message), "\(refusal): \(result.error)")
        #expect(result.error.filter { $0 == "\n" }.count == 1, "\(refusal): one line: \(result.error)")
        #expect(result.output.isEmpty)
    }

    /// `run --log` where the log cannot be: these need a terminal, as the log is made after it is checked.
    @Test(arguments: [("missing folder", "DIR/no/such/log.md", "cannot create DIR/no/such/log.md: the folder DIR/no/such does not exist"),
                      ("a folder", "DIR/folder", "DIR/folder"),
                      ("read-only folder", "DIR/readonly/log.md", "cannot open DIR/readonly/log.md: permission denied")])
    func logWhereItCannotBe(_ name: String, _ path: String, _ message: String) throws {
        let tmux = try Self.fixtures()
        defer { tmux.close() }
        try FileManager.default.createDirectory(atPath: tmux.path("readonly"), withIntermediateDirectories: false)
        chmod(tmux.path("readonly"), 0o555)
        let resolved = path.replacingOccurrences(of: "DIR", with: tmux.directory)
        let program = getuid() == 0 ? "setpriv" : try Tmux.binary()
        let prefix = getuid() == 0 ? ["--reuid=65534", "--regid=65534", "--clear-groups", try Tmux.binary()] : []
        try tmux.start(program, prefix + ["run", "--log", resolved], standardError: tmux.path("stderr.txt"))
        let (status, alternate, _) = try tmux.exitAndRestored()
        let error = (try? String(contentsOfFile: tmux.path("stderr.txt"), encoding: .utf8)) ?? ""
        #expect(status == 1, "\(name): \(error)")
        #expect(!alternate)
        #expect(error.hasPrefix("sensemaking: " + message.replacingOccurrences(of: "DIR", with: tmux.directory)), "\(name): \(error)")
        #expect(error.filter { $0 == "\n" }.count == 1, "\(name): one line: \(error)")
    }

    enum Encoding: String, CaseIterable, CustomStringConvertible {
        case crlf, bom, both
        var description: String { rawValue }
        func apply(_ text: String) -> String {
            let lines = self == .bom ? text : text.replacingOccurrences(of: "\n", with: "\r\n")
            return self == .crlf ? lines : "\u{FEFF}" + lines
        }
    }

    /// A log an editor saved with Windows line endings or a byte order mark exports as the
    /// original does, and resumes: the next record is appended and everything reads back.
    @Test("Logs with CRLF or a BOM export and resume", arguments: Encoding.allCases)
    func otherLineEndings(_ encoding: Encoding) throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let original = Self.log()
        try original.write(toFile: tmux.path("plain.md"), atomically: true, encoding: .utf8)
        let log = tmux.path("edited.md")
        try encoding.apply(original).write(toFile: log, atomically: true, encoding: .utf8)
        chmod(log, 0o600)
        for format in ["markdown", "json"] {
            let plain = try Spawn.run([try Tmux.binary(), "export", tmux.path("plain.md"), "--format", format], in: tmux.directory)
            let edited = try Spawn.run([try Tmux.binary(), "export", log, "--format", format], in: tmux.directory)
            #expect(edited.status == 0, "\(format): \(edited.error)")
            #expect(edited.output == plain.output, "\(encoding) \(format)")
        }
        try tmux.start(try Tmux.binary(), ["resume", log])
        try tmux.wait(for: "last words")
        try tmux.submit("after the editor")
        try tmux.wait(for: "after the editor")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        let texts = try LogReader.read(path: log).session.contributions.map(\.text)
        #expect(texts == ["first words\n# second line", "last words", "after the editor"])
    }

    /// A plan file saved with a BOM and CRLF line endings runs.
    @Test func aPlanWithBOMAndCRLF() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try "\u{FEFF}title: \"Windows plan\"\r\nstages:\r\n  - identity\r\n".write(toFile: tmux.path("plan.yaml"), atomically: true, encoding: .utf8)
        let check = try Spawn.run([try Tmux.binary(), "plan", "check", tmux.path("plan.yaml")], in: tmux.directory)
        #expect(check.status == 0, "\(check.error)")
        try tmux.start(try Tmux.binary(), ["run", "--plan", tmux.path("plan.yaml"), "--log", tmux.path("s.md")])
        try tmux.wait(for: "Windows plan")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
    }
}
