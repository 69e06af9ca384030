/// Text operations that decide per Unicode scalar, for tests to compare against: `String`'s
/// own `contains` and Foundation's `replacingOccurrences` compare grapheme clusters, and a
/// `"<"` joined to a Prepend scalar before it is not found by them (issue #13).
public enum ScalarText {
    /// HTML escaping, plainly right: one switch per scalar over the five characters (and a
    /// line feed as `<br>` when asked).
    public static func htmlEscape(_ text: String, lineBreaks: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n" where lineBreaks: out += "<br>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `text` holds `part`, scalar for scalar.
    public static func holds(_ text: String, _ part: String) -> Bool {
        let whole = Array(text.unicodeScalars), piece = Array(part.unicodeScalars)
        guard !piece.isEmpty else { return true }
        guard whole.count >= piece.count else { return false }
        return (0...(whole.count - piece.count)).contains { whole[$0..<($0 + piece.count)].elementsEqual(piece) }
    }

    /// The lines of `text`, split at each line feed scalar (one that a combining mark
    /// follows is one Character with it, and `split(separator: "\n")` passes over it).
    public static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }
}
