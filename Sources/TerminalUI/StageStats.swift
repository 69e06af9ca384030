import SensemakingCore

/// What the screen needs to know about the current stage's contributions, counted in one
/// pass over the stage's own (through the session's per-stage index; drawing walks back
/// from the newest only).
struct StageStats {
    /// Live contributions and notes.
    var live = 0
    /// Live contributions of a kind the stage allows (not notes).
    var captured = 0
    /// Their kind when they all share one, for the rule's noun ("4 actions"); nil when mixed.
    var capturedKind: ContributionKind?
    /// Who has made a live contribution (not a note).
    var speakers = Set<String>()

    /// Nothing counted: for redraws that never read the counts.
    init() {}

    init(_ session: Session) {
        let kinds = session.stage.kinds
        var mixed = false
        let contributions = session.contributions
        // Fields read in place: copying each contribution out (its strings retained) cost
        // more than the rest of the count.
        for index in session.contributionsByStage[session.current] where !contributions[index].retracted {
            live += 1
            let kind = contributions[index].kind
            if kinds.contains(kind) {
                captured += 1
                if capturedKind == nil, !mixed { capturedKind = kind } else if capturedKind != kind { mixed = true; capturedKind = nil }
            }
            if contributions[index].kind != .note, let author = contributions[index].author { speakers.insert(author) }
        }
    }
}
