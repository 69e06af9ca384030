import Foundation

extension Step {
    mutating func contribute(_ raw: String, from author: String?, inTurn: Bool, sendKey: String? = nil) {
        guard var kind = session.stage.captures else {
            return fail("Contributions begin after Welcome: type /next.")
        }
        guard let text = clean(raw, as: .contribution) else { return }
        var tags = Tags()
        if let author { tags.speakingAs = session.speakingAs[author] }
        // Stage-only tags go only where they belong, even if the stage changed after them.
        if kind == .memory { tags.when = session.pendingWhen }
        if session.stage.element == .enactment, let owner = session.pendingOwner {
            kind = .action
            tags.owner = owner
            tags.due = session.pendingDue
        }
        // Out of turn in Social activity, after a story: a reply to it, not a new story.
        if kind == .story, !inTurn,
           let story = session.items(inStage: session.current).last(where: { $0.kind == .story }) {
            kind = .reply
            tags.replyTo = story.id
            state.message = .info("#\(session.nextID) is a reply to #\(story.id); /kind \(session.nextID) story makes it a story.")
        }
        let contribution = Contribution(
            id: session.nextID,
            author: session.anonymous ? nil : author,
            stage: session.current,
            kind: kind,
            text: text,
            tags: tags,
            time: max(state.now, session.lastTime),
            sendKey: sendKey)
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

    /// `/note`, `/undo`, `/edit`, `/kind`, `/move`: what was said, and how it is kept.
    mutating func curate(_ command: Command) {
        switch command {
        case .note(let raw):
            guard let text = clean(raw, as: .contribution) else { return }
            let note = Contribution(id: session.nextID, author: nil, stage: session.current, kind: .note,
                                    text: text, time: max(state.now, session.lastTime))
            record(.contributed(note, advancesTurn: false))
            state.message = .info("Note kept, for the facilitator only: the room sees that one was kept, not what it says.")
        case .undo:
            if session.stage == .welcome { return takeBackName() }
            guard let latest = session.contributions.last(where: { !$0.retracted }) else {
                return fail("Nothing to undo.")
            }
            retract(latest)
        case .retract(let id):
            guard let item = session.contribution(id) else { return fail("There is no contribution #\(id) to undo.") }
            if item.retracted { return fail("#\(id) is already retracted.") }
            retract(item)
        case .edit(let id, let raw):
            guard let item = liveContribution(id, to: "edit") else { return }
            guard let text = clean(raw, as: .contribution) else { return }
            if text == item.text { return state.message = .info("#\(id) already says that.") }
            record(.edited(id: id, text: text))
            state.message = .info("#\(id) amended; the log keeps both.")
        case .recall(let id):
            guard let item = liveContribution(id, to: "edit") else { return }
            refill = "/edit \(id) " + item.text
            state.message = .info("#\(id) is in the box: change it and press Enter.")
        case .kind(let id, let word):
            rekind(id, word)
        case .move(let id, let target):
            moveContribution(id, target)
        default:
            break
        }
    }

    mutating func retract(_ item: Contribution) {
        record(.retracted(id: item.id))
        state.message = .info("Retracted #\(item.id); the log keeps it, marked retracted.")
    }

    /// Contribution `id` if it is there and not retracted, or a failure that says so.
    mutating func liveContribution(_ id: Int, to purpose: String) -> Contribution? {
        guard let item = session.contribution(id), !item.retracted else {
            fail("There is no contribution #\(id) to \(purpose).")
            return nil
        }
        return item
    }
}
