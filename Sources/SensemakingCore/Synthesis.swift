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
    }

    /// Live contributions per plan stage, in plan order.
    public var counts: [Count]
    /// Stories by dots, most first; ties keep the order they were told.
    public var ranking: [RankedStory]
    public var actions: [Contribution]
    public var cues: [Contribution]
    public var signals: [Contribution]
    public var narratives: [Contribution]

    public init(_ session: Session) {
        let live = session.contributions.filter { !$0.retracted && $0.kind != .note }
        counts = session.stages.indices.dropFirst().dropLast().map { index in
            Count(stage: index, name: session.stages[index].name,
                  count: live.filter { $0.stage == index }.count)
        }
        let totals = session.dotTotals
        ranking = session.stories.enumerated()
            .map { offset, story in
                RankedStory(number: offset + 1, story: story, dots: totals[story.id] ?? 0,
                            cues: session.cueLinks.filter { $0.story == story.id }.map(\.cue))
            }
            .sorted { $0.dots != $1.dots ? $0.dots > $1.dots : $0.number < $1.number }
        actions = live.filter { $0.kind == .action }
        cues = live.filter { $0.kind == .cue }
        signals = live.filter { $0.kind == .signal }
        narratives = live.filter { $0.kind == .narrative }
    }
}
