import Foundation

extension Step {
    mutating func run(_ command: Command) {
        switch command {
        case .next:
            if session.isLastStage { return fail("This is the last stage: /end closes the session.") }
            enter(session.current + 1)
        case .back:
            if session.current == 0 { return fail("This is the first stage.") }
            enter(session.current - 1)
        case .goto(let target):
            guard let index = stageIndex(target) else {
                let count = session.plan.stages.count
                let review = session.header.followUp == nil ? "" : ", Review"
                return fail("No stage \"\(target.prefix(30))\": stages are 1 to \(count), Welcome is 0\(review) and Close is \(count + 1), or a name.")
            }
            if index == session.current { return state.message = .info("Already in \(session.stage.name).") }
            enter(index)
        case .pass:
            guard let holder = session.turnHolder else { return fail(noOneHere) }
            record(.passed(holder))
        case .turn(let name):
            guard let participant = findParticipant(name) else { return }
            record(.turnGiven(participant))
        case .join(let raw):
            // "/join Ana, Ben" adds both, as a line typed in Welcome does.
            addNames(raw)
        case .leave(let name):
            guard let participant = findParticipant(name) else { return }
            record(.left(participant))
            state.message = .info("\(participant) left.")
        case .note(let raw):
            switch Sanitizer.clean(raw, as: .contribution) {
            case .failure(let failure): return fail(failure.message)
            case .success(let text):
                let note = Contribution(id: session.nextID, author: nil, stage: session.current, kind: .note,
                                        text: text, time: max(state.now, session.lastTime))
                record(.contributed(note, advancesTurn: false))
            }
        case .speakAs(let raw):
            guard let holder = session.turnHolder else { return fail(noOneHere) }
            guard let raw else {
                record(.speakingAs(participant: holder, identity: nil))
                return state.message = .info("\(holder) speaks for themselves again.")
            }
            switch Sanitizer.clean(raw, as: .tag) {
            case .failure(let failure): fail(failure.message)
            case .success(let identity):
                record(.speakingAs(participant: holder, identity: identity))
                state.message = .info("\(holder) speaks as \(identity).")
            }
        case .when(let raw):
            switch Sanitizer.clean(raw, as: .tag) {
            case .failure(let failure): fail(failure.message)
            case .success(let when):
                record(.pendingWhen(when))
                state.message = .info("The next note is dated \(when).")
            }
        case .owner(let raw):
            switch Sanitizer.clean(raw, as: .name) {
            case .failure(let failure): fail(failure.message)
            case .success(let owner):
                record(.pendingOwner(session.participant(named: owner) ?? owner))
                state.message = .info("The next action is owned by \(session.pendingOwner ?? owner).")
            }
        case .dots(let numbers):
            placeDots(numbers)
        case .undo:
            guard let latest = session.contributions.last(where: { !$0.retracted }) else {
                return fail("Nothing to undo.")
            }
            record(.retracted(id: latest.id))
            state.message = .info("Retracted #\(latest.id); the log keeps it, marked retracted.")
        case .edit(let id, let raw):
            guard let item = session.contribution(id), !item.retracted else {
                return fail("There is no contribution #\(id) to edit.")
            }
            switch Sanitizer.clean(raw, as: .contribution) {
            case .failure(let failure): fail(failure.message)
            case .success(let text):
                if text == item.text { return state.message = .info("#\(id) already says that.") }
                record(.edited(id: id, text: text))
                state.message = .info("#\(id) amended; the log keeps both.")
            }
        case .timer(let timer):
            runTimer(timer)
        case .help:
            state.showHelp = true
        case .export:
            effects.append(.export)
        case .saveAs(let raw):
            guard case .notSaved = state.save else {
                return fail("The log is saving; /saveas is for after a write failure.")
            }
            switch Sanitizer.clean(raw, as: .path) {
            case .failure(let failure): fail(failure.message)
            case .success(let path): effects.append(.saveAs(path))
            }
        case .cue(let number, let raw):
            guard let story = boardStory(number, for: "link a cue to") else { return }
            switch Sanitizer.clean(raw, as: .tag) {
            case .failure(let failure): fail(failure.message)
            case .success(let cue):
                record(.cueLinked(story: story.id, cue: cue))
                state.message = .info("Cue linked to story \(number).")
            }
        case .mind(let number, let raw):
            guard let story = boardStory(number, for: "note against") else { return }
            switch Sanitizer.clean(raw, as: .contribution) {
            case .failure(let failure): fail(failure.message)
            case .success(let text):
                record(.mindChanger(story: story.id, text: text))
                state.message = .info("Noted what would change our mind about story \(number).")
            }
        case .mark(let number, let status, let raw):
            mark(number, status, raw)
        case .end:
            record(.ended)
            effects.append(.exit(.end))
        case .quit:
            quit()
        }
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

    mutating func mark(_ number: Int, _ status: ReviewStatus, _ raw: String?) {
        guard let items = session.header.followUp?.items else {
            return fail("This session follows up no earlier one: sensemaking run --follow-up PREVIOUS.md starts one that does.")
        }
        guard items.indices.contains(number - 1) else {
            return fail(items.isEmpty ? "The earlier session left nothing to review." : "Items are numbered 1 to \(items.count).")
        }
        var note: String?
        if let raw {
            switch Sanitizer.clean(raw, as: .contribution) {
            case .failure(let failure): return fail(failure.message)
            case .success(let text): note = text
            }
        }
        record(.reviewed(item: number, status: status, note: note))
        state.message = .info("Item \(number) marked \(status.label).")
    }

    var noOneHere: String { "No one is here yet: /join NAME adds a participant." }

    mutating func enter(_ index: Int) {
        record(.stageEntered(index))
        state.scroll = 0
        state.retrospectionView = .list
    }

    /// A participant by name, case-insensitive, or a failure that suggests the closest one.
    mutating func findParticipant(_ name: String) -> String? {
        if let found = session.participant(named: name) { return found }
        if session.roster.isEmpty {
            fail(noOneHere)
            return nil
        }
        let lowered = name.lowercased()
        let guess = session.roster
            .map { ($0, CommandParser.editDistance(lowered, $0.lowercased())) }
            .min { $0.1 < $1.1 }
        if let guess, guess.1 <= 2 {
            fail("No one called \(name.prefix(40)) is here: did you mean \(guess.0)?")
        } else {
            fail("No one called \(name.prefix(40)) is here. Here: \(session.roster.joined(separator: ", ")).")
        }
        return nil
    }

    /// Finds a stage by number (Welcome is 0), by element or by a plan stage's title.
    func stageIndex(_ target: String) -> Int? {
        let key = target.trimmingCharacters(in: .whitespaces).lowercased()
        if let n = Int(key) {
            if n == 0 { return 0 }
            if n == session.plan.stages.count + 1 { return session.stages.count - 1 }
            return session.stageIndex(ofPlanNumber: n)
        }
        if key == "welcome" { return 0 }
        if key == "review", session.header.followUp != nil { return 1 }
        if key == "close" { return session.stages.count - 1 }
        let titled = session.stages.indices.filter { session.stages[$0].name.lowercased() == key }
        let element = Element.named(key)
        let matches = titled.isEmpty
            ? session.stages.indices.filter { element != nil && session.stages[$0].element == element }
            : titled
        // A repeated element: the next one after the current stage, else the first.
        return matches.first { $0 > session.current } ?? matches.first
    }

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

    mutating func runTimer(_ timer: TimerCommand) {
        let box = session.timebox
        switch timer {
        case .set(let minutes):
            record(.timer(.set(seconds: minutes * 60)))
            state.belled.remove(session.current)
        case .add(let minutes):
            record(.timer(.adjust(seconds: minutes * 60)))
            state.belled.remove(session.current)
        case .subtract(let minutes):
            guard box.budget != nil, let left = box.remaining(at: state.now) else {
                return fail("This stage has no timer: /timer M sets one.")
            }
            // Down to no time left, never into overtime: "-5" with 3 left leaves 0.
            let seconds = min(minutes * 60, max(0, left))
            if seconds == 0 { return state.message = .info("No time is left to take off.") }
            record(.timer(.adjust(seconds: -seconds)))
        case .pause:
            if box.paused { return state.message = .info("The timer is already paused.") }
            record(.timer(.pause))
        case .resume:
            if !box.paused { return state.message = .info("The timer is running.") }
            record(.timer(.resume))
        }
    }
}
