/// The one function through which every user text enters an HTML export.
public enum HTMLText {
    /// Escapes the five characters that can change HTML's structure, in text and in
    /// quoted attribute values alike. Line breaks become `<br>` only with `lineBreaks`.
    ///
    /// The definition is per Character (`characterEscape`): a `&` with a combining mark
    /// after it is one Character, not `&`, and stays as it is; `\r\n` is not `\n`. Walking
    /// the Characters of every text was nearly half of an HTML export, so the bytes are
    /// walked instead, and a text where one of the six stands next to a non-ASCII byte
    /// (where a Character could hold it together with its neighbour) goes the Character way.
    public static func escape(_ text: String, lineBreaks: Bool = false) -> String {
        var text = text
        text.makeContiguousUTF8()
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        let done: Bool = text.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            for index in 0..<count {
                let byte = bytes[index]
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case UInt8(ascii: "\n") where lineBreaks:
                    // "\r\n" is one Character, which is not "\n".
                    if index > 0, bytes[index - 1] == UInt8(ascii: "\r") { out.append(byte); continue }
                    replacement = "<br>"
                default:
                    out.append(byte)
                    continue
                }
                // Two ASCII scalars are always two Characters (but for CR LF, handled above).
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < count && bytes[index + 1] >= 0x80) { return false }
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            }
            return true
        } ?? false
        return done ? String(decoding: out, as: UTF8.self) : characterEscape(text, lineBreaks: lineBreaks)
    }

    /// The definition: Character by Character.
    static func characterEscape(_ text: String, lineBreaks: Bool) -> String {
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
