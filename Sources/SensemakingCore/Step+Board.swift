import Foundation

extension Step {
    mutating func placeDots(_ numbers: [Int]) {
        guard session.stage.element == .plausibility else {
            return fail("Dots are placed in Plausibility over accuracy: /goto plausibility.")
        }
        guard let holder = session.turnHolder else { return fail(noOneHere) }
        let stories = session.stories
        if stories.isEmpty { return fail("There are no stories on the board yet.") }
        if let wrong = numbers.first(where: { !stories.indices.contains($0 - 1) }) {
            return fail("There is no story \(wrong): stories are numbered 1 to \(stories.count).")
        }
        let limit = session.plan.dots
        if numbers.count > limit {
            return fail("Each person has \(limit) dots; that is \(numbers.count).")
        }
        record(.dotsPlaced(participant: session.anonymous ? nil : holder,
                           stories: numbers.map { stories[$0 - 1].id }, advancesTurn: true))
        state.message = .info("\(session.anonymous ? "Dots" : holder + "'s dots") placed.")
    }

    /// `/cue STORY CUE`.
    mutating func linkCue(_ number: Int, _ raw: String) {
        guard let story = boardStory(number, for: "link a cue to"), let cue = clean(raw, as: .tag) else { return }
        record(.cueLinked(story: story.id, cue: cue))
        state.message = .info("Cue linked to story \(number).")
    }

    /// `/mind STORY TEXT`.
    mutating func noteMindChanger(_ number: Int, _ raw: String) {
        guard let story = boardStory(number, for: "note against"), let text = clean(raw, as: .contribution) else { return }
        record(.mindChanger(story: story.id, text: text))
        state.message = .info("Noted what would change our mind about story \(number).")
    }

    /// Story `number` on the plausibility board, or a failure that says what there is.
    mutating func boardStory(_ number: Int, for purpose: String) -> Contribution? {
        let stories = session.stories
        guard stories.indices.contains(number - 1) else {
            fail(stories.isEmpty ? "There are no stories yet to \(purpose)." : "Stories are numbered 1 to \(stories.count).")
            return nil
        }
        return stories[number - 1]
    }
}
