/// The one function through which every user text enters an HTML export.
public enum HTMLText {
    /// Escapes the five characters that can change HTML's structure, in text and in quoted
    /// attribute values alike (SVG labels too). Line breaks become `<br>` only with `lineBreaks`.
    ///
    /// The decision is per UTF-8 byte, which for these six ASCII characters is the decision
    /// per Unicode scalar: a byte below 0x80 is always a whole scalar in UTF-8. Never per
    /// `Character`: a grapheme cluster can hold `<` together with a neighbour (U+0600 before
    /// `<` is one Character), and an HTML parser reads scalars, not clusters.
    public static func escape(_ text: String, lineBreaks: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            case UInt8(ascii: "\n") where lineBreaks: out.append(contentsOf: "<br>".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
