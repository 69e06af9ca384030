import Foundation
import SensemakingCore

/// A long session typed line by line through `reduce`, for `sensemaking-fixtures bench-log`
/// and the in-process benchmarks: every stage in turn with its tags, notes, passes, edits,
/// undos and dots, ending back on Identity (where `scripts/bench` types). The same log on
/// every run.
public struct BenchWorkshop {
    /// Takes each batch of records with the session after them, as `Journal.append` does.
    public typealias Sink = ([Record], Session) -> SaveStatus

    public static let started = Date(timeIntervalSinceReferenceDate: 820_000_000)
    public static let names = ["Ana", "Ben", "Chi", "Dev", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lea"]
    public static let header = SessionHeader(title: "Bench: a long workshop", plan: .standard,
                                             participants: names, anonymous: false, started: started)

    private let sink: Sink
    public private(set) var state: AppState
    private var now = started
    /// Records not yet handed to the journal; flushed every `batchLines` lines and at every
    /// stage change, so each stage heading is written with the session it belongs to.
    private var waiting: [Record] = []
    private var lines = 0
    private var random = 0x2545_F491_4F6C_DD1D as UInt64
    private static let batchLines = 50

    public init(sink: @escaping Sink) {
        self.sink = sink
        self.state = AppState(session: Session(header: Self.header), logName: "bench.md", now: Self.started)
    }

    /// Types the whole workshop; the journal's last answer.
    @discardableResult
    public mutating func write(contributions count: Int) -> SaveStatus {
        let stages = state.session.stages.count - 2
        type("/next")
        for stage in 1...stages {
            let target = count * stage / stages
            if stage > 1 { type("/next") }
            var made = 0
            while state.session.nextID - 1 < target {
                made += 1
                tagFor(stage: stage, made: made)
                if made % 41 == 0 { type("/note the room \(made): " + sentence(words: 8)) }
                else if made % 53 == 0 { type("/pass") }
                else { type(text(stage: stage, made: made)) }
                if made % 97 == 0 { type("/undo") }
                if made % 89 == 0 { type("/edit \(state.session.nextID - 1) " + sentence(words: 12)) }
            }
            if stage == stages - 1 {
                // Plausibility next: everyone places dots on the stories told so far.
                type("/next")
                let stories = state.session.stories.count
                for _ in Self.names {
                    type("/dots \(pick(stories) + 1) \(pick(stories) + 1) \(pick(stories) + 1)")
                }
                type("/back")
            }
        }
        type("/goto 1")
        flush()
        return state.save
    }

    private mutating func tagFor(stage: Int, made: Int) {
        switch stage {
        case 1 where made % 7 == 0: type("/as " + ["a GP", "a commissioner", "the council", "a nurse"][pick(4)])
        case 2 where made % 3 == 0: type("/when " + ["2019", "last winter", "March 2020", "before the merger"][pick(4)])
        case 3 where made % 2 == 0: type("/owner " + Self.names[pick(Self.names.count)])
        default: break
        }
    }

    private mutating func text(stage: Int, made: Int) -> String {
        if stage == 4 { return "Story \(made)\n" + sentence(words: 20 + pick(40)) }
        if made % 11 == 0 { return sentence(words: 10) + "\n" + sentence(words: 12) + " — 日本語 é 👩‍👩‍👧" }
        return sentence(words: 5 + pick(45))
    }

    private mutating func sentence(words: Int) -> String {
        let vocabulary = ["the", "system", "care", "home", "we", "*ward*", "discharge", "#4", "team", "talk",
                          "trust", "[link](x)", "patients", "council", "data", "<b>", "winter", "GP", "money", "time"]
        return (0..<words).map { _ in vocabulary[pick(vocabulary.count)] }.joined(separator: " ") + "."
    }

    /// A fixed xorshift sequence: the same log on every run and machine.
    private mutating func pick(_ n: Int) -> Int {
        random ^= random << 13
        random ^= random >> 7
        random ^= random << 17
        return Int(random % UInt64(max(1, n)))
    }

    /// One line as the front end sends it: pasted into the box, then Enter.
    private mutating func type(_ line: String) {
        now = now.addingTimeInterval(1.5)
        _ = reduce(&state, .tick(now))
        var stageChanged = false
        for action in [Action.paste(line), .key(.enter)] {
            for case .append(let record) in reduce(&state, action) {
                waiting.append(record)
                if case .stageEntered = record.event { stageChanged = true }
            }
        }
        lines += 1
        if stageChanged || lines % Self.batchLines == 0 { flush() }
    }

    private mutating func flush() {
        guard !waiting.isEmpty else { return }
        _ = reduce(&state, .journal(sink(waiting, state.session)))
        waiting = []
    }
}
