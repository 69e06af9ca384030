import ArgumentParser
import Export
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session as a report: Markdown, a web page, or JSON.",
        discussion: "Works on a finished log, on a resumed one, and on one a live session is still writing."
    )

    @OptionGroup var source: LogArgument

    @Option(help: "markdown, html or json.")
    var format: ExportFormat = .markdown

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Participants become \"Participant 1…N\" everywhere.")
    var anonymize = false

    @Flag(help: "With --anonymize, keep the \"speaking as\" tags (in a small group a role names a person).")
    var keepRoles = false

    @Flag(help: "Include the facilitator's private notes.")
    var notes = false

    @Flag(help: "Mask text that looks like personal data (NHS numbers, dates of birth, postcodes, a title with a surname).")
    var redact = false

    @Option(help: ArgumentHelp("Say times in ZONE (e.g. Europe/London); default: TZ, else the system's zone.", valueName: "ZONE"))
    var timezone: String?

    @Flag(help: "Replace an existing file that is not an earlier export.")
    var force = false

    func run() throws {
        try reporting {
            let zone = try Self.zone(timezone)
            let session = try Files.replayedSession(source.log)
            if let warning = PersonalData.warning(session, notes: notes, redacting: redact) { Console.error(warning) }
            let options = Report.Options(anonymize: anonymize, keepRoles: keepRoles, notes: notes, redact: redact, timeZone: zone)
            let text = format.render(Report(session, options: options))
            guard let output, output != "-" else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try ExportFile.write(text, to: output, log: source.log, force: force)
            } catch let error as ExportFile.Refusal {
                throw Failure(error.message)
            }
            Console.out(output)
        }
    }

    /// `--timezone`, else TZ, else the system's zone; an unknown name is refused.
    static func zone(_ name: String?) throws -> TimeZone {
        guard let zone = ExportFormat.zone(named: name) else {
            let given = name ?? ProcessInfo.processInfo.environment["TZ"] ?? ""
            throw Failure("Unknown time zone \(given): give one such as Europe/London or UTC.")
        }
        return zone
    }
}

extension ExportFormat: ExpressibleByArgument {}
