import Foundation

extension Step {
    /// `/kind N KIND`: what contribution N really is, among the kinds its stage allows.
    /// Making an action of it gives it its author as owner when it has none.
    mutating func rekind(_ id: Int, _ word: String) {
        guard let item = liveContribution(id, to: "change") else { return }
        if item.kind == .note { return fail("#\(id) is a facilitator note; a note stays a note.") }
        let stage = session.stages[item.stage]
        let allowed = stage.kinds
        guard let kind = ContributionKind.named(word), allowed.contains(kind) else {
            return fail("In \(stage.name), #\(id) can be: \(allowed.map(\.rawValue).joined(separator: ", ")).")
        }
        if kind == item.kind { return state.message = .info("#\(id) is already \(article(kind)).") }
        let owner = kind == .action && item.tags.owner == nil ? item.author : nil
        record(.rekinded(id: id, kind: kind, owner: owner))
        state.message = .info("#\(id) is now \(article(kind)).")
    }

    /// `/move N STAGE`: contribution N belongs in another stage, as what it would have been
    /// there (the stage's default kind; an action with an owner stays one in Enactment; a
    /// note stays a note).
    mutating func moveContribution(_ id: Int, _ target: String) {
        guard let item = liveContribution(id, to: "move") else { return }
        guard let index = stageIndex(target) else { return fail(noStage(target)) }
        let stage = session.stages[index]
        guard var kind = stage.captures else { return fail("Welcome holds names, not contributions.") }
        if index == item.stage { return state.message = .info("#\(id) is already in \(stage.name).") }
        if item.kind == .note {
            kind = .note
        } else if item.tags.owner != nil, stage.kinds.contains(.action) {
            kind = .action
        }
        record(.moved(id: id, stage: index, kind: kind))
        state.message = .info("#\(id) moved to \(stage.name), as \(article(kind)).")
    }

    /// "an observation", "a story".
    func article(_ kind: ContributionKind) -> String {
        ("aeiou".contains(kind.label.prefix(1)) ? "an " : "a ") + kind.label
    }
}
