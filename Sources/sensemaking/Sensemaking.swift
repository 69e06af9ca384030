import ArgumentParser
import JoinServer

@main
struct Sensemaking: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sensemaking",
        abstract: "A workshop facilitator for Karl Weick's seven elements of sensemaking.",
        discussion: """
            Project one terminal, walk the room through Identity, Retrospection, Enactment, \
            Social activity, Ongoing process, Extracted cues and Plausibility over accuracy; \
            every contribution is kept in a local Markdown log. In the session, /help lists \
            every command.
            """,
        version: version,
        subcommands: [RunCommand.self, ResumeCommand.self, ExportCommand.self, PlanCommand.self, PresenterCommand.self],
        defaultSubcommand: RunCommand.self
    )

    static func main() {
        // `--serve` alone: port 8765 on this machine's network address.
        main(ServeAddress.fillingBareServe(Array(CommandLine.arguments.dropFirst())))
    }
}
