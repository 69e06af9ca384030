import Foundation
import Testing
@testable import SensemakingCore

/// The moment every test session starts; time only moves by `.tick`.
let t0 = Date(timeIntervalSinceReferenceDate: 700_000_000)

/// The default stages as run: 0 Welcome, 1 Identity … 7 Plausibility, 8 Close.
enum StageIndex {
    static let welcome = 0, identity = 1, retrospection = 2, enactment = 3, social = 4,
               ongoing = 5, cues = 6, plausibility = 7, close = 8
}

/// A session driven only through `reduce`, keeping every record its effects asked to write.
struct Room {
    var state: AppState
    private(set) var records: [Record] = []

    init(_ participants: [String] = ["Ana", "Ben", "Chi"], plan: Plan = .standard, anonymous: Bool = false,
         followUp: FollowUp? = nil) {
        let header = SessionHeader(title: plan.title, plan: plan, participants: participants,
                                   anonymous: anonymous, started: t0, followUp: followUp)
        state = AppState(session: Session(header: header), logName: "test.md")
    }

    var session: Session { state.session }
    var input: String { state.input.text }
    var message: Message? { state.message }

    @discardableResult
    mutating func send(_ action: Action) -> [Effect] {
        let effects = reduce(&state, action)
        for case .append(let record) in effects { records.append(record) }
        return effects
    }

    @discardableResult
    mutating func key(_ key: Key) -> [Effect] { send(.key(key)) }

    @discardableResult
    mutating func paste(_ text: String) -> [Effect] { send(.paste(text)) }

    /// Types `text` key by key (a line break with Ctrl-J), then presses Enter; returns
    /// what Enter asked for. Typing itself must ask for nothing.
    @discardableResult
    mutating func type(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        for character in text {
            let effects = character == "\n" ? key(.lineBreak) : key(.character(character))
            #expect(effects.isEmpty, "typing \(character.debugDescription) asked for \(effects)", sourceLocation: sourceLocation)
        }
        return key(.enter)
    }

    /// The clock reads `seconds` after `t0`.
    @discardableResult
    mutating func tick(_ seconds: TimeInterval) -> [Effect] { send(.tick(t0 + seconds)) }

    /// The session rebuilt from its header and the records written, as `resume` does.
    var replayed: Session {
        // From the header as the log writes it, as resume reads it.
        var session = Session(header: state.session.header.asJournaled)
        for record in records { session.apply(record) }
        return session
    }

    /// Resume's promise: the records alone rebuild the live session (in an anonymous one,
    /// all but the turn and who speaks as what, which its journal does not keep).
    func expectReplayMatches(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(replayMatches, "replaying the records gives another session", sourceLocation: sourceLocation)
    }

    var replayMatches: Bool { replayed == session.asJournaled }
}

/// The effect of writing `event` at `t0 + seconds`.
func write(_ event: Event, at seconds: TimeInterval = 0) -> Effect {
    .append(Record(time: t0 + seconds, event: event))
}

/// A contribution as the reducer makes it.
func item(_ id: Int, _ author: String?, stage: Int, _ kind: ContributionKind, _ text: String,
          tags: Tags = Tags(), at seconds: TimeInterval = 0) -> Contribution {
    Contribution(id: id, author: author, stage: stage, kind: kind, text: text, tags: tags, time: t0 + seconds)
}

/// A plan of the given elements, ten minutes each, with their default prompts.
func plan(_ elements: [Element], dots: Int = 3) -> Plan {
    Plan(title: "Test plan", purpose: "Testing.", stages: elements.map { PlanStage(element: $0) }, dots: dots)
}
