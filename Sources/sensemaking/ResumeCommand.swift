import ArgumentParser

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a session exactly where its log ends."
    )

    @OptionGroup var source: LogArgument
    @OptionGroup var look: LookOptions
    @OptionGroup var serving: ServeOptions

    func run() throws {
        try reporting {
            try Launch.resume(logPath: source.log, theme: look.theme, serve: try serving.serving())
        }
    }
}
