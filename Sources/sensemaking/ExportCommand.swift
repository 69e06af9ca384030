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

    @Flag(help: "Replace an existing file that is not an earlier export.")
    var force = false

    func run() throws {
        try reporting {
            let session = try Files.replayedSession(source.log)
            let text = format.render(Report(session, anonymize: anonymize))
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
}

extension ExportFormat: ExpressibleByArgument {}
