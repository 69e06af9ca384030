import Foundation

extension Step {
    mutating func placeDots(_ numbers: [Int]) {
        guard session.stage.element == .plausibility else {
            return fail("Dots are placed in Plausibility over accuracy: /goto plausibility.")
        }
        if let closed = Self.votingClosed(in: session) { return fail(closed) }
        guard let holder = session.turnHolder else { return fail(noOneHere) }
        let stories = session.stories
        if stories.isEmpty { return fail("There are no stories on the board yet.") }
        if let wrong = numbers.first(where: { !stories.indices.contains($0 - 1) }) {
            return fail("There is no story \(wrong): stories are numbered 1 to \(stories.count).")
        }
        // A vote stays open until the holder has placed all their dots, whenever their turn
        // comes back: fewer dots than each has are added to what they placed before.
        let limit = session.plan.dots
        let before = state.dotsSoFar(of: holder)
        // In a named session a whole vote, or one after a whole vote, starts again. An
        // anonymous journal's placements add up and cannot be taken back: nothing starts again.
        let open = session.anonymous || (numbers.count < limit && before.count < limit) ? before : []
        if numbers.count + open.count > limit {
            if open.isEmpty { return fail("Each person has \(limit) dots; that is \(numbers.count).") }
            let left = limit - open.count
            if left <= 0 { return fail("\(holder) has placed all \(limit) dots: /pass moves on.") }
            return fail("\(holder) has \(left) \(left == 1 ? "dot" : "dots") left: /dots with \(left == 1 ? "one story" : "up to \(left) stories"), or /pass moves on.")
        }
        // Nor the room more than its share: after a resume an anonymous session cannot tell
        // who placed the dots before, and a second vote would take another's and reveal early.
        if let roomLeft = session.anonymousDotsLeft, numbers.count > roomLeft {
            return fail(Self.roomHasLeft(roomLeft, each: limit) + ": has \(holder) voted already?")
        }
        let new = numbers.map { stories[$0 - 1].id }
        let placed = open + new
        let complete = placed.count >= limit
        // An anonymous journal keeps no names, so its placements add up: only the new dots.
        record(.dotsPlaced(participant: session.anonymous ? nil : holder,
                           stories: session.anonymous ? new : placed, advancesTurn: complete))
        if session.anonymous { state.anonymousDots[holder] = placed }
        let whose = session.anonymous ? "Dots" : holder + "'s dots"
        if revealOnceEveryoneHasVoted() { return state.message = .info("\(whose) placed: everyone has voted, the dots are shown.") }
        if complete { return state.message = .info("\(whose) placed.") }
        let left = limit - placed.count
        state.message = .info("\(whose) placed; \(left) \(left == 1 ? "dot" : "dots") left: /dots N places \(left == 1 ? "it" : "them"), /pass moves on.")
    }

    /// "The room has 1 dot left to place (3 each)".
    static func roomHasLeft(_ left: Int, each: Int) -> String {
        "The room has \(left) \(left == 1 ? "dot" : "dots") left to place (\(each) each)"
    }

    /// Why no dots may be placed now, from the keyboard or a device, or nil while voting is
    /// open: after the reveal a vote would follow the room's counts. Checked by the steps that
    /// record a placement, never by `Session.apply`: a log written before this rule may hold
    /// dots after its reveal, and its replay keeps them.
    static func votingClosed(in session: Session) -> String? {
        session.revealed ? "The dots are revealed: voting has closed." : nil
    }

    /// After a placement: once everyone here has placed all their dots, they are shown, and
    /// the journal says so (a replay cannot tell from an anonymous journal, which keeps no
    /// names, and a latecomer must not hide them again). True when this placement revealed them.
    mutating func revealOnceEveryoneHasVoted() -> Bool {
        guard !session.revealed, session.everyoneHasPlacedAllDots else { return false }
        record(.revealed)
        return true
    }

    /// `/reveal`: the dots are shown now, whoever has not voted.
    mutating func revealDots() {
        guard session.stage.element == .plausibility else {
            return fail("Dots are revealed in Plausibility over accuracy: /goto plausibility.")
        }
        if session.revealed { return state.message = .info("The dots are already shown.") }
        record(.revealed)
        state.message = .info("Dots revealed: the board is ranked by dots.")
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
