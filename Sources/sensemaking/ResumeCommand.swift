import ArgumentParser
import Foundation

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a session exactly where its log ends."
    )

    @Argument(help: ArgumentHelp("The session's log.", valueName: "LOG"))
    var log: String

    @Option(help: "auto, dark, light or contrast.")
    var theme: ThemeName = .auto

    func run() throws {
        try reporting {
            try Launch.resume(logPath: log, theme: theme)
        }
    }
}
