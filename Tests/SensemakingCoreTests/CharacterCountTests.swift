import Testing
@testable import SensemakingCore

/// `Synthesis.characterCount` counts bytes where every byte is a Character; it must be `count`.
@Suite("Character counts of the speaking balance")
struct CharacterCountTests {
    static let pieces = ["a", " ", "word", "\r", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "👩‍👩‍👧", "🇬🇧", "日本語", "\t", "\u{7F}"]

    @Test func agreesWithCount() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5000 {
            let text = (0..<next(14)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            #expect(Synthesis.characterCount(text) == text.count, "\(text.debugDescription)")
            // A bridged or sliced (non-native) text takes the other path.
            let sliced = String(Substring(text))
            #expect(Synthesis.characterCount(sliced) == sliced.count)
        }
    }
}
