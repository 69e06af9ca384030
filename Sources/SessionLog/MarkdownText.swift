import SensemakingCore

/// Participants' text inside the log's Markdown. `escape` makes every line render, under
/// CommonMark, GFM and Obsidian, as exactly its own characters: never a heading, list, quote,
/// code, break, table, HTML, link, autolink, emphasis or entity. `unescape` gives the text
/// back, scalar for scalar. Neither looks at context beyond the line, so they cannot drift.
///
/// What the escaped form can contain (and so what the decoder accepts):
/// - `\` before ASCII punctuation: that punctuation;
/// - `&lt;`: `<`, so that no user text holds the `<` that starts a record's token;
/// - `&#N;`: the scalar N (spaces that would be trimmed, controls that must not reach a terminal);
/// - `<!-- -->` after an `@` that GFM would otherwise turn into a mail link: nothing;
/// - any other character: itself. Another `<`, or a `\` before anything else, never appears.
enum MarkdownText {
    /// Between two lines of one text: a hard line break the program writes, so the lines
    /// stay lines in rendered Markdown (then the indentation of the block, if any).
    static let lineBreak = "\\\n"

    /// An empty HTML comment: splits `name@host.org` so that GFM makes no link of it.
    static let linkBreaker = "<!-- -->"

    // MARK: Escaping: one entry point per context

    /// Inline: a text for a place that is one line (a name in bold, a heading, a table cell).
    /// Each line feed becomes `lineBreak` (a space unless told), then the whole is escaped as
    /// one line. Only for readable parts whose exact text lives elsewhere.
    static func escapeInline(_ text: String, lineBreak: String = " ") -> String {
        var line = text
        if text.utf8.contains(UInt8(ascii: "\n")) {
            var joined = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if scalar == "\n" { joined += lineBreak.unicodeScalars } else { joined.append(scalar) }
            }
            line = String(joined)
        }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + 8)
        line.withUTF8 { escapeLine($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Block: every line of `text` escaped, with `separator` between lines (a hard line break
    /// and the indentation of the block), appended to `out`: what the writer, the reader's
    /// check, the readable parts and the Markdown export use for a text of several lines.
    static func escapeBlock(_ text: String, separator: [UInt8], into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while true {
                // A line feed byte is always the scalar U+000A in UTF-8, so the lines between are valid.
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                escapeLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &out)
                guard end < bytes.count else { return }
                out += separator
                start = end + 1
            }
        }
    }

    /// Block, as a String.
    static func escapeBlock(_ text: String, separator: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        escapeBlock(text, separator: Array(separator.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One line's bytes (valid UTF-8, no line feed) escaped, appended to `out`.
    private static func escapeLine(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if isASCII(bytes) {
            escapeASCIILine(bytes, into: &out)
        } else {
            escapeLine(Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), into: &out)
        }
    }

    /// Appends the escaped line's bytes, scalar by scalar: the definition.
    static func escapeLine<Line: RandomAccessCollection>(_ line: Line, into out: inout [UInt8])
    where Line.Element == Unicode.Scalar, Line.Index == Int {
        let leadingDigits = leadingDigits(line)
        for index in 0..<line.count {
            escape(at: index, of: line, leadingDigits: leadingDigits, into: &out)
        }
    }

    // MARK: Fast path — escaping a line of ASCII from its bytes, plain runs copied whole, took the log's escaping of bodies from 89.4 M to 32.9 M instructions on the 5,000-contribution log (docs/performance.md, fourth round).

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in bytes { any |= byte }
        return any < 0x80
    }

    /// A line of ASCII, from its bytes: what `escapeLine` writes for its scalars. Bytes that
    /// are themselves anywhere inside a line (`plainInside`; the first and last of a line
    /// always go to the definition) are copied in runs; every other byte goes through
    /// `escape(at:of:leadingDigits:into:)`, the one definition. `LogCheckFastPathTests` compare the two.
    static func escapeASCIILine(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let line = ASCIIScalars(bytes: bytes)
        let count = bytes.count
        let leadingDigits = leadingDigits(line)
        // Read once: a static's every use checks that it is initialised (885,000 checks on
        // resume of the 5,000-contribution log).
        let plainInside = plainInside
        var index = 0
        while index < count {
            var run = index
            if index > 0 {
                while run < count - 1, plainInside[Int(bytes[run])] { run += 1 }
            }
            if run > index {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<run]))
                index = run
            } else {
                escape(at: index, of: line, leadingDigits: leadingDigits, into: &out)
                index += 1
            }
        }
    }

    /// The scalars of a line of ASCII bytes, one per byte.
    struct ASCIIScalars: RandomAccessCollection {
        let bytes: UnsafeBufferPointer<UInt8>
        var startIndex: Int { 0 }
        var endIndex: Int { bytes.count }
        subscript(position: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[position]) }
    }

    /// ASCII bytes that `escape(at:…)` writes as themselves at any place but a line's first
    /// or last: letters, digits, the space, `-`, `+` and `>` (escaped only at the start), and
    /// punctuation with no meaning to escape. Indexed by byte; true for these, false for the
    /// rest of ASCII (`LogCheckFastPathTests` check each byte against the definition).
    static let plainInside: [Bool] = {
        let plain = Set(("abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "0123456789"
            + " -+>" + "!\"'(,/;?{}").utf8)
        return (0..<128).map { plain.contains(UInt8($0)) }
    }()

    // MARK: The definition

    private static func leadingDigits<Line: RandomAccessCollection>(_ line: Line) -> Int
    where Line.Element == Unicode.Scalar, Line.Index == Int {
        let base = line.startIndex
        var count = 0
        while count < line.count, ("0"..."9").contains(line[base + count]) { count += 1 }
        return count
    }

    /// The escaping of the scalar at `index` (from 0) of `line`: the definition.
    @inline(__always)
    private static func escape<Line: RandomAccessCollection>(at index: Int, of line: Line, leadingDigits: Int, into out: inout [UInt8])
    where Line.Element == Unicode.Scalar, Line.Index == Int {
        let base = line.startIndex
        let count = line.count
        func at(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < count ? line[base + index] : nil }
        func plain(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out.append(contentsOf: UTF8.encode(scalar)!) }
        }
        func escaped(_ scalar: Unicode.Scalar) { out.append(UInt8(ascii: "\\")); plain(scalar) }
        func entity(_ scalar: Unicode.Scalar) { out.append(contentsOf: "&#\(scalar.value);".utf8) }

        let scalar = line[base + index]
        // Letters and digits are themselves wherever they stand.
        if isASCIIAlphanumeric(scalar) {
            out.append(UInt8(scalar.value))
            return
        }
        let previous = at(index - 1)
        let next = at(index + 1)
        switch scalar {
        case " ":
            // A paragraph drops spaces at the start and end of its lines.
            if index == 0 || index == count - 1 { entity(scalar) } else { plain(scalar) }
        case "<":
            // HTML and autolinks; never a raw `<`, so user text cannot open a token.
            out.append(contentsOf: "&lt;".utf8)
        case "\\", "`", "*", "_", "~", "[", "]", "#", "|", "$", "^":
            // Escapes, code, emphasis, strikethrough, links, headings and Obsidian tags,
            // tables, math, block ids: wherever they stand.
            escaped(scalar)
        case ">", "-", "+":
            // Block quotes, list items, setext underlines, thematic breaks: only at a line's start.
            if index == 0 { escaped(scalar) } else { plain(scalar) }
        case "=":
            // Setext underline at the start; Obsidian's ==highlight== anywhere.
            if index == 0 || previous == "=" || next == "=" { escaped(scalar) } else { plain(scalar) }
        case "%":
            // Obsidian's %%comment%%.
            if previous == "%" || next == "%" { escaped(scalar) } else { plain(scalar) }
        case ":":
            // A table's delimiter row at the start; GFM's bare `http://` links.
            if index == 0 || (at(index + 1) == "/" && at(index + 2) == "/") { escaped(scalar) } else { plain(scalar) }
        case ".", ")":
            if index > 0 && index == leadingDigits {
                escaped(scalar)   // "1." or "1)": an ordered list item
            } else if scalar == ".", index >= 3, isW(line[base + index - 3]), isW(line[base + index - 2]), isW(line[base + index - 1]) {
                escaped(scalar)   // GFM's bare www. links
            } else {
                plain(scalar)
            }
        case "&":
            if isEntityLike(line, from: index) { escaped(scalar) } else { plain(scalar) }
        case "@":
            plain(scalar)
            if let previous, let next, isMailLocal(previous), isMailDomain(next) {
                out.append(contentsOf: linkBreaker.utf8)
            }
        default:
            // Unicode white space at either end would keep `**name**` from being bold.
            let atEdge = index == 0 || index == count - 1
            if needsEntity(scalar) || (atEdge && scalar.properties.isWhitespace) { entity(scalar) } else { plain(scalar) }
        }
    }

    /// Scalars that would act on a terminal, be read as a line break by some editor, or
    /// reorder what `cat` shows. The core never lets them in; the log is exact regardless.
    static func needsEntity(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0x2028, 0x2029: true
        default: Sanitizer.isForbidden(scalar)
        }
    }

    private static func isW(_ scalar: Unicode.Scalar) -> Bool { scalar == "w" || scalar == "W" }

    /// `&` followed by letters, digits or `#` and then `;`: CommonMark might read an entity.
    private static func isEntityLike<Line: RandomAccessCollection>(_ line: Line, from index: Int) -> Bool
    where Line.Element == Unicode.Scalar, Line.Index == Int {
        let base = line.startIndex
        var cursor = index + 1
        while cursor < line.count, line[base + cursor].isASCII,
              line[base + cursor].properties.isAlphabetic || ("0"..."9").contains(line[base + cursor]) || line[base + cursor] == "#" {
            cursor += 1
        }
        return cursor > index + 1 && cursor < line.count && line[base + cursor] == ";"
    }

    private static func isMailLocal(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || ".+-_".unicodeScalars.contains(scalar)
    }

    private static func isMailDomain(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "-_.".unicodeScalars.contains(scalar)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    // MARK: Fast path — decoding copies runs of plain bytes whole and validates only a result that is not ASCII: unescape 49.3 M → 24.5 M instructions on the 5,000-contribution log (docs/performance.md, fourth round).

    /// The text of one escaped line, or nil when the bytes hold something `escapeLine` never
    /// writes (then the record is damaged). The bytes are valid UTF-8.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        var any: UInt8 = 0
        while index < bytes.endIndex {
            // Runs of bytes that stand for themselves go in whole.
            var run = index
            while run < bytes.endIndex {
                let byte = bytes[run]
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                any |= byte
                run += 1
            }
            if run > index { out.append(contentsOf: bytes[index..<run]) }
            index = run
            guard index < bytes.endIndex else { break }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                let next = index + 1
                guard next < bytes.endIndex, isASCIIPunctuation(bytes[next]) else { return nil }
                out.append(bytes[next])
                index = next + 1
            case UInt8(ascii: "<"):
                guard bytes[index...].starts(with: breaker) else { return nil }
                index += breaker.count
            default:
                if bytes[index...].starts(with: lessThan) {
                    out.append(UInt8(ascii: "<"))
                    index += 4
                } else if let (scalar, length) = numericEntity(bytes[index...]) {
                    if scalar.isASCII { out.append(UInt8(scalar.value)) } else { any = 0x80; out.append(contentsOf: UTF8.encode(scalar)!) }
                    index += length
                } else {
                    out.append(byte)
                    index += 1
                }
            }
        }
        // ASCII is valid UTF-8 as it is; anything else is validated.
        return any < 0x80 ? String(decoding: out, as: UTF8.self) : String(validating: out, as: UTF8.self)
    }

    private static let breaker = Array(linkBreaker.utf8)
    private static let lessThan = Array("&lt;".utf8)

    /// `&#N;` at the start of `bytes`: the scalar and the entity's length.
    private static func numericEntity(_ bytes: ArraySlice<UInt8>) -> (Unicode.Scalar, Int)? {
        var index = bytes.startIndex + 1
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        var value: UInt32 = 0
        var digits = 0
        while index < bytes.endIndex, (48...57).contains(bytes[index]), digits < 8 {
            value = value * 10 + UInt32(bytes[index] - 48)
            digits += 1
            index += 1
        }
        guard digits > 0, index < bytes.endIndex, bytes[index] == UInt8(ascii: ";"),
              let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, index + 1 - bytes.startIndex)
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }
}
