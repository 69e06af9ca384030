import Foundation

extension Step {
    mutating func handle(_ key: Key) {
        if state.showHelp || state.showJoin {
            // Help and `/qr` are screens of their own: any key closes them, and only closes them.
            state.showHelp = false
            state.showJoin = false
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
        // With nothing typed, Home and End move the list to its first and last page.
        case .home:
            if state.input.text.isEmpty { state.scroll = AppState.scrollTop } else { state.input.home() }
        case .end:
            if state.input.text.isEmpty { state.scroll = 0 } else { state.input.end() }
        case .deleteWord: state.input.deleteWord()
        case .clearInput: state.input.clear()
        case .pageUp: if state.scrollMore { state.scroll += 1 }
        case .pageDown:
            if state.scroll == 0, let down = state.scrollDown {
                state.scroll = down
            } else {
                state.scroll = max(0, min(state.scroll, AppState.scrollTop) - 1)
            }
        case .escape: state.message = nil
        case .help: state.showHelp = true
        case .toggleView:
            if session.stage.element == .retrospection {
                state.retrospectionView = state.retrospectionView == .list ? .timeline : .list
                // The timeline opens at its start, the earliest memory; the list at the newest.
                state.scroll = state.retrospectionView == .timeline ? AppState.scrollTop : 0
            } else if session.stage == .close {
                state.closePage = state.closePage.next
                state.scroll = 0
            }
        case .interrupt:
            if state.quitArmed {
                quit()
            } else {
                state.quitArmed = true
                state.message = .info(Self.quitQuestion)
            }
        case .enter:
            // Below the minimum size nobody can see what Enter would send: it waits in the box.
            if state.tooSmall { return state.message = .info(Self.heldText) }
            submit()
        }
    }

    static let heldText = "Nothing was sent while the window was too small to read: the text waits here; press Enter to send it."

    /// Enter: the line in the box runs (`runLine`).
    mutating func submit() {
        if state.input.text.allSatisfy(\.isWhitespace) {
            state.input.clear()
            return
        }
        runLine(state.input.text.trimmingCharacters(in: .whitespaces))
        // The box empties only when the line did something; an error or a question keeps the text.
        if case .error = state.message {} else if state.confirming == nil {
            state.input.clear()
            state.scroll = 0
            if let refill { _ = state.input.insert(refill) }
        }
    }

    /// A line as Enter submits it, from the input box or from the presenter page
    /// (`Step.presenter`): a contribution, names, or a command.
    mutating func runLine(_ text: String) {
        state.message = nil
        line = text
        confirmed = state.confirming == line
        state.confirming = nil
        switch CommandParser.parse(line) {
        case .failure(let error):
            fail(error.message)
        case .success(.text(let text)):
            if session.stage == .welcome {
                addNames(text, typed: true)
            } else {
                contribute(text, from: session.turnHolder, inTurn: true)
            }
        case .success(.mention(let rest)):
            mention(rest)
        case .success(.command(let command)):
            run(command)
        }
    }
}
