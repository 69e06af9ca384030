import Foundation
import SensemakingCore

/// What every export says, whatever its format: built once from a replayed `Session`,
/// so Markdown, HTML and JSON cannot disagree.
public struct Report: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var id: Int
        public var author: String?
        public var kind: ContributionKind
        public var text: String
        /// A story's title: its first line, or its opening words (`StoryTitle`).
        public var title: String
        public var speakingAs: String?
        public var when: String?
        public var owner: String?
        public var time: Date
        public var edited: Bool
        /// `/owner NAME by DUE`: when an action is due, as the room said it.
        public var due: String? = nil
        /// A reply's story, by contribution id.
        public var replyTo: Int? = nil
        /// A memory whose `/when` places it on the timeline.
        public var placed: Bool = false
        /// A story's text under its title, never repeating it; the text for any other kind.
        public var body: String = ""
    }

    /// What an export leaves in or out, and the zone its times are said in.
    public struct Options: Equatable, Sendable {
        /// Participants become "Participant 1…N" everywhere.
        public var anonymize: Bool
        /// With `anonymize`, keep the "speaking as" tags (in a small group a role names a person).
        public var keepRoles: Bool
        /// Include the facilitator's private notes.
        public var notes: Bool
        /// Mask text that looks like personal data (`PersonalData`).
        public var redact: Bool
        public var timeZone: TimeZone

        public init(anonymize: Bool = false, keepRoles: Bool = false, notes: Bool = false, redact: Bool = false,
                    timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
            self.anonymize = anonymize
            self.keepRoles = keepRoles
            self.notes = notes
            self.redact = redact
            self.timeZone = timeZone
        }
    }

    public struct StageSection: Equatable, Sendable {
        /// 1…n in the plan.
        public var number: Int
        public var element: Element
        public var name: String
        public var question: String
        public var prompts: [String]
        public var timeboxMinutes: Int
        public var spentSeconds: Int
        public var items: [Item]
        public var notes: [Item]
    }

    /// An identity spoken from; its stages are numbered as in the report (Welcome 0, plan
    /// stages 1…n, Close n + 1).
    public typealias IdentityVoice = Synthesis.Voice

    public struct RankedStory: Equatable, Sendable {
        public var number: Int
        public var story: Item
        public var dots: Int
        public var cues: [String]
        /// What cue would change our mind about it.
        public var mindChangers: [String]
    }

    /// A participant's share of what was said, under their pseudonym when anonymised.
    public typealias Share = Synthesis.Share

    /// An item carried from the earlier session and what became of it.
    public struct ReviewedItem: Equatable, Sendable {
        public var number: Int
        public var kind: ContributionKind
        public var text: String
        public var owner: String?
        /// What earlier reviews said of it.
        public var history: [String]
        /// Nil when the room did not mark it.
        public var status: ReviewStatus?
        public var note: String?
    }

    /// What a follow-up session reviewed.
    public struct FollowUpSection: Equatable, Sendable {
        public var previousTitle: String
        public var previousStarted: Date
        public var previousLog: String
        public var items: [ReviewedItem]
        /// What was said in the Review stage.
        public var updates: [Item]
        public var notes: [Item]
        public var spentSeconds: Int
    }

    public var title: String
    public var purpose: String
    public var started: Date
    public var lastActivity: Date
    public var ended: Bool
    /// Names, or pseudonyms when anonymised; empty in an anonymous session.
    public var participants: [String]
    public var participantCount: Int
    /// The session itself was anonymous, or the export was anonymised.
    public var anonymous: Bool
    public var anonymized: Bool
    public var stages: [StageSection]
    public var welcomeNotes: [Item]
    public var checkouts: [Item]
    public var closeNotes: [Item]
    public var identityMap: [IdentityVoice]
    /// Retrospection notes in time order where their `/when` can be placed, then the rest.
    public var timeline: [Item]
    public var ranking: [RankedStory]
    public var actions: [Item]
    public var cues: [Item]
    public var signals: [Item]
    public var narratives: [Item]
    /// Per participant, in order of arrival; empty in an anonymous session.
    public var balance: [Share]
    /// Contributions said (not notes), for the anonymous count.
    public var spoken: Int
    public var followUp: FollowUpSection?

    /// The zone the report's times are said in; the log and JSON times stay UTC.
    public var timeZone: TimeZone = TimeZone(identifier: "UTC")!
    /// Whether the facilitator's private notes were asked for.
    public var includesNotes: Bool = false

    public var durationSeconds: Int { max(0, Int(lastActivity.timeIntervalSince(started).rounded())) }

    public init(_ session: Session, anonymize: Bool = false) {
        self.init(session, options: Options(anonymize: anonymize))
    }

    public init(_ session: Session, options: Options) {
        let anonymize = options.anonymize
        timeZone = options.timeZone
        includesNotes = options.notes
        let names = Pseudonyms(session: session, enabled: anonymize, redact: options.redact,
                               roles: !anonymize || options.keepRoles)
        // Private notes are left out unless asked for: the log keeps them.
        let live = session.contributions.filter { !$0.retracted && (options.notes || !$0.isPrivate) }
        // Each live contribution's item is made once (its title and scrubbed texts), and the
        // live contributions are sorted into their stages in one pass: the lists below and the
        // synthesis's take them from here instead of filtering `live` and making items again.
        let liveItems = live.map(names.item)
        var position: [Int: Int] = [:]
        position.reserveCapacity(live.count)
        for (index, c) in live.enumerated() where position[c.id] == nil { position[c.id] = index }
        let item = { (c: Contribution) -> Item in
            if let index = position[c.id], live[index] == c { return liveItems[index] }
            return names.item(c)
        }
        var byStage = Array(repeating: [Int](), count: session.stages.count)
        for (index, c) in live.enumerated() where byStage.indices.contains(c.stage) { byStage[c.stage].append(index) }
        /// The live contributions of stage `index` that are (or are not) notes, in log order.
        func inStage(_ index: Int, notes: Bool) -> [Int] {
            guard byStage.indices.contains(index) else { return [] }
            return byStage[index].filter { (live[$0].kind == .note) == notes }
        }

        title = names.scrub(session.header.title)
        purpose = names.scrub(session.plan.purpose)
        started = session.header.started
        lastActivity = session.lastTime
        ended = session.ended
        anonymous = session.anonymous || anonymize
        anonymized = anonymize
        participantCount = session.everyone.count
        participants = session.anonymous ? [] : names.everyone

        let lastIndex = session.stages.count - 1
        stages = session.stages.indices.compactMap { index in
            guard case .element(let planStage) = session.stages[index],
                  let number = session.planNumber(ofStage: index) else { return nil }
            let said = inStage(index, notes: false)
            return StageSection(
                number: number, element: planStage.element, name: names.scrub(planStage.displayName),
                question: names.scrub(planStage.prompts.first ?? ""),
                prompts: planStage.prompts.dropFirst().map(names.scrub),
                timeboxMinutes: planStage.minutes,
                spentSeconds: Int(session.timeboxes[index].elapsed(at: session.lastTime).rounded()),
                items: planStage.element == .retrospection ? Timeline.order(said.map { live[$0] }).map(item) : said.map { liveItems[$0] },
                notes: inStage(index, notes: true).map { liveItems[$0] })
        }
        welcomeNotes = inStage(0, notes: true).map { liveItems[$0] }
        checkouts = inStage(lastIndex, notes: false).map { liveItems[$0] }
        closeNotes = inStage(lastIndex, notes: true).map { liveItems[$0] }

        let synthesis = Synthesis(session)
        /// Welcome and Review are 0, plan stages 1…n, Close n + 1.
        let reportStage = { (index: Int) in
            session.planNumber(ofStage: index) ?? (index == lastIndex ? session.plan.stages.count + 1 : 0)
        }
        // Without roles, no identity map: "speaking as" with its speakers would name them.
        identityMap = !names.roles ? [] : synthesis.identityMap.map { voice in
            var voice = voice
            voice.identity = names.scrub(voice.identity)
            voice.speakers = voice.speakers.compactMap(names.name)
            voice.stages = voice.stages.map(reportStage)
            return voice
        }
        balance = synthesis.balance.map { share in
            var share = share
            share.participant = names.name(share.participant) ?? share.participant
            return share
        }
        spoken = synthesis.spoken

        timeline = Timeline.order(live.filter { $0.kind == .memory }).map(item)
        ranking = synthesis.ranking.map {
            RankedStory(number: $0.number, story: item($0.story), dots: $0.dots, cues: $0.cues.map(names.scrub),
                        mindChangers: $0.mindChangers.map(names.scrub))
        }
        actions = synthesis.actions.map(item)
        cues = synthesis.cues.map(item)
        signals = synthesis.signals.map(item)
        narratives = synthesis.narratives.map(item)

        followUp = session.header.followUp.map { earlier in
            let review = session.stages.firstIndex(of: .review) ?? 1
            return FollowUpSection(
                previousTitle: names.scrub(earlier.previousTitle), previousStarted: earlier.previousStarted,
                previousLog: names.scrub(earlier.previousLog),
                items: synthesis.review.map { entry in
                    ReviewedItem(number: entry.number, kind: entry.item.kind, text: names.scrub(entry.item.text),
                                 owner: names.name(entry.item.owner), history: entry.item.history.map(names.scrub),
                                 status: entry.mark?.status, note: entry.mark?.note.map(names.scrub))
                },
                updates: inStage(review, notes: false).map { liveItems[$0] },
                notes: inStage(review, notes: true).map { liveItems[$0] },
                spentSeconds: Int(session.timeboxes[review].elapsed(at: session.lastTime).rounded()))
        }
    }
}
