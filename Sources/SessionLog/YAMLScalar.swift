import SensemakingCore

/// YAML double-quoted scalars for the front matter: any text the core holds, on one line,
/// read back exactly. Escapes what YAML forbids, what it reads as a line break (NEL, LS,
/// PS) and what would reorder or act on a terminal showing the file.
enum YAMLScalar {
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) {
                    out += "\\x" + hex(value, width: 2)
                } else if Sanitizer.isForbidden(scalar) || value == 0xFFFE || value == 0xFFFF {
                    out += "\\u" + hex(value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The text of a double-quoted scalar that fills `text` exactly, or nil.
    static func unquote(_ text: Substring) -> String? {
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
            switch code {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\u{0}")
            case "e": out.append("\u{1B}")
            case " ": out.append(" ")
            case "_": out.append("\u{A0}")
            case "N": out.append("\u{85}")
            case "L": out.append("\u{2028}")
            case "P": out.append("\u{2029}")
            case "x", "u", "U":
                let width = code == "x" ? 2 : code == "u" ? 4 : 8
                guard index + width <= scalars.count,
                      scalars[index..<(index + width)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                      let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + width)])), radix: 16),
                      let decoded = Unicode.Scalar(value) else { return nil }
                out.append(decoded)
                index += width
            default:
                return nil
            }
        }
        return String(out)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
