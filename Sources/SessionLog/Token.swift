import SensemakingCore

/// The machine part of a record: `<!-- sm:KIND key=value … -->`, written by the program
/// only. Escaped user text never holds a `<`, so a token can only be the program's, and
/// rendered Markdown hides it. Values are percent-encoded, so a token is one line without
/// spaces inside its values and never holds `--` (which would end the comment early).
struct Token {
    static let opening = Array("<!-- sm:".utf8)
    static let closing = Array(" -->".utf8)

    var kind: String
    var fields: [(key: String, value: String)]

    init(_ kind: String, _ fields: [(key: String, value: String)] = []) {
        self.kind = kind
        self.fields = fields
    }

    init(_ kind: RecordKind, _ fields: [(key: String, value: String)] = []) {
        self.init(kind.rawValue, fields)
    }

    // Keys differ mostly in length: compared first, it spares most String comparisons.
    subscript(key: String) -> String? {
        let count = key.utf8.count
        for field in fields where field.key.utf8.count == count && field.key == key { return field.value }
        return nil
    }

    func all(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }

    var text: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the token's bytes: every record written, and every record resume and export
    /// check, has a token.
    func write(into out: inout [UInt8]) {
        out += Self.opening
        out.append(utf8: kind)
        for field in fields {
            out.append(UInt8(ascii: " "))
            out.append(utf8: field.key)
            out.append(UInt8(ascii: "="))
            Self.percentEncode(field.value, into: &out)
        }
        out += Self.closing
    }

    /// Reads a token that fills `bytes` exactly: the kind (lowercase letters and `-`, not
    /// empty), then fields separated by single spaces, each a key of lowercase letters, `=`
    /// and a percent-encoded value. One walk over the bytes: every record read has a token.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Token? {
        guard bytes.starts(with: opening), bytes.count >= opening.count + closing.count,
              bytes.suffix(closing.count).elementsEqual(closing) else { return nil }
        let end = bytes.endIndex - closing.count
        var index = bytes.startIndex + opening.count
        let kindStart = index
        while index < end, bytes[index] != UInt8(ascii: " ") {
            guard isLowercase(bytes[index]) || bytes[index] == UInt8(ascii: "-") else { return nil }
            index += 1
        }
        guard index > kindStart else { return nil }
        var token = Token(String(decoding: bytes[kindStart..<index], as: UTF8.self))
        token.fields.reserveCapacity(12)
        // `index` is at the space before a field, or at the end.
        while index < end {
            let keyStart = index + 1
            var cursor = keyStart
            while cursor < end, isLowercase(bytes[cursor]) { cursor += 1 }
            // A key of at least one letter, then `=` (a space, the end or any other byte fails).
            guard cursor > keyStart, cursor < end, bytes[cursor] == UInt8(ascii: "=") else { return nil }
            let valueStart = cursor + 1
            var valueEnd = valueStart
            while valueEnd < end, bytes[valueEnd] != UInt8(ascii: " ") { valueEnd += 1 }
            guard let value = percentDecode(bytes[valueStart..<valueEnd]) else { return nil }
            token.fields.append((String(decoding: bytes[keyStart..<cursor], as: UTF8.self), value))
            index = valueEnd
        }
        return token
    }

    private static func isLowercase(_ byte: UInt8) -> Bool { (97...122).contains(byte) }

    static func percentEncode(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        percentEncode(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Fast path — the plain bytes between encoded scalars copied in one append took
    // `Token.write` from 39.6 M to 33.0 M instructions on resume of the 5,000-contribution log
    // (docs/performance.md, fifth session); `LogCheckFastPathTests` hold it to the scalar-by-scalar
    // definition.

    /// Appends the value percent-encoded: each scalar that `mustEncode` names (and a `-` after
    /// a `-`, so no `--` ends the comment) as `%` and two uppercase hex digits per UTF-8 byte,
    /// every other scalar as itself. It walks the UTF-8 and copies the bytes between encoded
    /// scalars in one append: values are mostly plain, and every record resume and export read
    /// is written again to be checked.
    static func percentEncode(_ value: String, into out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            var plainFrom = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // The scalar at `index` and its length: the String's UTF-8 is valid.
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let encode: Bool
                if length == 1 {
                    // The scalar before is `-` exactly when the byte before is.
                    encode = mustEncodeASCII(byte) || (byte == UInt8(ascii: "-") && index > 0 && bytes[index - 1] == byte)
                } else {
                    encode = mustEncode(scalar(bytes, at: index, length: length))
                }
                if encode {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<index]))
                    for encoded in bytes[index..<index + length] {
                        out.append(UInt8(ascii: "%"))
                        out.append(hexDigit(encoded >> 4))
                        out.append(hexDigit(encoded & 0xF))
                    }
                    plainFrom = index + length
                }
                index += length
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
    }

    /// The scalar whose `length` (2 to 4) UTF-8 bytes start at `index`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(bytes[index]) & (0x7F >> length)
        for continuation in bytes[(index + 1)..<(index + length)] {
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return Unicode.Scalar(value)!
    }

    // MARK: What must be encoded

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }

    private static func mustEncodeASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "%"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "\\"), UInt8(ascii: "`"): true
        default: byte <= 0x20 || byte == 0x7F
        }
    }

    static func mustEncode(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return mustEncodeASCII(UInt8(scalar.value)) }
        if MarkdownText.needsEntity(scalar) || scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator,
             .paragraphSeparator, .spaceSeparator:
            return true
        default:
            return false
        }
    }

    /// The value `bytes` encode, or nil (a `%` without two hex digits after it, or not UTF-8).
    /// Whether the value was encoded as `percentEncode` does is the check's business: it
    /// writes the record again and compares the bytes.
    static func percentDecode(_ bytes: ArraySlice<UInt8>) -> String? {
        // Most values hold no `%`: the value is the bytes themselves (ASCII needs no validating).
        guard bytes.contains(UInt8(ascii: "%")) else {
            return bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}

extension [UInt8] {
    /// Appends a String's UTF-8 in one copy: `+= text.utf8` goes through the view byte by
    /// byte, and every record the check writes again appends its kind, keys and lead.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
