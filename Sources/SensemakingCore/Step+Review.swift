import Foundation

extension Step {
    /// `/mark N STATUS [NOTE]`: what became of a follow-up's carried item.
    mutating func mark(_ number: Int, _ status: ReviewStatus, _ raw: String?) {
        guard let items = session.header.followUp?.items else {
            return fail("This session follows up no earlier one: sensemaking run --follow-up PREVIOUS.md starts one that does.")
        }
        guard items.indices.contains(number - 1) else {
            return fail(items.isEmpty ? "The earlier session left nothing to review." : "Items are numbered 1 to \(items.count).")
        }
        let item = items[number - 1]
        if status == .done, item.kind == .cue || item.kind == .signal {
            return fail("A \(item.kind.label) is watched, or not: /mark \(number) progress (still watched), dropped or carry.")
        }
        var note: String?
        if let raw {
            guard let text = clean(raw, as: .contribution) else { return }
            note = text
        }
        record(.reviewed(item: number, status: status, note: note))
        state.message = .info("Item \(number) marked \(status.label).")
    }
}
