import Foundation

extension Step {
    /// A facilitator command: each domain's file does the work.
    mutating func run(_ command: Command) {
        switch command {
        case .next, .back, .goto: move(command)
        case .pass, .turn, .join, .leave, .speakAs: changeTurns(command)
        case .note, .undo, .retract, .edit, .recall, .kind, .move: curate(command)
        case .when(let raw): tagWhen(raw)
        case .owner(let raw): tagOwner(raw)
        case .dots(let numbers): placeDots(numbers)
        case .cue(let number, let raw): linkCue(number, raw)
        case .mind(let number, let raw): noteMindChanger(number, raw)
        case .mark(let number, let status, let raw): mark(number, status, raw)
        case .timer(let timer): runTimer(timer)
        case .help:
            state.showHelp = true
        case .qr:
            guard state.join != nil else {
                return fail("Devices join only when the session is served: start it with --serve PORT.")
            }
            state.showJoin = true
        case .export:
            effects.append(.export)
        case .saveAs(let raw):
            guard case .notSaved = state.save else {
                return fail("The log is saving; /saveas is for after a write failure.")
            }
            guard let path = clean(raw, as: .path) else { return }
            effects.append(.saveAs(path))
        case .end:
            let silent = session.anonymous ? [] : session.roster.filter { name in
                !session.contributions.contains { $0.author == name && !$0.retracted }
            }
            if !silent.isEmpty, !confirmed {
                return ask("\(Self.names(silent)) \(silent.count == 1 ? "has" : "have") not spoken: Enter again closes.")
            }
            // At Close the banner says who is yet to check out: /end asks about them too.
            let checkedOut = Set(session.items(inStage: session.current).compactMap(\.author))
            let waiting = session.anonymous || session.stage != .close ? [] : session.roster.filter { !checkedOut.contains($0) }
            if !waiting.isEmpty, !confirmed {
                return ask("\(Self.names(waiting)) \(waiting.count == 1 ? "has" : "have") not checked out: Enter again closes.")
            }
            record(.ended)
            effects.append(.exit(.end))
        case .quit:
            quit()
        }
    }

    /// "Ben", "Ben and Dev", "Ana, Ben and Dev".
    static func names(_ names: [String]) -> String {
        names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
