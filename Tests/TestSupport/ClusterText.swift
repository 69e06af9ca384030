/// Texts that test escaping per Unicode scalar: each medium's special characters mixed with
/// the scalars that join a neighbour into one grapheme cluster. An escaper that decides per
/// `Character` sees `"\u{600}<"` as one Character that is not `"<"`, and lets the `<` through.
public enum ClusterText {
    /// Grapheme_Cluster_Break=Prepend: joins the scalar after it (Arabic number signs and
    /// friends, U+0890, Malayalam dot reph, Kaithi number sign).
    public static let prepend: [String] = ["\u{600}", "\u{601}", "\u{605}", "\u{6DD}", "\u{70F}", "\u{890}", "\u{891}",
                                           "\u{8E2}", "\u{D4E}", "\u{110BD}", "\u{111C2}"]
    /// Extend and SpacingMark: join the scalar before them (combining marks, variation
    /// selectors, ZWNJ, a Devanagari vowel sign, an emoji skin tone).
    public static let joinBefore: [String] = ["\u{301}", "\u{308}", "\u{20DD}", "\u{FE0F}", "\u{FE0E}", "\u{200C}",
                                              "\u{903}", "\u{93F}", "\u{1F3FD}"]
    /// ZWJ, regional indicators (pairs make flags), Hangul jamo (L V T make one syllable).
    public static let others: [String] = ["\u{200D}", "\u{1F1EC}", "\u{1F1E7}", "\u{1100}", "\u{1161}", "\u{11A8}",
                                          "\r", "\n", "\r\n"]
    /// What makes structure in HTML, Markdown (CommonMark, GFM, Obsidian), JSON, YAML and a terminal.
    public static let special: [String] = [
        "<", ">", "&", "\"", "'", "/", "=", "\\", "`", "*", "_", "~", "[", "]", "(", ")", "!", "#", "|", "-", "+",
        ".", ":", "@", "$", "%", "^", "{", "}", ",", ";", "?", " ", "  ", "\t", "1.", "&amp;", "&#60;", "<b>",
        "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>", "<!--", "-->",
        "<script>", "</p>", "\\u0000", "\u{1B}[2J", "\u{7}", "\u{0}", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{202E}",
    ]
    public static let ordinary: [String] = ["a", "Ana", "word", "é", "日本", "👩‍👩‍👧", "مرحبا", "0", "9"]

    public static let alphabet: [String] = prepend + joinBefore + others + special + special + ordinary

    /// A text of 1 to `maxPieces` pieces; one in three starts with a Prepend scalar before a
    /// special character, the reproduction's shape.
    public static func text<R: RandomNumberGenerator>(using random: inout R, maxPieces: Int = 10) -> String {
        var out = ""
        if Int.random(in: 0..<3, using: &random) == 0 {
            out += prepend.randomElement(using: &random)! + special.randomElement(using: &random)!
        }
        for _ in 0..<Int.random(in: 1...maxPieces, using: &random) {
            out += alphabet.randomElement(using: &random)!
        }
        return out
    }

    /// The reproductions of issue #13: a Prepend scalar before an ordinary tag.
    public static let reproductions: [String] = [
        "\u{600}<img src=x onerror=alert(1)>",
        "\u{890}<svg onload=alert(1)>",
        "\u{D4E}<iframe src=javascript:alert(1)>",
    ]
}
