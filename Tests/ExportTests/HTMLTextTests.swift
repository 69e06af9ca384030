import Testing
import TestSupport
@testable import Export

/// `HTMLText.escape` walks bytes; it must say what the Character definition says, with
/// combining marks, prepended marks, CR LF and clusters next to the characters it escapes.
@Suite("HTML escaping")
struct HTMLTextTests {
    static let pieces = ["&", "<", ">", "\"", "'", "\n", "\r", "\r\n", "a", " ", "word", "\u{301}", "e\u{301}", "é",
                         "👩‍👩‍👧", "日本語", "\u{600}", "\u{200D}", "🇬🇧", "&amp;", "—", "\t"]

    @Test func agreesWithTheCharacterDefinition() {
        var random = SplitMix64(seed: 6)
        for _ in 0..<4000 {
            let text = random.text(from: Self.pieces, length: 0...12)
            for lineBreaks in [false, true] {
                #expect(HTMLText.escape(text, lineBreaks: lineBreaks) == HTMLText.characterEscape(text, lineBreaks: lineBreaks),
                        "\(text.debugDescription) lineBreaks: \(lineBreaks)")
            }
        }
    }

    @Test func edgeCases() {
        for text in ["", "&", "\n", "\r\n", "&\u{301}", "\u{600}&", "a\n\u{301}", "<b>'x'</b> & \"y\"\nz"] {
            for lineBreaks in [false, true] {
                #expect(HTMLText.escape(text, lineBreaks: lineBreaks) == HTMLText.characterEscape(text, lineBreaks: lineBreaks))
            }
        }
    }
}
