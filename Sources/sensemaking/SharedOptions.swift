import ArgumentParser

/// The log `resume` and `export` read.
struct LogArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The session's log.", valueName: "LOG"))
    var log: String
}

/// How the running session looks: `run` and `resume`.
struct LookOptions: ParsableArguments {
    @Option(help: "auto, dark, light or contrast.")
    var theme: ThemeName = .auto
}

enum ThemeName: String, ExpressibleByArgument, CaseIterable {
    case auto, dark, light, contrast
}
