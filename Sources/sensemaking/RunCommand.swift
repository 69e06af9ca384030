import ArgumentParser
import Foundation
import Glibc
import PlanFile
import SensemakingCore
import SessionLog

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a workshop (the default command)."
    )

    @Option(help: "The session's title (default: the plan's).")
    var title: String?

    @Option(help: ArgumentHelp("Who is here, comma-separated.", valueName: "Ana,Ben,Chi"))
    var participants: String?

    @Option(help: ArgumentHelp("A plan file (see `sensemaking plan init`).", valueName: "FILE"))
    var plan: String?

    @Option(help: ArgumentHelp("The log to create (default: sensemaking-YYYYMMDD-HHMMSS.md here).", valueName: "FILE"))
    var log: String?

    @OptionGroup var look: LookOptions
    @OptionGroup var serving: ServeOptions

    @Flag(help: "Keep contributions without names.")
    var anonymous = false

    @Option(name: .customLong("follow-up"),
            help: ArgumentHelp("Follow up an earlier session: open with a review of its actions, cues and signals.",
                               valueName: "PREVIOUS.md"))
    var followUp: String?

    func run() throws {
        try reporting {
            let previous = try loadPrevious()
            let plan = try previous.map { try loadPlan(default: $0.plan) } ?? loadPlan(default: .standard)
            let header = SessionHeader(
                title: try sessionTitle(default: previous.map { Self.followUpTitle($0.header.title) } ?? plan.title),
                plan: plan,
                participants: try roster(),
                // A room promised anonymity last time keeps it.
                anonymous: anonymous || plan.anonymous || previous?.anonymous == true,
                started: Date(),
                followUp: previous.map { FollowUp(of: $0, log: followUp ?? "") })
            let path = log ?? LogNaming.defaultName(at: header.started)
            try Launch.start(header: header, logPath: path, theme: look.theme, serve: try serving.serving())
        }
    }

    /// The session `--follow-up` names, replayed from its log as `resume` and `export` do.
    func loadPrevious() throws -> Session? {
        guard let path = followUp else { return nil }
        return try Files.replayedSession(path, option: "--follow-up")
    }

    /// "Follow-up: Making sense of our system", once however many follow-ups there are.
    static func followUpTitle(_ previous: String) -> String {
        previous.hasPrefix("Follow-up: ") ? previous : String(("Follow-up: " + previous).prefix(120))
    }

    func loadPlan(default fallback: Plan) throws -> Plan {
        guard let file = plan else { return fallback }
        let text = try Files.readText(file, what: "plan")
        switch PlanFile.decode(text) {
        case .success(let plan): return plan
        case .failure(let problems):
            let first = problems.issues.first.map { "\(file):\($0.line):\($0.column): \($0.message)" } ?? file
            let more = problems.issues.count > 1 ? " (and \(problems.issues.count - 1) more: sensemaking plan check \(file))" : ""
            throw Failure(first + more)
        }
    }

    func sessionTitle(default fallback: String) throws -> String {
        guard let title else { return fallback }
        switch Sanitizer.clean(title, as: .title) {
        case .success(let clean): return clean
        case .failure(let failure): throw Failure("--title: \(failure.message)")
        }
    }

    func roster() throws -> [String] {
        guard let participants else { return [] }
        var names: [String] = []
        for part in participants.split(separator: ",") {
            switch Sanitizer.clean(String(part), as: .name) {
            case .success(let name):
                if name.hasPrefix("/") || name.hasPrefix("@") {
                    throw Failure("--participants: a name cannot start with / or @ (\(name)).")
                }
                if !names.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { names.append(name) }
            case .failure(.empty): continue
            case .failure(let failure): throw Failure("--participants: \(failure.message)")
            }
        }
        return names
    }
}

enum LogNaming {
    /// sensemaking-YYYYMMDD-HHMMSS.md, in local time, in the current directory.
    ///
    /// From the C library's `localtime_r`, not a `DateFormatter`: a formatter loads ICU and
    /// its locale data, nearly 5 MiB of resident memory at start-up for fourteen digits
    /// (docs/performance.md, "Third round").
    static func defaultName(at date: Date) -> String {
        // Whole milliseconds first, as the formatter counted, then the second they fall in.
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        var seconds = time_t((milliseconds / 1000).rounded(.down))
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return "sensemaking.md" }
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let day = digits(local.tm_year + 1900, 4) + digits(local.tm_mon + 1, 2) + digits(local.tm_mday, 2)
        let time = digits(local.tm_hour, 2) + digits(local.tm_min, 2) + digits(local.tm_sec, 2)
        return "sensemaking-\(day)-\(time).md"
    }
}

enum Files {
    /// The session a log's records rebuild, read as `export` reads it (a live session may
    /// still be writing it); a torn last record is said on standard error. A log that
    /// cannot be read fails in one line, after `option` when an option named it.
    static func replayedSession(_ path: String, option: String? = nil) throws -> Session {
        do {
            let contents = try LogReader.read(path: path)
            if let notice = LogReader.notice(contents, path: path) { Console.error(notice) }
            return contents.session
        } catch {
            throw Failure((option.map { $0 + ": " } ?? "") + error.message)
        }
    }

    /// Reads a UTF-8 text file, or fails with one line that says why.
    static func readText(_ path: String, what: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure("\(path): no such \(what) file.")
        }
        if isDirectory.boolValue { throw Failure("\(path) is a directory, not a \(what) file.") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot read it (permission denied?).")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure("\(path) is not UTF-8 text.")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
