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
        /// A story's title: its first line, or its opening words.
        public var title: String
        public var speakingAs: String?
        public var when: String?
        public var owner: String?
        public var time: Date
        public var edited: Bool
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

    public struct IdentityVoice: Equatable, Sendable {
        public var identity: String
        public var count: Int
        /// Who spoke from it (empty when anonymous).
        public var speakers: [String]
        /// Plan stage numbers where it was voiced.
        public var stages: [Int]
    }

    public struct RankedStory: Equatable, Sendable {
        public var number: Int
        public var story: Item
        public var dots: Int
        public var cues: [String]
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

    public var durationSeconds: Int { max(0, Int(lastActivity.timeIntervalSince(started).rounded())) }

    public init(_ session: Session, anonymize: Bool = false) {
        let names = Pseudonyms(session: session, enabled: anonymize)
        let item = { (c: Contribution) in names.item(c) }
        let live = session.contributions.filter { !$0.retracted }

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
        stages = session.stages.indices.dropFirst().dropLast().map { index in
            let stage = session.stages[index]
            let planStage: PlanStage
            if case .element(let s) = stage { planStage = s } else { fatalError("plan stages are elements") }
            let here = live.filter { $0.stage == index }
            let said = here.filter { $0.kind != .note }
            return StageSection(
                number: index, element: planStage.element, name: names.scrub(planStage.displayName),
                question: names.scrub(planStage.prompts.first ?? ""),
                prompts: planStage.prompts.dropFirst().map(names.scrub),
                timeboxMinutes: planStage.minutes,
                spentSeconds: Int(session.timeboxes[index].elapsed(at: session.lastTime).rounded()),
                items: (planStage.element == .retrospection ? Timeline.order(said) : said).map(item),
                notes: here.filter { $0.kind == .note }.map(item))
        }
        welcomeNotes = live.filter { $0.stage == 0 && $0.kind == .note }.map(item)
        checkouts = live.filter { $0.stage == lastIndex && $0.kind != .note }.map(item)
        closeNotes = live.filter { $0.stage == lastIndex && $0.kind == .note }.map(item)

        let spoken = live.filter { $0.kind != .note }
        var voices: [String: IdentityVoice] = [:]
        var order: [String] = []
        for c in spoken {
            guard let identity = c.tags.speakingAs.map(names.scrub) else { continue }
            if voices[identity] == nil {
                voices[identity] = IdentityVoice(identity: identity, count: 0, speakers: [], stages: [])
                order.append(identity)
            }
            voices[identity]!.count += 1
            if let author = names.name(c.author), !voices[identity]!.speakers.contains(author) {
                voices[identity]!.speakers.append(author)
            }
            if !voices[identity]!.stages.contains(c.stage) { voices[identity]!.stages.append(c.stage) }
        }
        identityMap = order.map { voices[$0]! }

        timeline = Timeline.order(spoken.filter { $0.kind == .memory }).map(item)
        let synthesis = Synthesis(session)
        ranking = synthesis.ranking.map {
            RankedStory(number: $0.number, story: item($0.story), dots: $0.dots, cues: $0.cues.map(names.scrub))
        }
        actions = synthesis.actions.map(item)
        cues = synthesis.cues.map(item)
        signals = synthesis.signals.map(item)
        narratives = synthesis.narratives.map(item)
    }
}
