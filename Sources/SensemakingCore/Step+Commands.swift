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
        case .reveal: revealDots()
        case .floor(let open): setFloor(open)
        case .cue(let number, let raw): linkCue(number, raw)
        case .mind(let number, let raw): noteMindChanger(number, raw)
        case .mark(let number, let status, let raw): mark(number, status, raw)
        case .timer(let timer): runTimer(timer)
        case .devices: listDevices()
        case .remove(let number): removeDevice(number)
        case .presenter: showPresenterLink()
        case .help:
            state.showHelp = true
        case .qr:
            guard served() else { return }
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
            // Who has said nothing all session; else, at Close, who is yet to check out.
            let spoke = session.speakers()
            var silent = session.anonymous ? [] : session.roster.filter { !spoke.contains($0) }
            var scope = ""
            if silent.isEmpty, session.stage == .close, !session.anonymous {
                let checkedOut = session.speakers(inStage: session.current)
                silent = session.roster.filter { !checkedOut.contains($0) }
                scope = " in the check-out"
            }
            if !silent.isEmpty, !confirmed {
                let names = silent.count == 1 ? silent[0]
                    : silent.dropLast().joined(separator: ", ") + " and " + silent[silent.count - 1]
                return ask("\(names) \(silent.count == 1 ? "has" : "have") not spoken\(scope): Enter again closes.")
            }
            record(.ended)
            effects.append(.exit(.end))
        case .quit:
            quit()
        }
    }
}
