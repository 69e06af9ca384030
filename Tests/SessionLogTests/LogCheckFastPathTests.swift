import Foundation
@testable import SessionLog
import Testing

/// The fourth round's short cuts in the log check, each held to the general way it skips:
/// the byte path of the escaper, the ASCII paths of percent-encoding and -decoding, the run
/// copying of `unescape`, the time check that does not format the `Double`, and the
/// one-division reading of a time.
@Suite("Log check: the byte paths say what the scalar paths say")
struct LogCheckFastPathTests {
    /// A small seeded generator (the same constants as `RecordCheckTests`).
    struct Seeded {
        var seed: UInt64
        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
    }

    static let pieces = AdversarialText.fragments + [
        "www.", "Www.", "ww.", "://", "a://b", "1)", "12.", "&a;", "&#1;", "&;", "a@b", ".@-", "@x", "=", "==", "%%",
        "\u{85}", "\u{2029}", "\u{A0}", "\u{2003}", "é", "ß", "-", "+", ">", "!", "\"", "'", "(", ",", "/", ";", "?", "{", "}",
    ]

    /// Texts of fragments, single ASCII bytes of every kind and letters.
    static func text(_ random: inout Seeded) -> String {
        var text = ""
        for _ in 0..<random.next(14) {
            switch random.next(4) {
            case 0: text += String(Unicode.Scalar(UInt8(random.next(128))))
            case 1: text += String(Unicode.Scalar(UInt8(97 + random.next(26))))
            default: text += pieces[random.next(pieces.count)]
            }
        }
        return text
    }

    @Test func escapeByBytesIsEscapeBySplitting() {
        var random = Seeded(seed: 0x5EED_0004)
        var ascii = 0
        for round in 0..<20_000 {
            let text = Self.text(&random)
            if text.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            for separator in [Array("\\\n  ".utf8), [UInt8(ascii: "\n")]] {
                var fast: [UInt8] = [], reference: [UInt8] = []
                MarkdownText.escape(text, separator: separator, into: &fast)
                MarkdownText.escapeBySplitting(text, separator: separator, into: &reference)
                #expect(fast == reference, "\(round): \(text.debugDescription)")
            }
            #expect(MarkdownText.escapeLines(text) == MarkdownText.split(text).map(MarkdownText.escapeLine),
                    "\(text.debugDescription)")
            let inline = MarkdownText.escapeLine(text.unicodeScalars.map { $0 == "\n" ? " " : $0 })
            #expect(MarkdownText.escapeInline(text) == inline, "\(text.debugDescription)")
        }
        #expect(ascii > 3_000)
    }

    /// Every ASCII byte at the start, inside and at the end of a line, next to every other
    /// kind of byte: the runs copied whole are exactly the bytes the definition keeps.
    @Test func everyASCIIByteInEveryPlace() {
        let neighbours: [String] = ["", "a", "1", " ", ".", "w", "ww", "www", "=", "%", ":", "/", "@", "&", ";", "-"]
        for byte in 0..<128 {
            let c = String(Unicode.Scalar(UInt8(byte)))
            for before in neighbours {
                for after in neighbours {
                    let line = before + c + after + "x" + c + after
                    for text in [before + c + after, line, c + line + c] where !text.contains("\n") {
                        var fast: [UInt8] = []
                        Array(text.utf8).withUnsafeBufferPointer { MarkdownText.escapeASCIILine($0, into: &fast) }
                        var reference: [UInt8] = []
                        MarkdownText.escapeLine(Array(text.unicodeScalars), into: &reference)
                        #expect(fast == reference, "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func percentEncodingByBytesIsByScalars() {
        var random = Seeded(seed: 0x5EED_0005)
        for _ in 0..<20_000 {
            let value = Self.text(&random)
            var fast: [UInt8] = [], reference: [UInt8] = []
            Token.percentEncode(value, into: &fast)
            Token.percentEncodeScalars(value, into: &reference)
            #expect(fast == reference, "\(value.debugDescription)")
            #expect(Token.percentDecode(ArraySlice(fast)) == value)
        }
    }

    /// `percentDecode` as it was: a String validated for every value.
    static func referencePercentDecode(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(validating: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        var index = bytes.startIndex
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            case 97...102: byte - 87
            default: nil
            }
        }
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// `unescape` as it was: byte by byte, every result validated.
    static func referenceUnescape(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        var index = bytes.startIndex
        let breaker = Array(MarkdownText.linkBreaker.utf8)
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                let next = index + 1
                guard next < bytes.endIndex, MarkdownText.isASCIIPunctuation(bytes[next]) else { return nil }
                out.append(bytes[next])
                index = next + 1
            case UInt8(ascii: "<"):
                guard bytes[index...].starts(with: breaker) else { return nil }
                index += breaker.count
            case UInt8(ascii: "&"):
                if bytes[index...].starts(with: "&lt;".utf8) {
                    out.append(UInt8(ascii: "<"))
                    index += 4
                } else if bytes[index...].starts(with: "&#".utf8),
                          let semicolon = bytes[index...].firstIndex(of: UInt8(ascii: ";")),
                          (1...8).contains(semicolon - index - 2),
                          bytes[(index + 2)..<semicolon].allSatisfy({ (48...57).contains($0) }),
                          let scalar = UInt32(String(decoding: bytes[(index + 2)..<semicolon], as: UTF8.self)).flatMap(Unicode.Scalar.init) {
                    // One to eight digits, then `;`, naming a scalar.
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    index = semicolon + 1
                } else {
                    out.append(byte)
                    index += 1
                }
            default:
                out.append(byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    static let bytePieces: [[UInt8]] = [
        Array("%".utf8), Array("%4".utf8), Array("%41".utf8), Array("%C3%A9".utf8), Array("%C3".utf8), Array("%FF".utf8),
        Array("%zz".utf8), Array("\\".utf8), Array("\\*".utf8), Array("\\a".utf8), Array("<".utf8), Array("<!-- -->".utf8),
        Array("<!--".utf8), Array("&".utf8), Array("&lt;".utf8), Array("&lt".utf8), Array("&#".utf8), Array("&#32;".utf8),
        Array("&#8232;".utf8), Array("&#55296;".utf8), Array("&#123456789;".utf8), Array("&#1114111;".utf8), Array("é".utf8),
        [0xC3], [0xA9], [0xFF], [0x80], Array("a".utf8), Array("word ".utf8), Array(" ".utf8), Array("\t".utf8), [0],
    ]

    @Test func decodingByRunsIsByBytes() {
        var random = Seeded(seed: 0x5EED_0007)
        var decoded = 0
        for _ in 0..<30_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(10) { bytes += Self.bytePieces[random.next(Self.bytePieces.count)] }
            let slice = ArraySlice(bytes)
            #expect(Token.percentDecode(slice) == Self.referencePercentDecode(slice), "\(bytes)")
            let fast = MarkdownText.unescape(slice)
            #expect(fast == Self.referenceUnescape(slice), "\(bytes)")
            if fast != nil { decoded += 1 }
            // A slice that does not start at 0.
            let offset = ArraySlice([UInt8(ascii: "x")] + bytes).dropFirst()
            #expect(MarkdownText.unescape(offset) == fast)
            #expect(Token.percentDecode(offset) == Self.referencePercentDecode(slice))
        }
        #expect(decoded > 3_000)
        var random2 = Seeded(seed: 0x5EED_0008)
        for _ in 0..<5_000 {
            let text = Self.text(&random2)
            for line in MarkdownText.escapeLines(text) {
                let slice = ArraySlice(Array(line.utf8))
                #expect(MarkdownText.unescape(slice) == Self.referenceUnescape(slice))
            }
        }
    }

    /// Times as the program makes them: whole seconds, halves, milliseconds, microseconds and
    /// whatever a clock gives, from before 2001 to far ahead; then texts near them.
    static func dates(_ random: inout Seeded) -> [Date] {
        let base = Double(random.next(1 << 30)) + (random.next(3) == 0 ? 0 : Double(random.next(1 << 30)) * 16)
        let fractions: [Double] = [0, 0.5, 0.25, 0.125, Double(random.next(1000)) / 1000, Double(random.next(1_000_000)) / 1_000_000,
                                   Double(random.next(1 << 30)) / Double(1 << 30), 0.1, 0.3, 0.999999]
        var dates: [Date] = []
        for fraction in fractions {
            for sign in [1.0, -1.0] where sign > 0 || random.next(4) == 0 {
                let interval = sign * (base + fraction)
                dates += [interval, interval.nextUp, interval.nextDown].map { Date(timeIntervalSinceReferenceDate: $0) }
            }
        }
        dates += [0, 1, 1_048_576, 1_048_576.5, 1_048_575.75, 1_099_511_627_775.5, 1_099_511_627_776, 86_399.999, 1e-7]
            .map { Date(timeIntervalSinceReferenceDate: $0) }
        return dates
    }

    static func variants(of text: String, _ random: inout Seeded) -> [String] {
        var out = [text, text.replacingOccurrences(of: "Z", with: "0Z"), text.replacingOccurrences(of: "Z", with: "1Z"),
                   text.replacingOccurrences(of: ".", with: ".0"), String(text.dropLast(2)) + "Z", "0" + text, "2026-02-30T10:00:00Z",
                   "2026-12-26T17:46:43.Z", "2026-12-26T17:46:43.5Z", "2026-12-26T17:46:43.50Z", "20261-12-26T17:46:43Z"]
        var bytes = Array(text.utf8)
        if !bytes.isEmpty {
            let index = random.next(bytes.count)
            bytes[index] = UInt8(48 + random.next(10))
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    @Test func timeCheckedWithoutFormattingIsFormatted() throws {
        var random = Seeded(seed: 0x5EED_0009)
        var proved = 0
        var canonical = 0
        for _ in 0..<3_000 {
            for date in Self.dates(&random) {
                let written = LogTime.format(date)
                canonical += 1
                for text in Self.variants(of: written, &random) {
                    let same = written == text
                    if LogTime.writes(date, as: text) {
                        #expect(same, "\(date.timeIntervalSinceReferenceDate) \(text)")
                        if same { proved += 1 }
                    }
                    #expect(LogTime.format(date, likely: text) == written)
                    // And for the date the text reads as, when it is another one.
                    if let read = LogTime.parse(text), LogTime.writes(read, as: text) {
                        #expect(LogTime.format(read) == text, "\(text)")
                    }
                }
            }
        }
        #expect(proved > canonical / 10)
        // Clock times (a nanosecond clock read into a `Double`) in 2026: mostly proved.
        var clockProved = 0
        for _ in 0..<20_000 {
            let interval = 817_207_200 + Double(random.next(1 << 25)) + Double(random.next(1_000_000_000)) / 1e9
            let date = Date(timeIntervalSinceReferenceDate: interval)
            let written = LogTime.format(date)
            for text in Self.variants(of: written, &random) where LogTime.writes(date, as: text) {
                #expect(text == written, "\(interval) \(text)")
                if text == written { clockProved += 1 }
            }
        }
        #expect(clockProved > 15_000)
        // The times the program writes (whole seconds, halves, milliseconds, microseconds)
        // from 12 days after 2001 on are all proved without formatting.
        for seconds in ["2097152", "817207200", "851622403", "3000000000"] {
            for fraction in ["", ".5", ".25", ".125", ".001", ".999", ".75"] {
                let date = Date(timeIntervalSinceReferenceDate: try #require(Double(seconds + fraction)))
                #expect(LogTime.writes(date, as: LogTime.format(date)), "\(seconds + fraction)")
            }
        }
    }

    @Test func timeReadByOneDivisionIsReadFromText() {
        var random = Seeded(seed: 0x5EED_000A)
        for _ in 0..<50_000 {
            let seconds = Int64(random.next(1 << 30)) * Int64(1 + random.next(1024)) + Int64(random.next(1 << 20))
            var digits: [UInt8] = []
            for _ in 0..<random.next(11) { digits.append(UInt8(48 + random.next(10))) }
            let text = digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
            let reference = Double("\(seconds).\(text)")
            if let fast = LogTime.exactInterval(seconds: seconds, fraction: ArraySlice(digits)) {
                #expect(fast == reference, "\(seconds).\(text)")
            }
        }
        // Halfway cases read the same way too.
        for seconds: Int64 in [0, 1, 817_207_200, (1 << 40) - 1] {
            for text in ["5", "25", "125", "0000001", "999999999", "000000001", "1", "0"] {
                let digits = ArraySlice(Array(text.utf8))
                if let fast = LogTime.exactInterval(seconds: seconds, fraction: digits) {
                    #expect(fast == Double("\(seconds).\(text)"), "\(seconds).\(text)")
                }
            }
        }
    }
}
