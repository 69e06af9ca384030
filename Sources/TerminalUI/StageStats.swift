import SensemakingCore

/// What the screen needs to know about the current stage's contributions, counted in one
/// pass over the stage's own (through the session's per-stage index; drawing walks back
/// from the newest only).
struct StageStats {
    /// Live contributions and notes.
    var live = 0
    /// Live contributions of the kind the stage captures.
    var captured = 0
    /// Who has made a live contribution (not a note).
    var speakers = Set<String>()

    /// Nothing counted: for redraws that never read the counts.
    init() {}

    init(_ session: Session) {
        let kind = session.stage.captures
        let contributions = session.contributions
        // Fields read in place: copying each contribution out (its strings retained) cost
        // more than the rest of the count.
        for index in session.contributionsByStage[session.current] where !contributions[index].retracted {
            live += 1
            if contributions[index].kind == kind { captured += 1 }
            if contributions[index].kind != .note, let author = contributions[index].author { speakers.insert(author) }
        }
    }
}
