import Foundation

/// How a session starts: written once, at the top of the log.
public struct SessionHeader: Equatable, Sendable {
    public var title: String
    public var plan: Plan
    public var participants: [String]
    public var anonymous: Bool
    public var started: Date
    /// Set when the session follows up an earlier one: it then opens with a Review.
    public var followUp: FollowUp?

    public init(title: String, plan: Plan, participants: [String], anonymous: Bool, started: Date,
                followUp: FollowUp? = nil) {
        self.title = title
        self.plan = plan
        self.participants = participants
        self.anonymous = anonymous
        self.started = started
        self.followUp = followUp
    }

    /// The header as the log writes it: an anonymous session's names stay on screen only.
    public var asJournaled: SessionHeader {
        guard anonymous else { return self }
        var copy = self
        copy.participants = []
        return copy
    }
}

/// A change to the stage's timebox.
public enum TimerChange: Equatable, Sendable {
    /// `/timer M`: M minutes left from now.
    case set(seconds: Int)
    /// `/timer +M` and `/timer -M`.
    case adjust(seconds: Int)
    case pause
    case resume
}

/// One fact in the journal. Every change to a session that matters is one of these;
/// `Session.apply` turns them into state, live and on resume alike.
public enum Event: Equatable, Sendable {
    case stageEntered(Int)
    case joined(String)
    case left(String)
    case turnGiven(String)
    case passed(String)
    /// A contribution; `advancesTurn` when it came from the participant whose turn it was.
    case contributed(Contribution, advancesTurn: Bool)
    /// `/undo` or `/undo N`: kept, marked retracted.
    case retracted(id: Int)
    case edited(id: Int, text: String)
    /// `/kind N KIND`: what contribution `id` really is; `owner` is set when the change
    /// gives an action its owner (its author, when it had none).
    case rekinded(id: Int, kind: ContributionKind, owner: String?)
    /// `/move N STAGE`: contribution `id` belongs to stage index `stage`, as `kind`.
    case moved(id: Int, stage: Int, kind: ContributionKind)
    /// Tags that last: `/as` until changed (nil clears it).
    case speakingAs(participant: String, identity: String?)
    /// Tags for the next contribution only: `/when` and `/owner`.
    case pendingWhen(String)
    case pendingOwner(String)
    /// `/owner NAME by DUE`: the next action's due date, after its `pendingOwner`.
    case pendingDue(String)
    /// A participant's whole placement of plausibility dots, by story id (replaces earlier
    /// ones; an anonymous session records no participant and so adds to them). `key` is a
    /// device's, for its placement: a retry with a key already here was saved before.
    case dotsPlaced(participant: String?, stories: [Int], advancesTurn: Bool, key: String? = nil)
    /// `/reveal`, or the last dots placed: the plausibility dots are shown from now on.
    case revealed
    /// `/floor open` (anyone may send from a device) and `/floor turns` (turns hold again).
    case floor(open: Bool)
    /// `/cue STORY CUE`: a cue linked to a story on the plausibility board.
    case cueLinked(story: Int, cue: String)
    /// `/mind STORY TEXT`: what cue would change the room's mind about a story.
    case mindChanger(story: Int, text: String)
    /// `/mark N STATUS NOTE`: what became of carried item N (replaces an earlier mark).
    case reviewed(item: Int, status: ReviewStatus, note: String?)
    case timer(TimerChange)
    /// `/quit`: the session stops here and `resume` continues it.
    case suspended
    /// `resume`: the session goes on; the time between is not counted.
    case resumed
    /// `/end`: the session is closed and its synthesis written.
    case ended
}

/// An event with the moment it happened.
public struct Record: Equatable, Sendable {
    public var time: Date
    public var event: Event

    public init(time: Date, event: Event) {
        self.time = time
        self.event = event
    }
}
