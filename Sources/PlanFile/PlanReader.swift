import SensemakingCore
import Yams

/// Walks a composed YAML node tree so that every problem can name its line.
struct PlanReader {
    let yaml: String
    var issues: [PlanIssue] = []

    init(_ yaml: String) { self.yaml = yaml }

    mutating func read() -> Result<Plan, PlanIssues> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(PlanIssues([Self.issue(from: error)]))
        } catch {
            return .failure(PlanIssues([PlanIssue(line: 1, column: 1, message: "not YAML: \(error)")]))
        }
        guard let node, let root = node.mapping else {
            return .failure(PlanIssues([PlanIssue(line: 1, column: 1, message: "a plan is a mapping with title, purpose and stages")]))
        }
        // Filled in by the plan-file issue: full validation with line numbers.
        var plan = Plan.standard
        if let title = root["title"]?.string { plan.title = title }
        if let purpose = root["purpose"]?.string { plan.purpose = purpose }
        if let dots = root["dots"]?.int { plan.dots = dots }
        if let anonymous = root["anonymous"]?.bool { plan.anonymous = anonymous }
        if let stages = root["stages"]?.sequence {
            plan.stages = stages.compactMap { stage in
                guard let map = stage.mapping, let name = map["element"]?.string,
                      let element = Element(rawValue: name) else { return nil }
                let prompts = map["prompts"]?.sequence?.compactMap(\.string)
                return PlanStage(element: element, title: map["title"]?.string, prompts: prompts,
                                 minutes: map["minutes"]?.int ?? 10)
            }
        }
        return issues.isEmpty ? .success(plan) : .failure(PlanIssues(issues))
    }

    static func issue(from error: YamlError) -> PlanIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return PlanIssue(line: mark.line, column: mark.column, message: "bad YAML: \(problem)")
        default:
            return PlanIssue(line: 1, column: 1, message: "bad YAML: \(error)")
        }
    }
}
