import TestSupport

/// Pieces of text the room might type: ASCII words (some too long for a line), CJK,
/// Hangul, emoji with ZWJ and skin tones, flags, VS16, combining marks, spaces, breaks.
enum Pieces {
    static let all: [String] = [
        "a", "we", "system", "sensemaking", "leadership", "interdisciplinary", String(repeating: "x", count: 45),
        "日本語", "病院と地域", "地域の両方で働いています", "한국어", "ｆｕｌｌ",
        "👩‍👩‍👧", "🧑🏽‍⚕️", "👩‍⚕️", "🇬🇧", "🇯🇵", "❤️", "👍🏽", "🎉", "#️⃣",
        "e\u{301}", "Zoe\u{308}", "n\u{303}o", "a\u{308}\u{304}", "\u{301}",
        " ", " ", " ", "  ", "\n", ",", ".", "—",
    ]

    static func text(_ rng: inout SplitMix64, pieces: Int) -> String {
        var out = ""
        for _ in 0..<pieces { out += all[Int(rng.next() % UInt64(all.count))] }
        return out
    }
}
