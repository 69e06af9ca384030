/// What the Close stage shows and the log and reports end with, derived from a session.
public struct Synthesis: Equatable, Sendable {
    public struct Count: Equatable, Sendable {
        public var stage: Int
        public var name: String
        public var count: Int
    }

    public struct RankedStory: Equatable, Sendable {
        /// The story's number on the board.
        public var number: Int
        public var story: Contribution
        public var dots: Int
        public var cues: [String]
        /// `/mind`: what cue would change our mind about it.
        public var mindChangers: [String]
    }

    /// An identity spoken from (`/as`): how often, by whom, in which stages.
    public struct Voice: Equatable, Sendable {
        public var identity: String
        public var count: Int
        /// Who spoke from it, in order of first use (empty in an anonymous session).
        public var speakers: [String]
        /// Stage indices where it was voiced, in order of first use (reports number them
        /// as people see them).
        public var stages: [Int]
    }

    /// One participant's share of what was said: never a ranking, so in order of arrival.
    public struct Share: Equatable, Sendable {
        public var participant: String
        public var contributions: Int
        public var characters: Int
        /// Percent of all characters said, rounded.
        public var percent: Int
    }

    /// A carried item of a follow-up and what the room said became of it.
    public struct Reviewed: Equatable, Sendable {
        public var number: Int
        public var item: CarriedItem
        /// Nil when the room did not mark it.
        public var mark: ReviewMark?
    }

    /// Live contributions per plan stage, in plan order.
    public var counts: [Count]
    /// Stories by dots, most first; ties keep the order they were told.
    public var ranking: [RankedStory]
    /// Every story tied for the most dots, in the order told; none when no story has a dot.
    public var mostPlausible: [RankedStory] {
        guard let most = ranking.first?.dots, most > 0 else { return [] }
        return ranking.filter { $0.dots == most }
    }
    public var actions: [Contribution]
    public var cues: [Contribution]
    public var signals: [Contribution]
    public var narratives: [Contribution]
    /// Identities in order of first use.
    public var identityMap: [Voice]
    /// Per participant, in order of arrival; empty in an anonymous session, whose log
    /// knows no authors.
    public var balance: [Share]
    /// All contributions said (not notes), for the anonymous count.
    public var spoken: Int
    /// A follow-up's carried items with their marks; empty otherwise.
    public var review: [Reviewed]

    public init(_ session: Session) {
        let live = session.contributions.filter { !$0.retracted && $0.kind != .note }
        counts = session.stages.indices.compactMap { index in
            guard session.planNumber(ofStage: index) != nil else { return nil }
            return Count(stage: index, name: session.stages[index].name,
                         count: live.filter { $0.stage == index }.count)
        }
        let totals = session.dotTotals
        ranking = session.stories.enumerated()
            .map { offset, story in
                RankedStory(number: offset + 1, story: story, dots: totals[story.id] ?? 0,
                            cues: session.cueLinks.filter { $0.story == story.id }.map(\.cue),
                            mindChangers: session.mindChangers.filter { $0.story == story.id }.map(\.text))
            }
            .sorted { $0.dots != $1.dots ? $0.dots > $1.dots : $0.number < $1.number }
        actions = live.filter { $0.kind == .action }
        cues = live.filter { $0.kind == .cue }
        signals = live.filter { $0.kind == .signal }
        narratives = live.filter { $0.kind == .narrative }
        identityMap = Self.voices(live, anonymous: session.anonymous)
        spoken = live.count
        balance = session.anonymous ? [] : Self.shares(live, everyone: session.everyone)
        review = Self.reviewed(session)
    }

    public static func reviewed(_ session: Session) -> [Reviewed] {
        (session.header.followUp?.items ?? []).enumerated().map { offset, item in
            Reviewed(number: offset + 1, item: item, mark: session.reviews[offset + 1])
        }
    }

    static func voices(_ live: [Contribution], anonymous: Bool) -> [Voice] {
        var voices: [Voice] = []
        for contribution in live {
            guard let identity = contribution.tags.speakingAs else { continue }
            var index = voices.firstIndex { $0.identity == identity }
            if index == nil {
                voices.append(Voice(identity: identity, count: 0, speakers: [], stages: []))
                index = voices.count - 1
            }
            voices[index!].count += 1
            if !anonymous, let author = contribution.author, !voices[index!].speakers.contains(author) {
                voices[index!].speakers.append(author)
            }
            if !voices[index!].stages.contains(contribution.stage) { voices[index!].stages.append(contribution.stage) }
        }
        return voices
    }

    /// `text.count`, without the grapheme walk for ASCII without CR (where every byte is a Character).
    static func characterCount(_ text: String) -> Int {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "\r") { return false }
            return true
        } ?? !text.utf8.contains { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }
        return plain ? text.utf8.count : text.count
    }

    static func shares(_ live: [Contribution], everyone: [String]) -> [Share] {
        // One look-up per contribution: its author's (contributions, characters).
        var tally: [String: (contributions: Int, characters: Int)] = [:]
        var all = 0
        for contribution in live {
            guard let author = contribution.author else { continue }
            let length = Self.characterCount(contribution.text)
            if let index = tally.index(forKey: author) {
                tally.values[index].contributions += 1
                tally.values[index].characters += length
            } else {
                tally[author] = (1, length)
            }
            all += length
        }
        return everyone.map { name in
            let said = tally[name]?.characters ?? 0
            return Share(participant: name, contributions: tally[name]?.contributions ?? 0, characters: said,
                         percent: all == 0 ? 0 : Int((Double(said) * 100 / Double(all)).rounded()))
        }
    }
}
