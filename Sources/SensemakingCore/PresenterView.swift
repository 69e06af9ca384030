import Foundation

/// What the facilitator's own view shows (the presenter page and `sensemaking presenter`),
/// made from the state alone as the frame is: the stage now and the next two, the time left
/// and the whole session's budget, who has and has not spoken, the private notes and the
/// devices connected. Never shown to the room. Its JSON is the presenter API
/// (docs/join-api.md); `version` changes when a field's meaning does.
public struct PresenterView: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public struct Stage: Codable, Equatable, Sendable {
        /// Index into the session's stages: what `/goto` would not need, the view's key.
        public var index: Int
        /// Plan number (1…n); nil on Welcome, Review and Close.
        public var number: Int?
        public var name: String
        public var question: String?
        public var prompts: [String]
        /// The stage's timebox in whole minutes (rounded up); nil with none.
        public var minutes: Int?
    }

    public struct Timer: Codable, Equatable, Sendable {
        /// Seconds allowed in this stage; nil with no timebox.
        public var budget: Int?
        /// Seconds left (negative when over); nil with no timebox.
        public var left: Int?
        public var running: Bool
        public var paused: Bool
        /// What the big clock says, as the projected screen does: "07:32 left", "+02:13 over",
        /// "07:32 left · paused", "12:04 elapsed".
        public var text: String
        /// No time left.
        public var over: Bool
    }

    /// The whole session against its plan, in seconds: the stages with a timebox.
    public struct Budget: Codable, Equatable, Sendable {
        /// What the plan gives all its stages together.
        public var planned: Int
        /// Spent on the stages done, the current one at least to its timebox, and the plan's
        /// time for those whose clock never ran, wherever they are (a `/goto` past a stage has
        /// not done it): when the session would end at this pace.
        public var projected: Int
        /// `projected - planned`: over the plan (behind) when positive, ahead when negative.
        public var over: Int
        /// "on plan", "3 min behind plan", "2 min ahead of plan".
        public var text: String
    }

    public struct Speaking: Codable, Equatable, Sendable {
        /// Who is here and has said something in this stage, in roster order.
        public var spokenHere: [String]
        /// Who is here and has said nothing in this stage.
        public var silentHere: [String]
        /// Who is here and has said nothing in any stage.
        public var silentOverall: [String]
        /// Everyone who took part, in order of arrival, with their share of what was said.
        public var balance: [Share]
        /// Contributions said in this stage (not notes): the count an anonymous session has.
        public var countHere: Int
    }

    public struct Share: Codable, Equatable, Sendable {
        public var participant: String
        public var contributions: Int
        /// Share of all characters said, in whole percent.
        public var percent: Int
    }

    public struct Item: Codable, Equatable, Sendable {
        public var id: Int
        /// Nil for the room, or any contribution in an anonymous session.
        public var author: String?
        public var kind: String
        public var text: String
    }

    public struct Note: Codable, Equatable, Sendable {
        public var id: Int
        public var stage: String
        public var text: String
    }

    public struct Device: Codable, Equatable, Sendable {
        public var number: Int
        public var name: String?
    }

    public var version: Int
    public var title: String
    public var anonymous: Bool
    public var ended: Bool
    /// The stage now, then the next two (fewer near the end).
    public var stages: [Stage]
    public var timer: Timer
    public var budget: Budget
    /// Whose turn it is; nil in an anonymous session or with no one here.
    public var turn: String?
    public var here: [String]
    public var speaking: Speaking
    /// This stage's live contributions, newest last: what `/undo N` and `/kind N` act on.
    public var items: [Item]
    /// The kinds this stage's contributions may be given (`/kind`), the default first.
    public var kinds: [String]
    /// Every private note kept, oldest first, retracted ones left out.
    public var notes: [Note]
    public var devices: [Device]
    /// "saved", or why the journal could not write.
    public var save: String

    public init(_ state: AppState) {
        let session = state.session
        let now = state.now
        version = Self.currentVersion
        title = session.header.title
        anonymous = session.anonymous
        ended = session.ended
        stages = (session.current..<min(session.current + 3, session.stages.count)).map { index in
            let stage = session.stages[index]
            let budget = session.timeboxes[index].budget
            return Stage(index: index, number: session.planNumber(ofStage: index), name: stage.name,
                         question: stage.element?.meaning, prompts: stage.prompts,
                         minutes: budget.map { ($0 + 59) / 60 })
        }
        let box = session.timebox
        let words = box.text(at: now)
        timer = Timer(budget: box.budget, left: box.remaining(at: now), running: box.running, paused: box.paused,
                      text: words.text, over: words.over)
        budget = Self.budget(session, now: now)
        turn = session.anonymous ? nil : session.turnHolder
        here = session.anonymous ? [] : session.roster
        speaking = Self.speaking(session)
        items = session.items(inStage: session.current)
            .filter { !$0.retracted && $0.kind != .note }
            .map { Item(id: $0.id, author: $0.author, kind: $0.kind.rawValue, text: $0.text) }
        kinds = session.stage.kinds.map(\.rawValue)
        notes = session.contributions.filter { $0.kind == .note && !$0.retracted }
            .map { Note(id: $0.id, stage: session.stages[$0.stage].name, text: $0.text) }
        devices = state.devices.map { Device(number: $0.number, name: $0.name) }
        switch state.save {
        case .saved: save = "saved"
        case .notSaved(let reason, let pending): save = "NOT SAVED (\(pending) waiting): \(reason)"
        }
    }

    /// The stages that open with a timebox (the plan's and a follow-up's Review): done ones
    /// count what they took, the current one at least its timebox, later ones theirs, and so
    /// do earlier ones whose clock never ran: skipped with `/goto`, a stage is still to do,
    /// not time saved.
    static func budget(_ session: Session, now: Date) -> Budget {
        var planned = 0, projected = 0.0
        for index in session.stages.indices {
            guard let plan = session.stages[index].budget else { continue }
            planned += plan
            let box = session.timeboxes[index]
            let spent = box.elapsed(at: now), allowed = Double(box.budget ?? 0)
            let done = index < session.current && spent > 0
            projected += done ? spent : max(spent, allowed)
        }
        let whole = Int(projected.rounded()), over = whole - planned
        let minutes = Int((Double(abs(over)) / 60).rounded())
        let text = minutes == 0 ? "on plan" : "\(minutes) min \(over > 0 ? "behind" : "ahead of") plan"
        return Budget(planned: planned, projected: whole, over: over, text: text)
    }

    /// Who has spoken, from live contributions (retracted ones and notes do not count). An
    /// anonymous session's contributions carry no author, so only its count is known.
    static func speaking(_ session: Session) -> Speaking {
        let live = session.contributions.filter { !$0.retracted && $0.kind != .note }
        let here = live.filter { $0.stage == session.current }
        let spokeHere = session.speakers(inStage: session.current), spoke = session.speakers()
        let roster = session.anonymous ? [] : session.roster
        let shares = session.anonymous ? [] : Synthesis.shares(live, everyone: session.everyone)
        return Speaking(spokenHere: roster.filter { spokeHere.contains($0) },
                        silentHere: roster.filter { !spokeHere.contains($0) },
                        silentOverall: roster.filter { !spoke.contains($0) },
                        balance: shares.map { Share(participant: $0.participant, contributions: $0.contributions, percent: $0.percent) },
                        countHere: here.count)
    }
}
