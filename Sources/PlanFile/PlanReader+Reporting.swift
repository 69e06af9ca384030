import SensemakingCore
import Yams

/// How the plan reader reports: each problem at its line and column, values quoted short,
/// libyaml's errors said in words a facilitator can act on.
extension PlanReader {
    mutating func report(_ node: Node, _ message: String) {
        let mark = node.mark
        issues.append(PlanIssue(line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    func isNull(_ node: Node) -> Bool {
        Resolver.default.resolveTag(of: node) == .null
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a set of keys"
        case .sequence: "a list"
        case .scalar(let scalar): isNull(node) ? "empty" : shown(scalar.string)
        case .alias: "an alias"
        }
    }

    /// A text from the file inside a message: one line, no control characters, short.
    func shown(_ text: String) -> String {
        let clean = Sanitizer.strip(text, multiline: false)
        return "\"" + (clean.count > 40 ? clean.prefix(39) + "…" : clean) + "\""
    }

    func issue(from error: Error) -> PlanIssue {
        guard let error = error as? YamlError else {
            return PlanIssue(line: 1, column: 1, message: "cannot read the file as YAML")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return PlanIssue(line: mark.line, column: mark.column,
                             message: yamlMessage(problem, context: context, at: mark))
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofCharacter: offset ?? 0)
            return PlanIssue(line: line, column: column, message: "bad YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { shown($0) }.joined(separator: ", ")
            return PlanIssue(line: context.mark.line, column: context.mark.column,
                             message: "\(names) \(duplicates.count == 1 ? "is" : "are") given more than once here; keep one")
        default:
            return PlanIssue(line: 1, column: 1, message: "bad YAML: \(error)")
        }
    }

    func yamlMessage(_ problem: String, context: YamlError.Context?, at mark: Mark) -> String {
        if problem == "found character that cannot start any token", character(at: mark) == "\t" {
            return "bad YAML: a tab cannot indent YAML; use spaces"
        }
        if problem == "but found another document" {
            return "bad YAML: a plan is one document, and a second one starts here"
        }
        if let context, context.text == "while scanning a quoted scalar" {
            return "bad YAML: the quoted text that starts at line \(context.mark.line), column \(context.mark.column) is never closed"
        }
        var message = "bad YAML: \(problem)"
        if let context, !context.text.isEmpty {
            message += " (\(context.text)"
            if context.mark.line != mark.line { message += " at line \(context.mark.line)" }
            message += ")"
        }
        if problem == "mapping values are not allowed in this context" {
            message += "; put a text that holds a colon in double quotes"
        }
        return message
    }

    /// The scalar at a libyaml mark (1-based line, column in Unicode scalars).
    func character(at mark: Mark) -> Unicode.Scalar? {
        var line = 1, column = 1
        for scalar in yaml.unicodeScalars {
            if line == mark.line && column == mark.column { return scalar }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// Line and column (1-based) of the character at `offset`.
    func position(ofCharacter offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for character in yaml.prefix(offset) {
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
