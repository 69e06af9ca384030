import Foundation

extension Step {
    /// `/next`, `/back`, `/goto N`.
    mutating func move(_ command: Command) {
        switch command {
        case .next:
            if session.isLastStage { return fail("This is the last stage: /end closes the session.") }
            if session.stage == .welcome, session.roster.isEmpty, !session.anonymous, !confirmed {
                return ask("No one is here yet: type each name and press Enter. Enter again begins without names.")
            }
            enter(session.current + 1)
        case .back:
            if session.current == 0 { return fail("This is the first stage.") }
            enter(session.current - 1)
        case .goto(let target):
            guard let index = stageIndex(target) else { return fail(noStage(target)) }
            if index == session.current { return state.message = .info("Already in \(session.stage.name).") }
            enter(index)
        default:
            break
        }
    }

    func noStage(_ target: String) -> String {
        let count = session.plan.stages.count
        let review = session.header.followUp == nil ? "" : ", Review"
        return "No stage \"\(target.prefix(30))\": stages are 1 to \(count), Welcome is 0\(review) and Close is \(count + 1), or a name."
    }

    mutating func enter(_ index: Int) {
        record(.stageEntered(index))
        state.scroll = 0
        state.retrospectionView = .list
        state.closePage = .summary
    }

    /// Finds a stage by number (Welcome is 0), by element or by a plan stage's title.
    func stageIndex(_ target: String) -> Int? {
        let key = target.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(key) {
            if n == 0 { return 0 }
            if n == session.plan.stages.count + 1 { return session.stages.count - 1 }
            return session.stageIndex(ofPlanNumber: n)
        }
        if key == "welcome" { return 0 }
        if key == "review", session.header.followUp != nil { return 1 }
        if key == "close" { return session.stages.count - 1 }
        let titled = session.stages.indices.filter { session.stages[$0].name.lowercased() == key }
        let element = Element.named(key)
        let matches = titled.isEmpty
            ? session.stages.indices.filter { element != nil && session.stages[$0].element == element }
            : titled
        // A repeated element: the next one after the current stage, else the first.
        return matches.first { $0 > session.current } ?? matches.first
    }
}
