import Foundation
import SensemakingCore
import Yams

/// Walks a composed YAML node tree, checking everything, so that every problem can be
/// reported at once with its line and column.
struct PlanReader {
    static let planKeys = ["title", "purpose", "dots", "anonymous", "stages"]
    static let stageKeys = ["element", "title", "minutes", "prompts"]

    let yaml: String
    var issues: [PlanIssue] = []

    init(_ yaml: String) {
        // A byte order mark from a Windows editor: libyaml would read it as content.
        self.yaml = yaml.unicodeScalars.first == "\u{FEFF}" ? String(yaml.unicodeScalars.dropFirst()) : yaml
    }

    mutating func read() -> Result<Plan, PlanIssues> {
        let bytes = yaml.utf8.count
        if bytes > PlanFile.maxBytes {
            return .failure(PlanIssues([PlanIssue(line: 1, column: 1, message:
                "the file is \(bytes) bytes long; a plan file is at most \(PlanFile.maxBytes) bytes")]))
        }
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: yaml)
        } catch {
            return .failure(PlanIssues([issue(from: error)]))
        }
        guard let root = composed else {
            return .failure(PlanIssues([PlanIssue(line: 1, column: 1, message:
                "the file is empty: a plan needs at least its stages (sensemaking plan init writes one to start from)")]))
        }
        guard case .mapping(let map) = root, !isNull(root) else {
            report(root, "a plan is a set of keys (\(Self.planKeys.joined(separator: ", "))), not \(describe(root))")
            return .failure(PlanIssues(issues))
        }

        var plan = Plan(title: Plan.defaultTitle, purpose: Plan.defaultPurpose, stages: [])
        var sawStages = false
        for (key, value) in map {
            guard let name = keyName(key) else { continue }
            switch name {
            case "title":
                if let text = text(value, key: key, field: .title, label: "title") { plan.title = text }
            case "purpose":
                if let text = text(value, key: key, field: .prompt, label: "purpose") { plan.purpose = text }
            case "dots":
                if let dots = number(value, key: key, label: "dots", range: PlanFile.dots) { plan.dots = dots }
            case "anonymous":
                if let flag = boolean(value, key: key, label: "anonymous") { plan.anonymous = flag }
            case "stages":
                sawStages = true
                plan.stages = stages(value, key: key)
            default:
                unknownKey(key, name, known: Self.planKeys,
                           elsewhere: Self.stageKeys, elsewhereName: "a stage, under stages")
            }
        }
        if !sawStages {
            report(root, "the plan has no stages: add stages: with a list such as - element: identity")
        }
        if issues.isEmpty { return .success(plan) }
        let ordered = issues.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }
        return .failure(PlanIssues(ordered.map(\.element)))
    }

    // MARK: Stages

    mutating func stages(_ node: Node, key: Node) -> [PlanStage] {
        if isNull(node) {
            report(key, "stages is empty: list at least one, such as - element: identity")
            return []
        }
        guard case .sequence(let items) = node else {
            report(node, "stages must be a list, each stage starting with - element:, not \(describe(node))")
            return []
        }
        if items.isEmpty {
            report(node, "stages is empty: list at least one, such as - element: identity")
            return []
        }
        if items.count > PlanFile.maxStages {
            report(items[PlanFile.maxStages],
                   "too many stages: a plan has at most \(PlanFile.maxStages), this one has \(items.count)")
        }
        var result: [PlanStage] = []
        for (index, item) in items.enumerated() {
            if let stage = stage(item, number: index + 1) { result.append(stage) }
        }
        return result
    }

    mutating func stage(_ node: Node, number: Int) -> PlanStage? {
        if isNull(node) {
            report(node, "stage \(number) is empty: give it an element, such as element: identity")
            return nil
        }
        switch node {
        case .scalar(let scalar):
            // `- identity` is short for `- element: identity`.
            return element(scalar.string, at: node).map { PlanStage(element: $0) }
        case .mapping(let map):
            var element: Element?
            var sawElement = false
            var title: String?
            var prompts: [String]?
            var minutes = 10
            var valid = true
            for (key, value) in map {
                guard let name = keyName(key) else { valid = false; continue }
                switch name {
                case "element":
                    sawElement = true
                    if isNull(value) {
                        report(key, "element is empty: it must be " + elementList)
                    } else if case .scalar(let scalar) = value {
                        element = self.element(scalar.string, at: value)
                    } else {
                        report(value, "element must be one name, \(elementList), not \(describe(value))")
                    }
                case "title":
                    title = text(value, key: key, field: .title, label: "title")
                    if title == nil { valid = false }
                case "minutes":
                    if let number = self.number(value, key: key, label: "minutes", range: PlanFile.minutes) {
                        minutes = number
                    } else {
                        valid = false
                    }
                case "prompts":
                    prompts = self.prompts(value, key: key)
                    if prompts == nil { valid = false }
                default:
                    valid = false
                    unknownKey(key, name, known: Self.stageKeys,
                               elsewhere: Self.planKeys, elsewhereName: "the plan, at the top of the file")
                }
            }
            if !sawElement {
                report(node, "stage \(number) has no element: add element: and \(elementList)")
            }
            guard let element, valid else { return nil }
            return PlanStage(element: element, title: title, prompts: prompts, minutes: minutes)
        default:
            report(node, "stage \(number) must be a set of keys (element, minutes, prompts), not \(describe(node))")
            return nil
        }
    }

    mutating func prompts(_ node: Node, key: Node) -> [String]? {
        let empty = "prompts is empty: list at least one question, or leave prompts out to use the element's own"
        if isNull(node) {
            report(key, empty)
            return nil
        }
        let items: [Node]
        switch node {
        case .scalar: items = [node]     // one prompt written without a list
        case .sequence(let sequence): items = Array(sequence)
        default:
            report(node, "prompts must be a list of questions, not \(describe(node))")
            return nil
        }
        if items.isEmpty {
            report(node, empty)
            return nil
        }
        if items.count > PlanFile.maxPrompts {
            report(items[PlanFile.maxPrompts],
                   "too many prompts: a stage has at most \(PlanFile.maxPrompts), this one has \(items.count)")
        }
        var result: [String] = []
        var valid = items.count <= PlanFile.maxPrompts
        for (index, item) in items.enumerated() {
            if let prompt = text(item, key: item, field: .prompt, label: "prompt \(index + 1)") {
                result.append(prompt)
            } else {
                valid = false
            }
        }
        return valid ? result : nil
    }

    // MARK: Values

    /// "one of identity, retrospection, … or plausibility"
    var elementList: String {
        let names = Element.allCases.map(\.rawValue)
        return "one of " + names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    mutating func element(_ text: String, at node: Node) -> Element? {
        let key = Sanitizer.strip(text, multiline: false)
            .trimmingCharacters(in: .whitespaces).lowercased()
            .map { $0 == " " || $0 == "_" ? "-" : $0 }
        let normalized = String(key)
        if let element = Element(rawValue: normalized)
            ?? Element.allCases.first(where: { $0.name.lowercased().replacingOccurrences(of: " ", with: "-") == normalized }) {
            return element
        }
        // A number, a word of the name or a near miss ("3", "cues", "identy") is not taken
        // as the element, but suggested.
        let guess = Element.named(normalized.replacingOccurrences(of: "-", with: " "))?.rawValue
            ?? Self.closest(normalized, among: Element.allCases.map(\.rawValue))
        if let guess {
            report(node, "unknown element \(shown(text)): did you mean \(guess)? It must be \(elementList)")
        } else {
            report(node, "unknown element \(shown(text)): it must be \(elementList)")
        }
        return nil
    }

    /// The text of a scalar value, or nil after a report: `empty` at the key when the value
    /// is empty, `other` at the value when it is a list or a set of keys.
    mutating func scalar(_ node: Node, key: Node, empty: String, other: String) -> String? {
        if isNull(node) {
            report(key, empty)
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(node, other)
            return nil
        }
        return scalar.string
    }

    /// A text field: a scalar, cleaned, not empty and within its cap.
    mutating func text(_ node: Node, key: Node, field: Sanitizer.Field, label: String) -> String? {
        guard let string = scalar(node, key: key, empty: "\(label) is empty", other: "\(label) must be a text, not \(describe(node))") else {
            return nil
        }
        switch Sanitizer.clean(string, as: field) {
        case .success(let text):
            return text
        case .failure(.empty):
            report(node, "\(label) is empty")
        case .failure(.tooLong(_, let length)):
            report(node, "\(label) is \(length) characters long; the most is \(field.limit)")
        }
        return nil
    }

    mutating func number(_ node: Node, key: Node, label: String, range: ClosedRange<Int>) -> Int? {
        let wanted = "\(label) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard let string = scalar(node, key: key, empty: "\(wanted), not empty", other: "\(wanted), not \(describe(node))") else {
            return nil
        }
        let text = string.trimmingCharacters(in: .whitespaces)
        guard let value = Int(text) else {
            report(node, "\(wanted), not \(shown(string))")
            return nil
        }
        if value < range.lowerBound {
            report(node, "\(label) must be at least \(range.lowerBound), not \(value)")
            return nil
        }
        if value > range.upperBound {
            report(node, "\(label) must be at most \(range.upperBound), not \(value)")
            return nil
        }
        return value
    }

    mutating func boolean(_ node: Node, key: Node, label: String) -> Bool? {
        let wanted = "\(label) must be true or false"
        guard let string = scalar(node, key: key, empty: "\(wanted), not empty", other: "\(wanted), not \(describe(node))") else {
            return nil
        }
        switch string.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "\(wanted), not \(shown(string))")
            return nil
        }
    }

    // MARK: Keys

    mutating func keyName(_ key: Node) -> String? {
        guard case .scalar(let scalar) = key else {
            report(key, "a key must be a word such as title, not \(describe(key))")
            return nil
        }
        if scalar.string.isEmpty {
            report(key, "a key is missing before the colon")
            return nil
        }
        return scalar.string
    }

    mutating func unknownKey(_ key: Node, _ name: String, known: [String], elsewhere: [String], elsewhereName: String) {
        let lowered = name.lowercased()
        if !known.contains(lowered), elsewhere.contains(lowered) {
            return report(key, "\(lowered) belongs to \(elsewhereName)")
        }
        let listed = known.dropLast().joined(separator: ", ") + " and " + known.last!
        if let guess = Self.closest(lowered, among: known) {
            report(key, "unknown key \(shown(name)): did you mean \(guess)?")
        } else {
            report(key, "unknown key \(shown(name)): the keys here are \(listed)")
        }
    }

    /// The closest candidate within an edit distance of 2, or one the word starts.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        if word.isEmpty { return nil }
        if let exact = candidates.first(where: { $0 == word }) { return exact }
        let prefixed = candidates.filter { $0.hasPrefix(word) || word.hasPrefix($0) }
        if prefixed.count == 1 && word.count >= 3 { return prefixed[0] }
        let scored = candidates.map { ($0, CommandParser.editDistance(word, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
