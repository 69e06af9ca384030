import SensemakingCore
import Yams

/// One problem in a plan file, with where it is (1-based line and column).
public struct PlanIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Every problem found in a plan file, in the order of the file.
public struct PlanIssues: Error, Equatable, Sendable {
    public var issues: [PlanIssue]
    public init(_ issues: [PlanIssue]) { self.issues = issues }
}

/// Plans as YAML files: written by `plan init`, read by `run --plan` and `plan check`.
public enum PlanFile {
    /// The most stages a plan may have.
    public static let maxStages = 100
    /// The most prompts a stage may have.
    public static let maxPrompts = 20
    /// A stage's timebox, in minutes.
    public static let minutes = 1...240
    /// Plausibility dots per participant.
    public static let dots = 0...20
    /// The largest plan file read, in bytes.
    public static let maxBytes = 1_000_000

    /// The plan as YAML. With `comments`, it explains each key for a facilitator editing
    /// it (what `plan init` writes). Either way it decodes back to the same plan.
    public static func encode(_ plan: Plan, comments: Bool = false) -> String {
        var out = ""
        func comment(_ lines: String...) {
            guard comments else { return }
            for line in lines { out += line.isEmpty ? "#\n" : "# \(line)\n" }
        }
        func gap() { if comments { out += "\n" } }

        comment(
            "A sensemaking workshop plan.",
            "",
            "Edit it, then check it and run it:",
            "    sensemaking plan check FILE",
            "    sensemaking run --plan FILE",
            "",
            "The session always opens on Welcome (who is here) and ends with Close (the",
            "synthesis and a check-out round). The stages below run in between, in the",
            "order listed: skip, reorder or repeat elements as the room needs.",
            "",
            "Texts may be written plainly or in \"double quotes\"; quote a text that holds",
            "a colon (:) or a hash (#). Lines that start with # are comments.")
        gap()
        comment("Shown at the top of the screen and of the log (at most \(Sanitizer.Field.title.limit) characters).")
        out += "title: \(scalar(plan.title))\n"
        gap()
        comment("Why the room is here, shown on the Welcome screen (at most \(Sanitizer.Field.prompt.limit) characters).")
        out += "purpose: \(scalar(plan.purpose))\n"
        gap()
        comment("Plausibility dots each participant may place on the stories (\(dots.lowerBound) to \(dots.upperBound)).")
        out += "dots: \(plan.dots)\n"
        gap()
        comment("true: contributions are kept without names, in the log and in every export.")
        out += "anonymous: \(plan.anonymous)\n"
        gap()
        comment(
            "Each stage has:",
            "  element:  one of " + Element.allCases.prefix(4).map(\.rawValue).joined(separator: ", ") + ",",
            "            " + Element.allCases.dropFirst(4).map(\.rawValue).joined(separator: ", "),
            "  minutes:  its timebox, \(minutes.lowerBound) to \(minutes.upperBound); /timer changes it in the room",
            "  prompts:  the questions shown on screen, 1 to \(maxPrompts) of them, at most",
            "            \(Sanitizer.Field.prompt.limit) characters each; leave prompts out to use the element's own",
            "  title:    optional; shown instead of the element's name",
            "At most \(maxStages) stages.")
        out += "stages:\n"
        for stage in plan.stages {
            if comments {
                out += "\n"
                let about = "\(stage.element.number). \(stage.element.name). \(stage.element.meaning)"
                    + " Captures \(captures(stage.element))."
                for line in wrapped(about, width: 76) { out += "  # \(line)\n" }
            }
            out += "  - element: \(stage.element.rawValue)\n"
            if let title = stage.title { out += "    title: \(scalar(title))\n" }
            out += "    minutes: \(stage.minutes)\n"
            out += "    prompts:\n"
            for prompt in stage.prompts { out += "      - \(scalar(prompt))\n" }
        }
        return out
    }

    /// Reads a plan, or every problem found in it, each with its line and column.
    /// Texts are cleaned as everything entering a session is (`Sanitizer`).
    public static func decode(_ yaml: String) -> Result<Plan, PlanIssues> {
        var reader = PlanReader(yaml)
        return reader.read()
    }

    /// What a stage of the element keeps, for the comment above it.
    static func captures(_ element: Element) -> String {
        switch element {
        case .identity: "identity statements, each optionally tagged with /as (speaking as)"
        case .retrospection: "retrospection notes, each optionally dated with /when, on a timeline"
        case .enactment: "actions and commitments, each with an owner (/owner)"
        case .socialActivity: "shared stories: a short title on the first line, then the story"
        case .ongoingProcess: "signals of change to keep watching"
        case .extractedCues: "the cues people notice"
        case .plausibility: "dots on the stories (/dots) and the narrative the room agrees on"
        }
    }

    /// Words in lines of at most `width` characters (a longer word stands alone).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Writing texts

    /// A text as a YAML scalar: plain when that reads back as the same text, else
    /// double-quoted with escapes.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : YAMLQuoting.quote(text)
    }

    /// Conservative: a text that starts with a letter or digit, is one line, holds no
    /// indicator that could end or change a plain scalar, and is not read as a number,
    /// a boolean, a date or null.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber,
              let last = text.last, last != " " else { return false }
        for scalar in text.unicodeScalars {
            switch scalar {
            case ":", "#", "[", "]", "{", "}", "\\", "\t": return false
            default:
                if YAMLQuoting.mustEscape(scalar) { return false }
            }
        }
        return Resolver.default.resolveTag(of: Node(text)) == .str
    }
}
