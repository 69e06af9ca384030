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
    /// The line being submitted, trimmed, and whether it repeats the one that asked.
    var line = ""
    var confirmed = false
    /// Text for the input box once the line is done (`/edit N` alone).
    var refill: String?

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
        case .dotsPlaced(let participant, let stories, _, let key):
            return .dotsPlaced(participant: participant, stories: stories, advancesTurn: false, key: key)
        case .joined, .left, .turnGiven, .passed, .speakingAs: return nil
        default: return event
        }
    }

    mutating func fail(_ message: String) {
        state.message = .error(message)
        effects.append(.bell)
    }

    /// Asks before doing what the line says: the same line again confirms. The box keeps it.
    mutating func ask(_ question: String) {
        state.message = .info(question)
        state.confirming = line
    }

    /// The text cleaned for `field`, or nil after failing with the sanitiser's reason: the
    /// one way every command takes its text in.
    mutating func clean(_ raw: String, as field: Sanitizer.Field) -> String? {
        switch Sanitizer.clean(raw, as: field) {
        case .failure(let failure):
            fail(failure.message)
            return nil
        case .success(let text):
            return text
        }
    }

    mutating func handle(_ action: Action) {
        switch action {
        case .tick(let now):
            tick(now)
        case .key(let key):
            if key != .interrupt { disarmQuit() }
            handle(key)
        case .paste(let text):
            disarmQuit()
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
        case .scrolled(let page, let more, let down):
            state.scroll = page
            state.scrollMore = more
            state.scrollDown = down
        case .device(let action):
            handle(action)
        case .screen(let tooSmall):
            state.tooSmall = tooSmall
        case .presenter(let line, let key):
            presenter(line, key: key)
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

    /// Any other key than a second Ctrl-C: the question no longer applies, so it goes too.
    mutating func disarmQuit() {
        if state.quitArmed, state.message == .info(Self.quitQuestion) { state.message = nil }
        state.quitArmed = false
    }

    static let quitQuestion = "Press Ctrl-C again to leave. Everything is saved; `sensemaking resume` continues."

    mutating func quit() {
        record(.suspended)
        effects.append(.exit(.quit))
    }
}
