import Foundation
import SensemakingCore
import Testing
import TestSupport
@testable import Export

/// `ItemTitle.of` reads a story's title from the text's bytes; it must say what
/// `Contribution.title`, the definition, says.
@Suite("Item titles by bytes")
struct ItemTitleTests {
    static let pieces = ["\n", "\r", "\r\n", "\n\n", " ", "a", "word ", "e\u{301}", "\u{301}", "👩‍👩‍👧", "日本語", "é",
                         String(repeating: "x", count: 30), String(repeating: "é", count: 20), "\u{600}", "\n\u{301}"]

    @Test func agreesWithTheDefinition() {
        var random = SplitMix64(seed: 47)
        for _ in 0..<6000 {
            let text = random.text(from: Self.pieces, length: 0...12)
            let c = Contribution(id: 1, author: nil, stage: 4, kind: .story, text: text, time: Date())
            #expect(ItemTitle.of(c) == c.title, "\(text.debugDescription)")
            #expect(Array(ItemTitle.of(c).utf8) == Array(c.title.utf8), "\(text.debugDescription)")
        }
    }

    @Test func edgeCases() {
        let texts = ["", "\n", "a\n", "\na", "a\r\nb", "a\n\u{301}", String(repeating: "x", count: 48),
                     String(repeating: "x", count: 49), String(repeating: "x", count: 47) + "é" + "yy",
                     String(repeating: "x", count: 48) + "é", String(repeating: "👩‍👩‍👧", count: 49)]
        for text in texts {
            let c = Contribution(id: 1, author: nil, stage: 4, kind: .story, text: text, time: Date())
            #expect(Array(ItemTitle.of(c).utf8) == Array(c.title.utf8), "\(text.debugDescription)")
        }
    }
}
