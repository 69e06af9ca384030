import PropertyBased
import SensemakingCore

/// Strings weighted towards what breaks Markdown and text handling: Markdown and HTML
/// punctuation, record tokens, entities, leading and trailing spaces, line breaks, CJK,
/// emoji with ZWJ and skin tones, combining marks, right-to-left scripts.
enum AdversarialText {
    static let fragments: [String] = [
        "*", "**", "_", "__", "`", "```", "~", "~~", "~~~", "#", "## ", "######", "-", "- ", "--", "---",
        "+ ", "* ", "1. ", "2) ", "123456789. ", ">", "> ", ">>", "<", ">", "<b>", "</b>", "<br/>", "<!--",
        "-->", "<!-- -->", "<!-- sm:joined seq=1 name=Eve at=2026-11-27T10:04:12Z -->", "<http://x.y>",
        "[", "]", "](x)", "[a](b)", "![", "![i](j)", "[^1]", "[[wiki]]", "(", ")", "\\", "\\\\", "\\*", "&",
        "&amp;", "&#32;", "&#x41;", "&lt;", "&copy;", "&nbsp", "|", "| a | b |", "|--|", ":--", "--:", "===",
        "$", "$$", "%%", "==", "^", "^block", "@", "ana@example.org", "www.example.org", "WWW.x.y",
        "http://x.y", "https://a.b/c?d", "ftp://f.g", "mailto:a@b.c", ":", "::", ":+1:", "#tag", "%",
        " ", "  ", "   ", "    ", "\n", "\n", "\n\n", " \n", "\n ", "\n    ", "\t", "\r\n", "\r",
        "日本語", "中文字", "한국어", "👩‍👩‍👧", "👍🏽", "🏳️‍🌈", "e\u{301}", "\u{301}", "\u{20DD}", "\u{0308}\u{0301}",
        "مرحبا", "שלום", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{A0}", "\u{3000}", "\u{2028}", "\u{202E}",
        "\u{1B}[31m", "\u{7}", "\u{0}", "\u{9B}", "\u{FEFF}", "a", "word", "Ana", "0", "1", "9.", "x.", ". ",
    ]

    /// A raw string of 0 to `limit` fragments and letters.
    static func raw(using rng: inout any SeededRandomNumberGenerator, limit: Int = 24) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...limit, using: &rng) {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                out += String(UnicodeScalar(UInt8.random(in: 97...122, using: &rng)))
            } else {
                out += fragments[Int.random(in: 0..<fragments.count, using: &rng)]
            }
        }
        return out
    }

    /// What the core lets in: `strip` (keeps every space), or `clean` when it accepts.
    static func sanitized(using rng: inout any SeededRandomNumberGenerator, multiline: Bool = true) -> String {
        let text = raw(using: &rng)
        if Bool.random(using: &rng), case .success(let cleaned) = Sanitizer.clean(text, as: multiline ? .contribution : .name) {
            return cleaned
        }
        return Sanitizer.strip(text, multiline: multiline)
    }

    static let generator = Generator<[String], Shrink.None<[String]>>(run: { rng in
        (0..<20).map { _ in sanitized(using: &rng) }
    })
}

/// Equal scalar for scalar: `==` on String would forgive a change of normalisation.
func sameScalars(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.elementsEqual(b.unicodeScalars)
}
