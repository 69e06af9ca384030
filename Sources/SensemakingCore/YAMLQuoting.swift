/// YAML double-quoted scalars, for the log's front matter and plan files: any text on one
/// line, read back exactly, escaped per Unicode scalar. Escapes what YAML forbids, what it
/// reads as a line break (NEL, LS, PS) and what would act on or reorder a terminal showing
/// the file (`Sanitizer.isForbidden`).
public enum YAMLQuoting {
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let code = written[scalar] {
                out += "\\"
                out.unicodeScalars.append(code)
            } else if !mustEscape(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xFF {
                out += "\\x" + hex(scalar.value, width: 2)
            } else {
                // Every scalar `mustEscape` names above U+00FF is in the Basic Multilingual Plane.
                out += "\\u" + hex(scalar.value, width: 4)
            }
        }
        return out + "\""
    }

    /// Scalars that cannot stand as themselves in a YAML file a person reads: controls, what
    /// YAML refuses or reads as a line break, and what `Sanitizer` keeps out of a session.
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: true
        default: Sanitizer.isForbidden(scalar)
        }
    }

    /// The text of a double-quoted scalar that fills `text` exactly, or nil.
    public static func unquote(_ text: Substring) -> String? {
        var scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { return nil }
            guard scalar == "\\" else { out.append(scalar); continue }
            guard index < scalars.count else { return nil }
            let code = scalars[index]
            index += 1
            if let named = read[code] {
                out.append(named)
                continue
            }
            let width: Int
            switch code {
            case "x": width = 2
            case "u": width = 4
            case "U": width = 8
            default: return nil
            }
            guard index + width <= scalars.count,
                  scalars[index..<(index + width)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                  let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + width)])), radix: 16),
                  let decoded = Unicode.Scalar(value) else { return nil }
            out.append(decoded)
            index += width
        }
        return String(out)
    }

    /// The one-letter escapes `quote` writes: each scalar and its letter.
    private static let written: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\"", "\\": "\\", "\n": "n", "\t": "t", "\u{85}": "N", "\u{2028}": "L", "\u{2029}": "P",
    ]

    /// The one-letter escapes YAML defines, read: each letter and its scalar.
    private static let read: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\"", "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "0": "\u{0}", "e": "\u{1B}",
        " ": " ", "_": "\u{A0}", "N": "\u{85}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
