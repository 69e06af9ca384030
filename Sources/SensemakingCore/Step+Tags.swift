import Foundation

extension Step {
    /// `/when TEXT`: dates the next memory, so only in Retrospection.
    mutating func tagWhen(_ raw: String) {
        guard session.stage.element == .retrospection else {
            return fail("/when dates a memory: it works in Retrospection only.")
        }
        guard let when = clean(raw, as: .tag) else { return }
        record(.pendingWhen(when))
        state.message = .info("The next note is dated \(when).")
    }

    /// `/owner NAME[!] [by DUE]`: the owner (and due date) of the next action, so only in
    /// Enactment. NAME is someone here (did-you-mean, as `/turn`); a trailing `!` names
    /// someone not in the room ("/owner Director of Nursing! by 15 Jan").
    mutating func tagOwner(_ raw: String) {
        guard session.stage.element == .enactment else {
            return fail("/owner names who owns an action: it works in Enactment only.")
        }
        var text = Substring(raw)
        var dueText: Substring?
        if let by = text.range(of: " by ", options: [.caseInsensitive, .backwards]) {
            dueText = text[by.upperBound...]
            text = text[..<by.lowerBound]
        }
        text = text.drop { $0.isWhitespace }
        let outsider = text.hasSuffix("!")
        if outsider { text = text.dropLast() }
        if text.count >= 2, text.first == "\"", text.last == "\"" { text = text.dropFirst().dropLast() }
        guard let name = clean(String(text), as: .name) else { return }
        var due: String?
        if let dueText {
            guard let cleaned = clean(String(dueText), as: .tag) else { return }
            due = cleaned
        }
        let owner: String
        if outsider {
            owner = session.participant(named: name) ?? name
        } else {
            guard let here = findParticipant(name, hint: " /owner \(name.prefix(40))! names someone not in the room.") else { return }
            owner = here
        }
        record(.pendingOwner(owner))
        if let due { record(.pendingDue(due)) }
        state.message = .info("The next action is owned by \(owner)\(due.map { ", due " + $0 } ?? "").")
    }
}
