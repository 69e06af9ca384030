import Foundation

/// What one participant's device shows, made from the state alone as the frame is: the
/// stage, its question and prompts, whose turn it is, their own contributions, and the
/// board when voting, without anyone's dots until they are revealed. Its JSON is the join
/// page's API (docs/join-api.md); `version` changes when a field's meaning does.
public struct ParticipantView: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public struct Stage: Codable, Equatable, Sendable {
        /// Plan number (1…n) of a plan stage; nil on Welcome, Review and Close.
        public var number: Int?
        public var name: String
        /// The element's question ("Who we are: …"); nil outside the plan's stages.
        public var question: String?
        public var prompts: [String]
        /// What a contribution sent now becomes ("story"); nil where nothing is taken.
        public var takes: String?
    }

    public struct Mine: Codable, Equatable, Sendable {
        public var id: Int
        public var stage: String
        public var kind: String
        public var text: String
    }

    public struct Story: Codable, Equatable, Sendable {
        /// The number on the board (1…n), as `/dots` takes it.
        public var number: Int
        public var text: String
        /// Dots on it: only once revealed.
        public var dots: Int?
    }

    public struct Board: Codable, Equatable, Sendable {
        public var stories: [Story]
        /// Dots each person has.
        public var dotsEach: Int
        /// Board numbers of the stories this participant placed dots on.
        public var yours: [Int]
        /// Names of those who have voted (never how); empty in an anonymous session.
        public var voted: [String]
        /// The dots are shown: `/reveal`, or everyone here placed all theirs.
        public var revealed: Bool
    }

    public var version: Int
    public var title: String
    public var anonymous: Bool
    /// Nil on a device that has not picked a name (or any device in an anonymous session).
    public var you: String?
    public var stage: Stage
    /// Whose turn it is; nil in an anonymous session, where the floor is always open.
    public var turn: String?
    /// Whether this device may send now.
    public var yourTurn: Bool
    /// `/floor open`: anyone here may send, not only whose turn it is; absent when turns hold
    /// (and in an anonymous session, whose floor is always open).
    public var floorOpen: Bool?
    /// Who is here, to pick a name from; empty in an anonymous session.
    public var here: [String]
    public var mine: [Mine]
    /// The plausibility board, in Plausibility over accuracy only.
    public var board: Board?
    public var ended: Bool

    /// The view for `participant` (nil: not joined, or anonymous).
    public init(_ session: Session, participant: String?) {
        let anonymous = session.anonymous
        let you = anonymous ? nil : participant.flatMap { session.roster.contains($0) ? $0 : nil }
        version = Self.currentVersion
        title = session.header.title
        self.anonymous = anonymous
        self.you = you
        let current = session.stage
        stage = Stage(number: session.planNumber(ofStage: session.current), name: current.name,
                      question: current.element?.meaning, prompts: current.prompts,
                      takes: current.captures?.label)
        turn = anonymous ? nil : session.turnHolder
        let floorOpen = !anonymous && session.floorOpen
        self.floorOpen = floorOpen ? true : nil
        yourTurn = !session.ended && current.captures != nil
            && (anonymous || (you != nil && (you == session.turnHolder || floorOpen)))
        here = anonymous ? [] : session.roster
        // An anonymous contribution has no author: a device cannot tell its own from another's.
        mine = you.map { name in
            session.contributions
                .filter { $0.author == name && !$0.retracted && !$0.isPrivate }
                .map { Mine(id: $0.id, stage: session.stages[$0.stage].name, kind: $0.kind.label, text: $0.text) }
        } ?? []
        board = current.element == .plausibility ? Self.board(session, you: you) : nil
        ended = session.ended
    }

    /// Dots are shown once revealed (`Session.revealed`: `/reveal`, or everyone here placed
    /// all theirs); until then the board says who has voted, never how.
    static func board(_ session: Session, you: String?) -> Board {
        let stories = session.stories
        let voted = session.voted
        let revealed = session.revealed
        let totals = revealed ? session.dotTotals : [:]
        let numbers = Dictionary(uniqueKeysWithValues: stories.enumerated().map { ($1.id, $0 + 1) })
        return Board(
            stories: stories.enumerated().map { index, story in
                Story(number: index + 1, text: story.text, dots: revealed ? totals[story.id, default: 0] : nil)
            },
            dotsEach: session.plan.dots,
            yours: you.map { session.dotsPlaced(by: $0).compactMap { numbers[$0] } } ?? [],
            voted: voted,
            revealed: revealed)
    }
}
