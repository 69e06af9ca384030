/// Cleans every text at the boundary, before it enters the session: nothing a participant
/// types may move the cursor, recolour the projector or reorder what others read.
public enum Sanitizer {
    /// What a text is, which sets its length cap and whether it may span lines.
    public enum Field: Sendable {
        case contribution, name, title, tag, prompt, path

        public var limit: Int {
            switch self {
            case .contribution: 2000
            case .name: 40
            case .title: 120
            case .tag: 80
            case .prompt: 300
            case .path: 1024
            }
        }

        public var multiline: Bool { self == .contribution || self == .prompt }

        var noun: String {
            switch self {
            case .contribution: "A contribution"
            case .name: "A name"
            case .title: "A title"
            case .tag: "A tag"
            case .prompt: "A prompt"
            case .path: "A path"
            }
        }
    }

    public enum Failure: Error, Equatable, Sendable {
        case empty(Field)
        case tooLong(Field, length: Int)

        public var message: String {
            switch self {
            case .empty(let field): "\(field.noun) cannot be empty."
            case .tooLong(let field, let length):
                "\(field.noun) is \(length) characters long; the most is \(field.limit)."
            }
        }
    }

    /// True for scalars that never enter the session.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F: scalar != "\n"          // C0 and DEL (line breaks handled before)
        case 0x80...0x9F: true                          // C1, including the one-byte CSI U+009B
        case 0x061C, 0x200E, 0x200F: true               // bidi marks
        case 0x202A...0x202E, 0x2066...0x2069: true     // bidi embeddings, overrides, isolates
        case 0x200B, 0x2060, 0xFEFF, 0x180E: true       // zero-width spaces, word joiner, BOM
        case 0xFFF9...0xFFFB: true                      // interlinear annotation controls
        default: false
        }
    }

    /// Removes what must never enter, normalises line breaks and tabs, keeps ZWJ,
    /// ZWNJ and variation selectors so emoji and scripts stay whole. Does not trim.
    public static func strip(_ text: String, multiline: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}":
                out.append(multiline ? "\n" : " ")
            case "\n":
                if !previousCR { out.append(multiline ? "\n" : " ") }
            case "\t":
                out.append(" ")
            default:
                if !isForbidden(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Strips, trims surrounding white space (and blank lines), and checks the length.
    public static func clean(_ text: String, as field: Field) -> Result<String, Failure> {
        var cleaned = strip(text, multiline: field.multiline)
        cleaned = trimmed(cleaned)
        if cleaned.isEmpty { return .failure(.empty(field)) }
        let length = cleaned.count
        if length > field.limit { return .failure(.tooLong(field, length: length)) }
        return .success(cleaned)
    }

    /// Like `clean`, for texts that come from trusted places (plans, the command line),
    /// where an over-long text is cut at a character boundary rather than refused.
    public static func cleanOrCut(_ text: String, as field: Field) -> String {
        let cleaned = trimmed(strip(text, multiline: field.multiline))
        return cleaned.count > field.limit ? String(cleaned.prefix(field.limit)) : cleaned
    }

    static func trimmed(_ text: String) -> String {
        // Trailing spaces on each line carry nothing a reader can see. Any Unicode space
        // counts (U+00A0, U+3000…): a name of only those would be an invisible participant.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var line = line
                while line.last?.isWhitespace == true { line = line.dropLast() }
                return line
            }
        var joined = lines.joined(separator: "\n")[...]
        while joined.first?.isWhitespace == true { joined = joined.dropFirst() }
        while joined.last?.isWhitespace == true { joined = joined.dropLast() }
        return String(joined)
    }
}
