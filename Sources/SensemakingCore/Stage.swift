/// A stage of the session as run: Welcome, the plan's stages, then Close.
public enum Stage: Equatable, Sendable {
    case welcome
    case element(PlanStage)
    case close

    public var element: Element? {
        if case .element(let planStage) = self { return planStage.element }
        return nil
    }

    public var name: String {
        switch self {
        case .welcome: "Welcome"
        case .element(let planStage): planStage.displayName
        case .close: "Close"
        }
    }

    public var prompts: [String] {
        switch self {
        case .welcome: ["Who is here? Type each name and press Enter."]
        case .element(let planStage): planStage.prompts
        case .close: ["What will you take away from today?"]
        }
    }

    /// The timebox in seconds the stage opens with; Welcome and Close have none until `/timer`.
    public var budget: Int? {
        if case .element(let planStage) = self { return planStage.minutes * 60 }
        return nil
    }

    /// What a contribution typed in this stage becomes; nil in Welcome, where a line is a name.
    public var captures: ContributionKind? {
        switch self {
        case .welcome: nil
        case .element(let planStage): planStage.element.captures
        case .close: .checkout
        }
    }
}
