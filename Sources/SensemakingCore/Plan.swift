/// One stage of a plan: an element with its prompts and timebox.
public struct PlanStage: Equatable, Sendable {
    public var element: Element
    /// Replaces the element's name on screen when set.
    public var title: String?
    public var prompts: [String]
    public var minutes: Int

    public init(element: Element, title: String? = nil, prompts: [String]? = nil, minutes: Int = 10) {
        self.element = element
        self.title = title
        self.prompts = prompts ?? element.defaultPrompts
        self.minutes = minutes
    }

    public var displayName: String { title ?? element.name }
}

/// A workshop plan: the stages between Welcome and Close, in order. Any element may be
/// skipped, reordered or repeated.
public struct Plan: Equatable, Sendable {
    public var title: String
    public var purpose: String
    public var stages: [PlanStage]
    /// Plausibility dots each participant may place.
    public var dots: Int
    public var anonymous: Bool

    public init(title: String, purpose: String, stages: [PlanStage], dots: Int = 3, anonymous: Bool = false) {
        self.title = title
        self.purpose = purpose
        self.stages = stages
        self.dots = dots
        self.anonymous = anonymous
    }

    public static let defaultTitle = "Making sense of our system"
    public static let defaultPurpose =
        "To make sense together of what it means to lead as a system: who we are, what we remember, what we do, the stories we tell and the cues we follow."

    /// The built-in plan: the seven elements in Weick's order, ten minutes each.
    public static let standard = Plan(
        title: defaultTitle,
        purpose: defaultPurpose,
        stages: Element.allCases.map { PlanStage(element: $0, minutes: 10) }
    )
}
