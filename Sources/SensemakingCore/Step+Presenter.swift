import Foundation

extension Step {
    /// The commands the presenter page sends: moving, turns, the timer, the floor, the dots,
    /// curation and private notes. Nothing that leaves, ends or writes files (`/quit`, `/end`,
    /// `/saveas`, `/export`) and nothing that only changes the projected screen (`/help`,
    /// `/qr`): those stay at the keyboard.
    static let presenterCommands: Set<String> = [
        "next", "back", "goto", "pass", "turn", "timer", "floor", "reveal", "undo", "kind", "move", "note",
    ]

    /// A command line from the presenter page, run as the keyboard's Enter runs it (the input
    /// box is left alone: the facilitator may be typing there). Its answer goes to the page
    /// (`presenterAnswers`); a refusal stays off the projected screen, without a bell.
    mutating func presenter(_ raw: String, key: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let word = text.dropFirst().prefix { !$0.isWhitespace }.lowercased()
        guard text.hasPrefix("/"), Self.presenterCommands.contains(word) else {
            state.presenterAnswers[key] = .error("The presenter page sends its own commands only.")
            return
        }
        let shown = state.message
        runLine(text)
        let answer = state.message ?? .info("Done.")
        state.presenterAnswers[key] = answer
        if case .error = answer {
            state.message = shown
            effects.removeAll { $0 == .bell }
        }
    }

    /// `/presenter`: the presenter page's link, on this screen only, when it is served; short
    /// enough for an 80-column line.
    mutating func showPresenterLink() {
        guard let link = state.presenterLink else {
            return fail("The presenter page is served with --serve: see docs/presenter.md.")
        }
        state.message = .info("Presenter: \(link)")
    }
}
