import Foundation

extension Step {
    mutating func contribute(_ raw: String, from author: String?, inTurn: Bool) {
        guard let kind = session.stage.captures else {
            return fail("Contributions begin after Welcome: type /next.")
        }
        guard let text = clean(raw, as: .contribution) else { return }
        var tags = Tags()
        if let author { tags.speakingAs = session.speakingAs[author] }
        tags.when = session.pendingWhen
        tags.owner = session.pendingOwner ?? (kind == .action && !session.anonymous ? author : nil)
        let contribution = Contribution(
            id: session.nextID,
            author: session.anonymous ? nil : author,
            stage: session.current,
            kind: kind,
            text: text,
            tags: tags,
            time: max(state.now, session.lastTime))
        record(.contributed(contribution, advancesTurn: inTurn && author != nil))
    }

    mutating func mention(_ rest: String) {
        // The longest name on the roster that the text starts with, then a space.
        let lowered = rest.lowercased()
        let match = session.roster
            .filter { name in
                let key = name.lowercased()
                guard lowered.hasPrefix(key) else { return false }
                // "@Ana text" and "@Ana: text".
                let after = lowered.dropFirst(key.count).first
                return after == nil || after?.isWhitespace == true || after == ":"

            }
            .max { $0.count < $1.count }
        guard let name = match else {
            let word = rest.prefix { !$0.isWhitespace }
            return fail("No one called \(word.prefix(40)) is here: /join \(word.prefix(40)) adds them.")
        }
        var text = Substring(rest.dropFirst(name.count))
        if text.first == ":" { text = text.dropFirst() }
        if text.allSatisfy(\.isWhitespace) { return fail("@\(name) needs some text after the name.") }
        contribute(String(text), from: name, inTurn: false)
    }

    /// `/note`, `/when`, `/owner`, `/undo`, `/edit`: what was said, and how it is kept.
    mutating func curate(_ command: Command) {
        switch command {
        case .note(let raw):
            guard let text = clean(raw, as: .contribution) else { return }
            let note = Contribution(id: session.nextID, author: nil, stage: session.current, kind: .note,
                                    text: text, time: max(state.now, session.lastTime))
            record(.contributed(note, advancesTurn: false))
        case .when(let raw):
            guard let when = clean(raw, as: .tag) else { return }
            record(.pendingWhen(when))
            state.message = .info("The next note is dated \(when).")
        case .owner(let raw):
            guard let owner = clean(raw, as: .name) else { return }
            record(.pendingOwner(session.participant(named: owner) ?? owner))
            state.message = .info("The next action is owned by \(session.pendingOwner ?? owner).")
        case .undo:
            guard let latest = session.contributions.last(where: { !$0.retracted }) else {
                return fail("Nothing to undo.")
            }
            record(.retracted(id: latest.id))
            state.message = .info("Retracted #\(latest.id); the log keeps it, marked retracted.")
        case .edit(let id, let raw):
            guard let item = session.contribution(id), !item.retracted else {
                return fail("There is no contribution #\(id) to edit.")
            }
            guard let text = clean(raw, as: .contribution) else { return }
            if text == item.text { return state.message = .info("#\(id) already says that.") }
            record(.edited(id: id, text: text))
            state.message = .info("#\(id) amended; the log keeps both.")
        default:
            break
        }
    }
}
