import Foundation

extension Step {
    /// A facilitator command: each domain's file does the work.
    mutating func run(_ command: Command) {
        switch command {
        case .next, .back, .goto: move(command)
        case .pass, .turn, .join, .leave, .speakAs: changeTurns(command)
        case .note, .when, .owner, .undo, .edit: curate(command)
        case .dots(let numbers): placeDots(numbers)
        case .cue(let number, let raw): linkCue(number, raw)
        case .mind(let number, let raw): noteMindChanger(number, raw)
        case .mark(let number, let status, let raw): mark(number, status, raw)
        case .timer(let timer): runTimer(timer)
        case .help:
            state.showHelp = true
        case .export:
            effects.append(.export)
        case .saveAs(let raw):
            guard case .notSaved = state.save else {
                return fail("The log is saving; /saveas is for after a write failure.")
            }
            guard let path = clean(raw, as: .path) else { return }
            effects.append(.saveAs(path))
        case .end:
            record(.ended)
            effects.append(.exit(.end))
        case .quit:
            quit()
        }
    }
}
