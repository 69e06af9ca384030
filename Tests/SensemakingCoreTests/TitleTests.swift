import Foundation
import PropertyBased
import Testing
@testable import SensemakingCore

/// `Contribution.title` walks scalars for speed; it must say what the Character-based
/// definition says, line breaks, carriage returns and clusters included.
@Suite("Story titles")
struct TitleTests {
    /// The definition the fast walk replaced.
    static func reference(_ text: String) -> String {
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        if text.contains("\n") || firstLine.count <= 48 { return firstLine }
        return String(firstLine.prefix(47)) + "…"
    }

    static let pieces = ["\n", "\r", "\r\n", "\n\n", " ", "a", "word ", "e\u{301}", "👩‍👩‍👧", "日本語",
                         String(repeating: "x", count: 30), String(repeating: "é", count: 20), "\u{301}"]

    @Test func agreesWithTheCharacterDefinition() async {
        await propertyCheck(count: 2000, input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12)) { picks in
            let text = picks.map { Self.pieces[$0] }.joined()
            let item = Contribution(id: 1, author: nil, stage: 4, kind: .story, text: text, time: Date())
            #expect(item.title == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test func edgeCases() {
        for text in ["", "\n", "\n\nAfter blank lines\nmore", "\r\nA\r\nB", String(repeating: "x", count: 48),
                     String(repeating: "x", count: 49), String(repeating: "👩‍👩‍👧", count: 49)] {
            let item = Contribution(id: 1, author: nil, stage: 4, kind: .story, text: text, time: Date())
            #expect(item.title == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
