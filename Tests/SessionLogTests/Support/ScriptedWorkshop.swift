import Foundation
import SensemakingCore

/// A whole workshop driven through the real reducer, as the front end would: typed lines,
/// a paste, ticks of a clock with fractions of seconds. Each step's records form one batch,
/// the unit in which the runtime hands records to the journal.
struct ScriptedWorkshop: Sendable {
    struct Batch: Sendable {
        var records: [Record]
        /// The session after the batch was applied.
        var session: Session
    }

    let header: SessionHeader
    let batches: [Batch]
    let final: Session

    var records: [Record] { batches.flatMap(\.records) }

    static let started = Date(timeIntervalSinceReferenceDate: 816_000_000.123_456_7)

    static let standard = ScriptedWorkshop(anonymous: false)
    static let anonymous = ScriptedWorkshop(anonymous: true)

    init(anonymous: Bool) {
        let header = SessionHeader(title: "Our *system* — a #test", plan: .standard, participants: ["Ana"],
                                   anonymous: anonymous, started: Self.started)
        var state = AppState(session: Session(header: header), logName: "log.md", now: Self.started)
        var batches: [Batch] = []
        var now = Self.started
        func step(_ actions: [Action]) {
            now = now.addingTimeInterval(7.123_456_789)
            _ = reduce(&state, .tick(now))
            var records: [Record] = []
            for action in actions {
                for effect in reduce(&state, action) {
                    if case .append(let record) = effect { records.append(record) }
                }
            }
            if !records.isEmpty { batches.append(Batch(records: records, session: state.session)) }
        }
        func type(_ line: String) { step(line.map { Action.key(.character($0)) } + [.key(.enter)]) }
        func paste(_ text: String) { step([.paste(text), .key(.enter)]) }

        type("Ben, Chi")
        type("/next")
        type("/as GP & partner")
        type("I speak as a *GP* and a [partner](http://x.org) <b>too</b>")
        type("/pass")
        type("@Chi # not a heading, 1. not a list")
        type("/note the room is warm; ana@example.org")
        type("/timer 5")
        type("/timer +2")
        type("/timer pause")
        type("/timer resume")
        type("/next")
        type("/when winter 2019")
        paste("Line one\n> not a quote\n\n- not a list\n    not code\n日本語 👩‍👩‍👧 e\u{301} مرحبا")
        type("/next")
        type("/owner Ben")
        type("Run the pilot, see www.example.org")
        type("Second action")
        type("/undo")
        type("/edit 5 amended: `not code`")
        type("/next")
        type("Story one | with | pipes")
        type("Story two --- with dashes")
        type("Story three ~~struck~~")
        type("/goto plausibility")
        type("/dots 1 1 2")
        type("/dots 2 3")
        type("/cue 1 waiting lists")
        type("/join Dee")
        type("/leave Ben")
        type("/turn Dee")
        type("/back")
        type("/next")
        type("/quit")
        step([.resume])
        type("/goto close")
        type("I take away: <!-- sm:contribution seq=1 --> nothing forged")
        type("/end")
        type("")    // the others have not checked out: Enter again (the line kept) closes

        self.header = header
        self.batches = batches
        self.final = state.session
    }
}
