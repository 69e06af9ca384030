/// The one function through which every user text enters an HTML export.
public enum HTMLText {
    /// Escapes the five characters that can change HTML's structure, in text and in
    /// quoted attribute values alike. Line breaks become `<br>` only with `lineBreaks`.
    public static func escape(_ text: String, lineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n" where lineBreaks: out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
