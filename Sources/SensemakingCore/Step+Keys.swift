import Foundation

extension Step {
    mutating func handle(_ key: Key) {
        if state.showHelp {
            // Help is a screen of its own: any key closes it, and only closes it.
            state.showHelp = false
            return
        }
        switch key {
        case .character(let character):
            let dropped = state.input.insert(Sanitizer.strip(String(character)))
            if dropped > 0 { fail("The text is full (\(InputBox.capacity) characters).") }
        case .lineBreak:
            if state.input.insert("\n") > 0 { fail("The text is full (\(InputBox.capacity) characters).") }
        case .backspace: state.input.backspace()
        case .delete: state.input.delete()
        case .left: state.input.left()
        case .right: state.input.right()
        case .up: state.input.up()
        case .down: state.input.down()
        case .home: state.input.home()
        case .end: state.input.end()
        case .deleteWord: state.input.deleteWord()
        case .clearInput: state.input.clear()
        case .pageUp: state.scroll += 5
        case .pageDown: state.scroll = max(0, state.scroll - 5)
        case .escape: state.message = nil
        case .help: state.showHelp = true
        case .toggleView:
            if session.stage.element == .retrospection {
                state.retrospectionView = state.retrospectionView == .list ? .timeline : .list
            }
        case .interrupt:
            if state.quitArmed {
                quit()
            } else {
                state.quitArmed = true
                state.message = .info("Press Ctrl-C again to leave. Everything is saved; `sensemaking resume` continues.")
            }
        case .enter:
            submit()
        }
    }

    /// Enter: the line in the box becomes a contribution, names, or a command.
    mutating func submit() {
        let line = state.input.text
        if line.allSatisfy(\.isWhitespace) {
            state.input.clear()
            return
        }
        state.message = nil
        switch CommandParser.parse(line.trimmingCharacters(in: .whitespaces)) {
        case .failure(let error):
            fail(error.message)
        case .success(.text(let text)):
            if session.stage == .welcome {
                addNames(text)
            } else {
                contribute(text, from: session.turnHolder, inTurn: true)
            }
        case .success(.mention(let rest)):
            mention(rest)
        case .success(.command(let command)):
            run(command)
        }
        // The box empties only when the line did something; an error keeps the text.
        if case .error = state.message {} else {
            state.input.clear()
            state.scroll = 0
        }
    }
}
