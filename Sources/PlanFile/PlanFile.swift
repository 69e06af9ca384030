import SensemakingCore
import Foundation
import Yams

/// One problem in a plan file, with where it is (1-based line and column).
public struct PlanIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Every problem found in a plan file, in the order of the file.
public struct PlanIssues: Error, Equatable, Sendable {
    public var issues: [PlanIssue]
    public init(_ issues: [PlanIssue]) { self.issues = issues }
}

/// Plans as YAML files: written by `plan init`, read by `run --plan` and `plan check`,
/// and embedded in each log's front matter so a log is complete on its own.
public enum PlanFile {
    /// The plan as YAML. With `comments`, it explains each key for a facilitator editing it.
    public static func encode(_ plan: Plan, comments: Bool = false) -> String {
        var out = ""
        if comments {
            out += "# A sensemaking workshop plan. Edit it, then check it with: sensemaking plan check FILE\n"
            out += "# Stages run in the order listed between Welcome and Close; skip, reorder or repeat elements.\n"
            out += "# Elements: identity, retrospection, enactment, social-activity, ongoing-process,\n"
            out += "#           extracted-cues, plausibility\n"
        }
        out += "title: \(quoted(plan.title))\n"
        out += "purpose: \(quoted(plan.purpose))\n"
        if comments { out += "# Plausibility dots each participant may place.\n" }
        out += "dots: \(plan.dots)\n"
        if comments { out += "# true: contributions are kept without names.\n" }
        out += "anonymous: \(plan.anonymous)\n"
        out += "stages:\n"
        for stage in plan.stages {
            if comments { out += "  # \(stage.element.number). \(stage.element.name): \(stage.element.meaning)\n" }
            out += "  - element: \(stage.element.rawValue)\n"
            if let title = stage.title { out += "    title: \(quoted(title))\n" }
            out += "    minutes: \(stage.minutes)\n"
            out += "    prompts:\n"
            for prompt in stage.prompts { out += "      - \(quoted(prompt))\n" }
        }
        return out
    }

    /// Reads a plan, or every problem found in it.
    public static func decode(_ yaml: String) -> Result<Plan, PlanIssues> {
        var reader = PlanReader(yaml)
        return reader.read()
    }

    /// A YAML double-quoted scalar: safe for any text the core accepts.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
