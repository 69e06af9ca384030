import SensemakingCore

/// The machine part of a record: `<!-- sm:KIND key=value … -->`, written by the program
/// only. Escaped user text never holds a `<`, so a token can only be the program's, and
/// rendered Markdown hides it. Values are percent-encoded, so a token is one line without
/// spaces inside its values and never holds `--` (which would end the comment early).
struct Token: Equatable {
    static let opening = Array("<!-- sm:".utf8)
    static let closing = Array(" -->".utf8)

    var kind: String
    var fields: [(key: String, value: String)]
    /// Set by `parse` when every value's bytes are exactly what `percentEncode` writes for the
    /// value read (proved for ASCII values only): then the bytes read are what `write` gives
    /// for this token, and the check can copy them instead of writing them again
    /// (`TokenCopyTests`). Not part of `==`.
    var canonical = false

    init(_ kind: String, _ fields: [(key: String, value: String)] = []) {
        self.kind = kind
        self.fields = fields
    }

    static func == (a: Token, b: Token) -> Bool {
        a.kind == b.kind && a.fields.elementsEqual(b.fields) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Equal and of the same UTF-8 lengths: `==` equates canonically equivalent texts (a
    /// KELVIN SIGN and `K`), and the lengths tell those apart from an ASCII text (the only
    /// scalars equivalent to ASCII ones are single scalars of two or three bytes). For a token
    /// read canonically, whose values are ASCII, this means the same bytes (`TokenCopyTests`).
    func sameASCIIFields(as other: Token) -> Bool {
        self == other && zip(fields, other.fields).allSatisfy { $0.value.utf8.count == $1.value.utf8.count }
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
        out += kind.utf8
        for field in fields {
            out.append(UInt8(ascii: " "))
            out += field.key.utf8
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
        var canonical = true
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
            guard let value = percentDecode(bytes[valueStart..<valueEnd], canonical: &canonical) else { return nil }
            token.fields.append((String(decoding: bytes[keyStart..<cursor], as: UTF8.self), value))
            index = valueEnd
        }
        // The kind, the keys, the spaces, `=`, the opening and the closing are read as `write`
        // writes them; only a value can be read in a form `write` would not give.
        token.canonical = canonical
        return token
    }

    private static func isLowercase(_ byte: UInt8) -> Bool { (97...122).contains(byte) }

    static func percentEncode(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        percentEncode(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value percent-encoded. A value of ASCII goes byte by byte (each byte is
    /// one scalar there, and is encoded as itself); any other value goes scalar by scalar,
    /// `percentEncodeScalars`, the definition.
    static func percentEncode(_ value: String, into out: inout [UInt8]) {
        let mark = out.count
        // Over the contiguous bytes: iterating the UTF-8 view costs more per byte.
        let done = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte < 0x80 else { return false }
                if mustEncodeASCII(byte) || (byte == UInt8(ascii: "-") && previous == UInt8(ascii: "-")) {
                    out += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                } else {
                    out.append(byte)
                }
                previous = byte
            }
            return true
        }
        if done != true {
            out.removeSubrange(mark...)
            percentEncodeScalars(value, into: &out)
        }
    }

    static func percentEncodeScalars(_ value: String, into out: inout [UInt8]) {
        var previous: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            defer { previous = scalar }
            if mustEncode(scalar) || (scalar == "-" && previous == "-") {
                for byte in UTF8.encode(scalar)! {
                    out += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                }
            } else if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }

    private static func mustEncodeASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "%"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "\\"), UInt8(ascii: "`"): true
        default: byte <= 0x20 || byte == 0x7F
        }
    }

    private static func mustEncode(_ scalar: Unicode.Scalar) -> Bool {
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

    static func percentDecode(_ bytes: ArraySlice<UInt8>) -> String? {
        var canonical = true
        return percentDecode(bytes, canonical: &canonical)
    }

    /// The value `bytes` encode, or nil. Clears `canonical` unless `bytes` are exactly what
    /// `percentEncode` writes for that value: proved for an ASCII value (every byte that
    /// `percentEncode` encodes, and only those, as `%` and two uppercase hex digits); any
    /// other value clears it.
    static func percentDecode(_ bytes: ArraySlice<UInt8>, canonical: inout Bool) -> String? {
        // Most values are ASCII with nothing encoded: then the value is the bytes themselves
        // (ASCII is valid UTF-8 as it is; anything else is validated).
        var any: UInt8 = 0
        var encoded = false
        var plain = true
        var previous: UInt8 = 0
        for byte in bytes {
            any |= byte
            if mustEncodeASCII(byte) || (byte == UInt8(ascii: "-") && previous == byte) {
                if byte == UInt8(ascii: "%") { encoded = true } else { plain = false }
            }
            previous = byte
        }
        guard encoded else {
            if any >= 0x80 || !plain { canonical = false }
            return any < 0x80 ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        any = 0
        var exact = true
        previous = 0
        while index < bytes.endIndex {
            let byte: UInt8
            let wasEncoded: Bool
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                byte = high << 4 | low
                // Only uppercase hex digits are what `percentEncode` writes.
                if hexDigit(high) != bytes[index + 1] || hexDigit(low) != bytes[index + 2] { exact = false }
                wasEncoded = true
                index += 3
            } else {
                byte = bytes[index]
                wasEncoded = false
                index += 1
            }
            // Encoded exactly when `percentEncode` encodes it.
            if wasEncoded != (mustEncodeASCII(byte) || (byte == UInt8(ascii: "-") && previous == byte)) { exact = false }
            out.append(byte)
            previous = byte
            any |= byte
        }
        if any >= 0x80 || !exact { canonical = false }
        return any < 0x80 ? String(decoding: out, as: UTF8.self) : String(validating: out, as: UTF8.self)
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
