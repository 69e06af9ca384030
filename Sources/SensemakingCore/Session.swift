import Foundation

/// Plausibility dots one participant placed, by story id.
public struct DotPlacement: Equatable, Sendable {
    /// Nil in an anonymous session.
    public var participant: String?
    public var stories: [Int]
}

/// A cue linked to a story on the plausibility board.
public struct CueLink: Equatable, Sendable {
    public var story: Int
    public var cue: String
}

/// Everything that happened in a session, rebuilt from its records alone. The same
/// `apply` serves the live session, `resume` and `export`.
public struct Session: Equatable, Sendable {
    public private(set) var header: SessionHeader
    public private(set) var stages: [Stage]
    public private(set) var current: Int = 0
    /// Who is here, in turn order.
    public private(set) var roster: [String] = []
    /// Index into `roster` of the participant whose turn it is.
    public private(set) var turn: Int?
    public private(set) var contributions: [Contribution] = []
    /// Positions in `contributions` of each stage's, oldest first: the view reaches a stage's
    /// newest without walking every other stage's (a walk per frame, per key).
    public private(set) var contributionsByStage: [[Int]]
    public private(set) var speakingAs: [String: String] = [:]
    public private(set) var pendingWhen: String?
    public private(set) var pendingOwner: String?
    public private(set) var pendingDue: String?
    public private(set) var dots: [DotPlacement] = []
    public private(set) var cueLinks: [CueLink] = []
    public private(set) var mindChangers: [MindChanger] = []
    /// The latest mark per carried item, by its number (from 1).
    public private(set) var reviews: [Int: ReviewMark] = [:]
    public private(set) var timeboxes: [Timebox]
    public private(set) var ended = false
    public private(set) var suspended = false
    /// Everyone who was ever here, in order of arrival (for reports); someone who left
    /// without saying anything or placing a dot is not (a name typed by mistake).
    public private(set) var everyone: [String] = []
    /// The time of the latest record applied.
    public private(set) var lastTime: Date
    public private(set) var nextID = 1
    /// The keys of every contribution and dot placement a device sent: a send retried with a
    /// key already here was saved before.
    public private(set) var sendKeys: Set<String> = []
    /// The plausibility dots are shown: `/reveal`, or everyone here placed all theirs. Until
    /// then the room and every device see who has voted, never how (no anchoring).
    public private(set) var revealed = false
    /// `/floor open`: anyone here may send from a device, not only the one whose turn it is.
    public private(set) var floorOpen = false

    public init(header: SessionHeader) {
        self.header = header
        let review = header.followUp == nil ? [] : [Stage.review]
        let stages = [Stage.welcome] + review + header.plan.stages.map(Stage.element) + [Stage.close]
        self.stages = stages
        self.contributionsByStage = Array(repeating: [], count: stages.count)
        self.timeboxes = stages.map { Timebox(budget: $0.budget) }
        self.lastTime = header.started
        for name in header.participants where !roster.contains(name) { join(name) }
        timeboxes[0].start(at: header.started)
    }

    // MARK: Derived

    public var stage: Stage { stages[current] }
    public var plan: Plan { header.plan }
    public var anonymous: Bool { header.anonymous }
    public var isLastStage: Bool { current == stages.count - 1 }

    public var turnHolder: String? { turn.map { roster[$0] } }

    /// The index of the plan's first stage: after Welcome, and after Review in a follow-up.
    public var firstPlanStage: Int { header.followUp == nil ? 1 : 2 }

    /// A plan stage's number as people see it (1…n), whatever comes before it.
    public func planNumber(ofStage index: Int) -> Int? {
        guard stages.indices.contains(index), case .element = stages[index] else { return nil }
        return index - firstPlanStage + 1
    }

    /// The stage index of plan stage `number` (1…n).
    public func stageIndex(ofPlanNumber number: Int) -> Int? {
        guard number >= 1, number <= plan.stages.count else { return nil }
        return number + firstPlanStage - 1
    }

    public func participant(named name: String) -> String? {
        roster.first { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    public func contribution(_ id: Int) -> Contribution? {
        contributions.first { $0.id == id }
    }

    /// Live (not retracted) contributions of a stage, oldest first.
    /// Who has made a live contribution (not a note, not retracted): in the stage at `index`,
    /// or in any stage when nil. The banner counts its stage in one pass of its own (StageStats).
    public func speakers(inStage index: Int? = nil) -> Set<String> {
        let said = index.map(items(inStage:)) ?? contributions.filter { !$0.retracted }
        return Set(said.filter { $0.kind != .note }.compactMap(\.author))
    }

    public func items(inStage index: Int) -> [Contribution] {
        guard contributionsByStage.indices.contains(index) else { return [] }
        return contributionsByStage[index].map { contributions[$0] }.filter { !$0.retracted }
    }

    /// The plausibility board: live stories in the order they were told, numbered from 1.
    public var stories: [Contribution] {
        contributions.filter { $0.kind == .story && !$0.retracted }
    }

    /// Dots per story id, counting only stories still on the board.
    public var dotTotals: [Int: Int] {
        let live = Set(stories.map(\.id))
        var totals: [Int: Int] = [:]
        for placement in dots {
            for story in placement.stories where live.contains(story) { totals[story, default: 0] += 1 }
        }
        return totals
    }

    public func dotsPlaced(by participant: String) -> [Int] {
        dots.last { $0.participant == participant }?.stories ?? []
    }

    /// Who here has placed dots, in turn order (never how); empty in an anonymous session.
    public var voted: [String] {
        anonymous ? [] : roster.filter { !dotsPlaced(by: $0).isEmpty }
    }

    /// Whether `participant` has placed all their dots: the one definition the reveal and
    /// the banner share (a vote left part-way is not done).
    public func hasPlacedAllDots(_ participant: String) -> Bool {
        dotsPlaced(by: participant).count >= plan.dots
    }

    /// Who here still has dots to place, in turn order; empty in an anonymous session, whose
    /// placements carry no name.
    public var yetToPlaceDots: [String] {
        anonymous ? [] : roster.filter { !hasPlacedAllDots($0) }
    }

    /// Every dot placed, whoever placed it.
    public var dotsPlacedInAll: Int { dots.reduce(0) { $0 + $1.stories.count } }

    /// In an anonymous session with people here, the dots the room has left to place (each
    /// person's share, less every dot placed), from the keyboard and phones alike: its dots
    /// carry no name, so the room's total is what can be checked. Nil otherwise.
    public var anonymousDotsLeft: Int? {
        guard anonymous, !roster.isEmpty else { return nil }
        return roster.count * plan.dots - dotsPlacedInAll
    }

    /// Whether everyone here has placed all their dots. An anonymous session's placements
    /// carry no name, so there it is the dots placed against the dots the room has.
    public var everyoneHasPlacedAllDots: Bool {
        if roster.isEmpty { return false }
        if let left = anonymousDotsLeft { return left <= 0 }
        return yetToPlaceDots.isEmpty
    }

    public var timebox: Timebox { timeboxes[current] }

    /// The session as its journal rebuilds it. An anonymous session's journal keeps no
    /// names at all (who was here, in which order, whose turn it was and who spoke as what
    /// would together tell who said what), so its replay has no one here.
    public var asJournaled: Session {
        guard anonymous else { return self }
        var copy = self
        copy.header = header.asJournaled
        copy.roster = []
        copy.everyone = []
        copy.turn = nil
        copy.speakingAs = [:]
        return copy
    }

    // MARK: Apply

    /// Applies one record. Total: a record that no longer fits (a name that left, an id
    /// that does not exist) changes nothing, so a replay never traps.
    public mutating func apply(_ record: Record) {
        let time = max(record.time, lastTime)
        switch record.event {
        case .stageEntered(let index):
            guard stages.indices.contains(index) else { break }
            timeboxes[current].stop(at: time)
            current = index
            timeboxes[current].start(at: time)
        case .joined(let name):
            if participant(named: name) == nil { join(name) }
        case .left(let name):
            leave(name)
        case .turnGiven(let name):
            if let index = roster.firstIndex(of: name) { turn = index }
        case .passed(let name):
            if turnHolder == name { advanceTurn() }
        case .contributed(let contribution, let advancesTurn):
            // Every id so far is below `nextID`, so a new one needs no search (a search per
            // contribution made replaying a long log quadratic).
            guard contribution.stage >= 0, contribution.stage < stages.count,
                  contribution.id >= nextID || self.contribution(contribution.id) == nil else { break }
            contributions.append(contribution)
            contributionsByStage[contribution.stage].append(contributions.count - 1)
            nextID = max(nextID, contribution.id + 1)
            if let key = contribution.sendKey { sendKeys.insert(key) }
            if contribution.kind != .note {
                pendingWhen = nil
                pendingOwner = nil
                pendingDue = nil
            }
            if advancesTurn { advanceTurn() }
        case .retracted(let id):
            if let index = contributions.firstIndex(where: { $0.id == id }) {
                contributions[index].retracted = true
            }
        case .rekinded(let id, let kind, let owner):
            if let index = contributions.firstIndex(where: { $0.id == id }) {
                contributions[index].kind = kind
                if let owner { contributions[index].tags.owner = owner }
            }
        case .moved(let id, let stage, let kind):
            guard stages.indices.contains(stage), let index = contributions.firstIndex(where: { $0.id == id }) else { break }
            contributionsByStage[contributions[index].stage].removeAll { $0 == index }
            contributions[index].stage = stage
            contributions[index].kind = kind
            // Oldest first, as everywhere: the moved one takes its place by when it was said.
            let slot = contributionsByStage[stage].firstIndex { $0 > index } ?? contributionsByStage[stage].count
            contributionsByStage[stage].insert(index, at: slot)
        case .edited(let id, let text):
            if let index = contributions.firstIndex(where: { $0.id == id }) {
                contributions[index].history.append(contributions[index].text)
                contributions[index].text = text
            }
        case .speakingAs(let participant, let identity):
            speakingAs[participant] = identity
        case .pendingWhen(let text):
            pendingWhen = text
        case .pendingOwner(let name):
            pendingOwner = name
            pendingDue = nil
        case .pendingDue(let text):
            pendingDue = text
        case .dotsPlaced(let participant, let stories, let advancesTurn, let key):
            if let key { sendKeys.insert(key) }
            if let participant {
                dots.removeAll { $0.participant == participant }
            }
            dots.append(DotPlacement(participant: participant, stories: stories))
            if advancesTurn { advanceTurn() }
        case .revealed:
            revealed = true
        case .floor(let open):
            floorOpen = open
        case .cueLinked(let story, let cue):
            cueLinks.append(CueLink(story: story, cue: cue))
        case .mindChanger(let story, let text):
            mindChangers.append(MindChanger(story: story, text: text))
        case .reviewed(let item, let status, let note):
            if let items = header.followUp?.items, item >= 1, item <= items.count {
                reviews[item] = ReviewMark(status: status, note: note)
            }
        case .timer(let change):
            applyTimer(change, at: time)
        case .suspended:
            timeboxes[current].stop(at: time)
            suspended = true
        case .resumed:
            // After a crash there is no `suspended` record: the clock stops at the last
            // record that reached the disk, not at the moment of the resume.
            if !suspended { timeboxes[current].stop(at: lastTime) }
            suspended = false
            timeboxes[current].start(at: time)
        case .ended:
            timeboxes[current].stop(at: time)
            ended = true
        }
        lastTime = time
    }

    private mutating func applyTimer(_ change: TimerChange, at time: Date) {
        var box = timeboxes[current]
        switch change {
        case .set(let seconds):
            // Down, not to the nearest: "/timer 0" leaves no second to go, "/timer 5" five minutes.
            box.budget = Int(box.elapsed(at: time).rounded(.down)) + seconds
        case .adjust(let seconds):
            box.budget = (box.budget ?? Int(box.elapsed(at: time).rounded(.down))) + seconds
        case .pause:
            box.stop(at: time)
            box.paused = true
        case .resume:
            box.paused = false
            if !suspended && !ended { box.start(at: time) }
        }
        timeboxes[current] = box
    }

    private mutating func join(_ name: String) {
        roster.append(name)
        if !everyone.contains(name) { everyone.append(name) }
        if turn == nil { turn = roster.count - 1 }
    }

    /// Whether `name` said anything (even retracted) or placed dots: the report lists them.
    public func hasTakenPart(_ name: String) -> Bool {
        contributions.contains { $0.author == name } || dots.contains { $0.participant == name }
    }

    private mutating func leave(_ name: String) {
        guard let index = roster.firstIndex(of: name) else { return }
        roster.remove(at: index)
        if !hasTakenPart(name) { everyone.removeAll { $0 == name } }
        guard let current = turn else { return }
        if roster.isEmpty {
            turn = nil
        } else if index < current {
            turn = current - 1
        } else if index == current {
            // The next participant now stands where the leaver stood.
            turn = current % roster.count
        }
    }

    private mutating func advanceTurn() {
        guard let current = turn, !roster.isEmpty else { return }
        turn = (current + 1) % roster.count
    }
}
