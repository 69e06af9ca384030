import Foundation

/// The one place state changes. Pure: the same state and action always give the same
/// new state and effects. Journaled changes go through `Session.apply`, the function
/// that `resume` and `export` replay.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    // The state moves into the step and back, never copied: with a copy alive, the first
    // append to `contributions` copied the whole array, once per contribution.
    var step = Step(state: consume state)
    step.handle(action)
    state = step.state
    return step.effects
}

/// One reduction in progress: the state being changed and the effects it asks for.
struct Step {
    var state: AppState
    var effects: [Effect] = []

    var session: Session { state.session }

    /// Journals an event: applies it now and asks the front end to write what the journal
    /// may keep of it.
    mutating func record(_ event: Event) {
        let time = max(state.now, state.session.lastTime)
        guard let kept = Self.journaled(event, anonymous: session.anonymous) else {
            // Not journaled, so it must not move the session's clock either: a replay of
            // the journal would not, and the timeboxes would differ after a resume.
            state.session.apply(Record(time: session.lastTime, event: event))
            return
        }
        state.session.apply(Record(time: time, event: event))
        effects.append(.append(Record(time: time, event: kept)))
    }

    /// What an anonymous session's journal keeps of an event: no name, and nothing that,
    /// read in order, ties a contribution or a dot to a person. Who is here, whose turn it
    /// is and who speaks as what live on screen only (a resumed anonymous session asks for
    /// its names again); the identity a contribution was spoken from stays on it.
    static func journaled(_ event: Event, anonymous: Bool) -> Event? {
        guard anonymous else { return event }
        switch event {
        case .contributed(let contribution, _): return .contributed(contribution, advancesTurn: false)
        case .dotsPlaced(let participant, let stories, _):
            return .dotsPlaced(participant: participant, stories: stories, advancesTurn: false)
        case .joined, .left, .turnGiven, .passed, .speakingAs: return nil
        default: return event
        }
    }

    mutating func fail(_ message: String) {
        state.message = .error(message)
        effects.append(.bell)
    }

    mutating func handle(_ action: Action) {
        switch action {
        case .tick(let now):
            tick(now)
        case .key(let key):
            if key != .interrupt { state.quitArmed = false }
            handle(key)
        case .paste(let text):
            state.quitArmed = false
            // A paste is text, whatever it holds: line breaks stay line breaks.
            let dropped = state.input.insert(Sanitizer.strip(text))
            if dropped > 0 {
                fail("The paste was too long: \(dropped) \(dropped == 1 ? "character was" : "characters were") left out.")
            }
        case .journal(let status):
            state.save = status
        case .notice(let message):
            state.message = message
        case .terminate:
            quit()
        case .resume:
            record(.resumed)
            var text = "Resumed \(session.stage.name). Everything saved before is here."
            // An anonymous journal keeps no names: the room says again who is here.
            if session.anonymous && session.roster.isEmpty {
                text += " An anonymous log keeps no names: /join Ana, Ben adds who is here."
            }
            state.message = .info(text)
        }
    }

    mutating func tick(_ now: Date) {
        state.now = max(now, state.now)
        let index = session.current
        if let left = session.timebox.remaining(at: state.now), left <= 0,
           session.timebox.running, !state.belled.contains(index) {
            state.belled.insert(index)
            effects.append(.bell)
        }
    }

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

    mutating func quit() {
        record(.suspended)
        effects.append(.exit(.quit))
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

    mutating func addNames(_ text: String) {
        var added: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            switch Sanitizer.clean(String(part), as: .name) {
            case .failure(.empty):
                continue  // "Ana, , Ben": a stray comma, as --participants reads it
            case .failure(let failure):
                return fail(failure.message)
            case .success(let name):
                if let problem = nameProblem(name) { return fail(problem) }
                if session.participant(named: name) != nil || added.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                    return fail("\(name) is already here.")
                }
                added.append(name)
            }
        }
        if added.isEmpty { return fail(Sanitizer.Failure.empty(.name).message) }
        for name in added { record(.joined(name)) }
        let names = added.joined(separator: ", ")
        state.message = .info(session.stage == .welcome ? "Welcome, \(names). Type more names, or /next to begin."
                                                        : "\(names) joined.")
    }

    /// Names are used after `@` and in `/turn`: they cannot start with a command sign.
    func nameProblem(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("@") { return "A name cannot start with / or @." }
        if name.contains("\n") { return "A name is one line." }
        return nil
    }

    mutating func contribute(_ raw: String, from author: String?, inTurn: Bool) {
        guard let kind = session.stage.captures else {
            return fail("Contributions begin after Welcome: type /next.")
        }
        switch Sanitizer.clean(raw, as: .contribution) {
        case .failure(let failure):
            fail(failure.message)
        case .success(let text):
            var tags = Tags()
            if let author { tags.speakingAs = session.speakingAs[author] }
            tags.when = session.pendingWhen
            tags.owner = session.pendingOwner ?? (kind == .action && !session.anonymous ? author : nil)
            let contribution = Contribution(
                id: session.nextID,
                author: session.anonymous ? nil : author,
                stage: session.current,
                kind: kind,
                text: text,
                tags: tags,
                time: max(state.now, session.lastTime))
            record(.contributed(contribution, advancesTurn: inTurn && author != nil))
        }
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
}
