/// The kinds of record, as their tokens name them (`<!-- sm:KIND … -->`).
enum RecordKind: String, CaseIterable {
    // Headings and blocks.
    case header, stage, ended
    // List items.
    case joined, left, turn, passed, contribution, retracted, edited
    case speakingAs = "as", when, owner, due, dots, cue, mind, reviewed
    /// Curation: a contribution re-kinded (`/kind`) or moved to another stage (`/move`).
    case rekinded = "kind", moved
    case timerSet = "timer-set", timerAdjust = "timer-adjust", timerPause = "timer-pause", timerResume = "timer-resume"
    case suspended, resumed
    /// Joining from devices: the dots shown (`/reveal`, or everyone voted) and `/floor`.
    case revealed, floor

    /// A heading or block of the log rather than a list item.
    var isBlock: Bool { self == .header || self == .stage || self == .ended }
}
