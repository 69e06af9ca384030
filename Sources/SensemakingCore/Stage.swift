/// A stage of the session as run: Welcome, the plan's stages, then Close.
public enum Stage: Equatable, Sendable {
    case welcome
    /// A follow-up's review of what the earlier session left open.
    case review
    case element(PlanStage)
    case close

    public var element: Element? {
        if case .element(let planStage) = self { return planStage.element }
        return nil
    }

    public var name: String {
        switch self {
        case .welcome: "Welcome"
        case .review: "Review"
        case .element(let planStage): planStage.displayName
        case .close: "Close"
        }
    }

    public var prompts: [String] {
        switch self {
        case .welcome: ["Who is here? Type each name and press Enter."]
        case .review: [
            "Since last time: what became of what we said we would do and watch?",
            "Mark each one: /mark 2 done, progress, dropped or carry, with a note.",
        ]
        case .element(let planStage): planStage.prompts
        case .close: ["What will you take away from today?"]
        }
    }

    /// The timebox in seconds the stage opens with; Welcome and Close have none until `/timer`.
    public var budget: Int? {
        switch self {
        case .element(let planStage): planStage.minutes * 60
        case .review: FollowUp.reviewMinutes * 60
        case .welcome, .close: nil
        }
    }

    /// What a contribution typed in this stage becomes; nil in Welcome, where a line is a name.
    public var captures: ContributionKind? {
        switch self {
        case .welcome: nil
        case .review: .update
        case .element(let planStage): planStage.element.captures
        case .close: .checkout
        }
    }

    /// The kinds a contribution made here may be given (`/kind`): the default first.
    public var kinds: [ContributionKind] {
        switch self {
        case .welcome: []
        case .element(let planStage): planStage.element.kinds
        case .review, .close: captures.map { [$0, .observation] } ?? []
        }
    }
}
