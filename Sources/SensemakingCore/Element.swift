/// Karl Weick's seven elements of sensemaking, as the essay in `shared/seed` describes them.
public enum Element: String, CaseIterable, Codable, Sendable, Hashable {
    case identity
    case retrospection
    case enactment
    case socialActivity = "social-activity"
    case ongoingProcess = "ongoing-process"
    case extractedCues = "extracted-cues"
    case plausibility

    /// 1…7, Weick's order.
    public var number: Int { Element.allCases.firstIndex(of: self)! + 1 }

    public var name: String {
        switch self {
        case .identity: "Identity"
        case .retrospection: "Retrospection"
        case .enactment: "Enactment"
        case .socialActivity: "Social activity"
        case .ongoingProcess: "Ongoing process"
        case .extractedCues: "Extracted cues"
        case .plausibility: "Plausibility over accuracy"
        }
    }

    /// The essay's one-line meaning.
    public var meaning: String {
        switch self {
        case .identity: "Who we are: we hold several identities at once, and system working adds one more."
        case .retrospection: "What we focus on when we look back: every reality is a building block of today."
        case .enactment: "What we do and what we experience: actions must match words."
        case .socialActivity: "The stories and shared experiences we have: narrative and community."
        case .ongoingProcess: "Sensemaking never stops: practice is breathed in, not mandated."
        case .extractedCues: "The cues we use to navigate the environment."
        case .plausibility: "We make sense from plausibility: credible ambition over sunshine and rainbows."
        }
    }

    public var defaultPrompts: [String] {
        switch self {
        case .identity: [
            "Which identities do you bring into this room?",
            "Where do they pull against each other?",
            "What would make \"the system\" feel real to you?",
        ]
        case .retrospection: [
            "Looking back, what moment shaped how you see this system?",
            "What do you remember that others may remember differently?",
        ]
        case .enactment: [
            "Where do our actions match our words, and where not?",
            "What behaviour should we celebrate?",
            "What will you do next?",
        ]
        case .socialActivity: [
            "Tell a short story of working across a boundary.",
            "What story do we tell about this system, and who tells it?",
        ]
        case .ongoingProcess: [
            "What is changing around us right now?",
            "How will we keep making sense together after today?",
        ]
        case .extractedCues: [
            "What small signals tell you how the system is really doing?",
            "Which cues do people here notice first?",
        ]
        case .plausibility: [
            "Which of our stories feels credible to the people we serve?",
            "What would make our ambition plausible rather than perfect?",
        ]
        }
    }

    /// What a contribution made in this element is by default. In Enactment that is an
    /// observation: only an owner (`/owner`) or `/kind N action` makes one an action.
    public var captures: ContributionKind {
        switch self {
        case .identity: .identity
        case .retrospection: .memory
        case .enactment: .observation
        case .socialActivity: .story
        case .ongoingProcess: .signal
        case .extractedCues: .cue
        case .plausibility: .narrative
        }
    }

    /// The kinds `/kind` may give a contribution made here: the default first, then the
    /// others the element allows, then the generic observation.
    public var kinds: [ContributionKind] {
        switch self {
        case .enactment: [.observation, .action]
        case .socialActivity: [.story, .reply, .observation]
        default: [captures, .observation]
        }
    }

    /// Finds an element by its number, its id or a prefix of its name ("retro", "social", "cues").
    public static func named(_ text: String) -> Element? {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        if key.isEmpty { return nil }
        if let n = Int(key), (1...7).contains(n) { return allCases[n - 1] }
        if let exact = allCases.first(where: { $0.rawValue == key || $0.name.lowercased() == key }) { return exact }
        let words = allCases.filter { element in
            element.name.lowercased().split(separator: " ").contains { $0.hasPrefix(key) }
                || element.rawValue.hasPrefix(key)
        }
        return words.count == 1 ? words[0] : nil
    }
}

/// What a contribution is, by the stage it was made in.
public enum ContributionKind: String, Codable, Sendable, CaseIterable {
    case identity      // an identity statement
    case memory        // a retrospection note
    case action        // an action or commitment
    case story         // a shared story
    case signal        // a signal of change to keep watching
    case cue           // an extracted cue
    case narrative     // the narrative the room agrees on
    case checkout      // the close's check-out round
    case update        // what someone says in a follow-up's review
    case note          // a facilitator note (private: never projected to the room)
    case observation   // a comment or observation, in any stage: not an action, not a story
    case reply         // a reply or comment on a story (Social activity)

    public var label: String {
        switch self {
        case .identity: "identity statement"
        case .memory: "retrospection note"
        case .action: "action"
        case .story: "story"
        case .signal: "signal"
        case .cue: "cue"
        case .narrative: "narrative"
        case .checkout: "check-out"
        case .update: "update"
        case .note: "note"
        case .observation: "observation"
        case .reply: "reply"
        }
    }

    /// The kind `/kind N KIND` names: its id, its label or a common word for it.
    public static func named(_ word: String) -> ContributionKind? {
        let key = word.trimmingCharacters(in: .whitespaces).lowercased()
        if let kind = ContributionKind(rawValue: key) ?? allCases.first(where: { $0.label == key }) { return kind }
        switch key {
        case "comment", "remark": return .observation
        case "answer", "response": return .reply
        case "identity-statement", "statement": return .identity
        case "retrospection", "retrospection-note": return .memory
        case "task", "commitment": return .action
        default: return nil
        }
    }

    /// The label to start a line with: "Action", "Retrospection note".
    public var heading: String { label.prefix(1).uppercased() + label.dropFirst() }
}
