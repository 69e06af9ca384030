import ArgumentParser
import Foundation
import PlanFile
import SensemakingCore

/// `sensemaking plan init [FILE]` and `sensemaking plan check FILE`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write or check a workshop plan file.",
        discussion: """
            A plan is a YAML file: the workshop's title and purpose, the dots each \
            participant may place, and the stages between Welcome and Close, each an \
            element of sensemaking with its minutes and prompts. Start from the default \
            with `sensemaking plan init`, edit it, then `sensemaking plan check` it and \
            `sensemaking run --plan FILE`.
            """,
        subcommands: [Init.self, Check.self]
    )

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write the default plan, with comments, as a file to edit."
        )

        static let defaultFile = "sensemaking-plan.yaml"

        @Argument(help: ArgumentHelp("Where to write it; - writes to standard output.", valueName: "FILE"))
        var file: String = Init.defaultFile

        @Flag(help: "Replace FILE if it exists.")
        var force = false

        func run() throws {
            try reporting {
                let text = PlanFile.encode(.standard, comments: true)
                if file == "-" {
                    FileHandle.standardOutput.write(Data(text.utf8))
                    return
                }
                try PlanFiles.write(text, to: file, replacing: force)
                FileHandle.standardOutput.write(Data("\(file)\n".utf8))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a plan file and name the line and column of each problem."
        )

        @Argument(help: ArgumentHelp("The plan to check; - reads standard input.", valueName: "FILE"))
        var file: String

        func run() throws {
            var issues: [PlanIssue] = []
            try reporting {
                let text = file == "-" ? try PlanFiles.readStandardInput() : try PlanFiles.read(file)
                switch PlanFile.decode(text) {
                case .success(let plan):
                    FileHandle.standardOutput.write(Data("\(file): ok — \(PlanFiles.summary(plan))\n".utf8))
                case .failure(let problems):
                    issues = problems.issues
                }
            }
            if issues.isEmpty { return }
            let lines = issues.map { "\(file):\($0.line):\($0.column): \($0.message)\n" }.joined()
            FileHandle.standardError.write(Data(lines.utf8))
            throw ExitCode.failure
        }
    }
}

/// What `plan init` and `plan check` need from the file system, each failure one line.
enum PlanFiles {
    /// "7 stages, 70 minutes"
    static func summary(_ plan: Plan) -> String {
        let stages = plan.stages.count
        let minutes = plan.stages.reduce(0) { $0 + $1.minutes }
        return "\(stages) stage\(stages == 1 ? "" : "s"), \(minutes) minute\(minutes == 1 ? "" : "s")"
    }

    static func readStandardInput() throws -> String {
        try text(FileHandle.standardInput.readDataToEndOfFile(), from: "standard input")
    }

    /// A plan file's text, or one line that says why not.
    static func read(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure("\(path): no such plan file.")
        }
        if isDirectory.boolValue { throw Failure("\(path) is a directory, not a plan file.") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure("\(path): cannot read it (permission denied?).")
        }
        defer { try? handle.close() }
        // One byte more than a plan may have is enough to say it is too large.
        let data = (try? handle.read(upToCount: PlanFile.maxBytes + 1)) ?? Data()
        if data.count > PlanFile.maxBytes {
            throw Failure("\(path) is too large for a plan file (at most \(PlanFile.maxBytes) bytes).")
        }
        return try text(data, from: path)
    }

    static func text(_ data: Data, from source: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure("\(source) is not UTF-8 text.")
        }
        return text
    }

    /// Writes a new file; an existing one is left alone unless `replacing`.
    static func write(_ text: String, to path: String, replacing: Bool) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw Failure("\(path) is a directory; name a file to write the plan to.") }
            if !replacing { throw Failure("\(path) already exists; use --force to replace it, or name another file.") }
        }
        let data = Data(text.utf8)
        guard replacing else {
            // O_EXCL: never replaces a file that appeared since the check above.
            if let code = create(path, data) {
                if code == EEXIST { throw Failure("\(path) already exists; use --force to replace it, or name another file.") }
                throw Failure("cannot write \(path): \(reason(errno: code))")
            }
            return
        }
        // Replacing: a whole new file renamed over the old one, never half a plan.
        let temporary = path + ".\(getpid()).tmp"
        if let code = create(temporary, data) {
            throw Failure("cannot write \(path): \(reason(errno: code))")
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure("cannot write \(path): \(reason(errno: code))")
        }
    }

    /// Creates `path` (which must not exist) with `data`, flushed to disk; the errno on failure.
    static func create(_ path: String, _ data: Data) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { return errno }
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var written = 0
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return fsync(fd) == 0 ? nil : errno
        }
        close(fd)
        if failure != nil { unlink(path) }
        return failure
    }

    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such directory"
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "the disk is full"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "a part of the path is not a directory"
        default: String(cString: strerror(code))
        }
    }
}
