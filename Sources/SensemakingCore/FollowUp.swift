import Foundation

/// What a follow-up session reviews: the earlier session's open items, copied into this
/// session's header so its log stands alone even when the earlier log has moved.
public struct FollowUp: Equatable, Sendable {
    /// The earlier log's path, as given to `--follow-up`.
    public var previousLog: String
    public var previousTitle: String
    public var previousStarted: Date
    /// Numbered from 1 on screen and in `/mark N`.
    public var items: [CarriedItem]
    /// Who took part in the earlier sessions, so that `--anonymize` can hide them in the
    /// carried texts too; empty when those were anonymous.
    public var people: [String]

    public init(previousLog: String, previousTitle: String, previousStarted: Date, items: [CarriedItem],
                people: [String] = []) {
        self.previousLog = previousLog
        self.previousTitle = previousTitle
        self.previousStarted = previousStarted
        self.items = items
        self.people = people
    }

    /// The minutes the Review stage opens with.
    public static let reviewMinutes = 15

    /// The follow-up of an earlier session: its live actions (with their owners), cues and
    /// signals, in the order they were said, after what its own review left open (carried
    /// forward, in progress or not marked), so an action is followed until it is done or dropped.
    public init(of previous: Session, log: String) {
        var items: [CarriedItem] = []
        var people = previous.header.followUp?.people ?? []
        for name in previous.everyone where !people.contains(name) { people.append(name) }
        if let earlier = previous.header.followUp {
            for (offset, item) in earlier.items.enumerated() {
                let mark = previous.reviews[offset + 1]
                if mark?.status == .done || mark?.status == .dropped { continue }
                var carried = item
                if let mark { carried.history.append(mark.summary) }
                items.append(carried)
            }
        }
        for contribution in previous.contributions where !contribution.retracted {
            guard [.action, .cue, .signal].contains(contribution.kind) else { continue }
            items.append(CarriedItem(kind: contribution.kind, text: contribution.text,
                                     owner: contribution.kind == .action ? contribution.tags.owner : nil))
        }
        self.init(previousLog: log, previousTitle: previous.header.title,
                  previousStarted: previous.header.started, items: items, people: people)
    }
}

/// An action, cue or signal brought forward from an earlier session.
public struct CarriedItem: Equatable, Sendable {
    public var kind: ContributionKind
    public var text: String
    /// An action's owner.
    public var owner: String?
    /// What earlier reviews said of it, oldest first ("in progress: pilot on Ward 4").
    public var history: [String]

    public init(kind: ContributionKind, text: String, owner: String? = nil, history: [String] = []) {
        self.kind = kind
        self.text = text
        self.owner = owner
        self.history = history
    }
}

/// What the room says became of a carried item.
public enum ReviewStatus: String, CaseIterable, Sendable {
    case done
    case inProgress = "in-progress"
    case dropped
    case carried = "carried-forward"

    public var label: String {
        switch self {
        case .done: "done"
        case .inProgress: "in progress"
        case .dropped: "dropped"
        case .carried: "carried forward"
        }
    }

    /// The words `/mark` accepts for each status.
    public static func named(_ word: String) -> ReviewStatus? {
        switch word.lowercased() {
        case "done", "complete", "completed", "finished": .done
        case "progress", "in-progress", "inprogress", "ongoing", "doing", "started": .inProgress
        case "dropped", "drop", "stopped", "abandoned": .dropped
        case "carry", "carried", "forward", "carried-forward", "carry-forward", "later": .carried
        default: nil
        }
    }
}

/// The room's latest word on a carried item.
public struct ReviewMark: Equatable, Sendable {
    public var status: ReviewStatus
    public var note: String?

    public init(status: ReviewStatus, note: String? = nil) {
        self.status = status
        self.note = note
    }

    /// "in progress: pilot on Ward 4".
    public var summary: String {
        status.label + (note.map { ": " + $0 } ?? "")
    }
}

/// `/mind STORY TEXT`: on the plausibility board, what cue would change the room's mind
/// about a story.
public struct MindChanger: Equatable, Sendable {
    public var story: Int
    public var text: String
}
