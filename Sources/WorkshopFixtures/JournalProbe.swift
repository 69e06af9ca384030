import Foundation
import SensemakingCore

/// A fixed session that `sensemaking-fixtures journal-probe` writes through the real journal
/// and the kill -9 test checks byte for byte: record 1 enters Identity, every later one is a
/// contribution whose text mixes Markdown, line breaks and scripts, of varying length.
public enum JournalProbe {
    public static let started = Date(timeIntervalSinceReferenceDate: 817_000_000.25)

    public static let header = SessionHeader(
        title: "Journal probe", plan: .standard, participants: ["Ana", "Ben"], anonymous: false, started: started)

    /// The n-th record (from 1) of the probe session.
    public static func record(_ n: Int) -> Record {
        let time = started.addingTimeInterval(Double(n) * 0.37)
        guard n > 1 else { return Record(time: time, event: .stageEntered(1)) }
        let id = n - 1
        let item = Contribution(id: id, author: id % 2 == 1 ? "Ana" : "Ben", stage: 1, kind: .identity,
                                text: text(id), time: time)
        return Record(time: time, event: .contributed(item, advancesTurn: true))
    }

    /// The text of contribution `id`.
    public static func text(_ id: Int) -> String {
        let piece = "# not a heading\n- nor a list, *nor* _emphasis_ <b>nor</b> `code` [a](link) www.example.org ana@example.org\n"
            + "  spaces kept  \n日本語 👩‍👩‍👧 e\u{301} مرحبا"
        return "Probe \(id): " + Array(repeating: piece, count: id % 9 + 1).joined(separator: "\n")
    }
}
