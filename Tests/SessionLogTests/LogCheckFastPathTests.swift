import Foundation
@testable import SessionLog
import Testing

/// The short cuts the log check keeps, each held to the general way it skips: the byte
/// path of the escaper, the run copying of percent-encoding and of `unescape`.
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

    @Test func escapeByBytesIsEscapeByScalars() {
        var random = Seeded(seed: 0x5EED_0004)
        var ascii = 0
        for round in 0..<20_000 {
            let text = Self.text(&random)
            if text.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            for separator in [Array("\\\n  ".utf8), [UInt8(ascii: "\n")]] {
                var fast: [UInt8] = []
                MarkdownText.escapeBlock(text, separator: separator, into: &fast)
                #expect(fast == MarkdownText.escapeByScalars(text, separator: separator), "\(round): \(text.debugDescription)")
            }
            var inline: [UInt8] = []
            MarkdownText.escapeLine(text.unicodeScalars.map { $0 == "\n" ? " " : $0 }, into: &inline)
            #expect(Array(MarkdownText.escapeInline(text).utf8) == inline, "\(text.debugDescription)")
            var cell: [UInt8] = []
            MarkdownText.escapeLine(Array(text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: " / ".unicodeScalars)), into: &cell)
            #expect(Array(MarkdownEscaping.line(text).utf8) == cell, "\(text.debugDescription)")
        }
        #expect(ascii > 3_000)
    }

    /// Percent-encoding as it was first written: scalar by scalar, a byte at a time.
    static func referencePercentEncode(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        var previous: Unicode.Scalar = "\0"
        for scalar in value.unicodeScalars {
            if Token.mustEncode(scalar) || (scalar == "-" && previous == "-") {
                for byte in UTF8.encode(scalar)! {
                    out += Array("%".utf8) + Array(String(byte, radix: 16, uppercase: true).leftPadding(to: 2).utf8)
                }
            } else {
                out += Array(String(scalar).utf8)
            }
            previous = scalar
        }
        return out
    }

    @Test func percentEncodingByRunsIsByScalars() {
        var random = Seeded(seed: 0x5EED_0005)
        let more = ["--", "---", "-é-", "é--", "\u{1F469}\u{200D}\u{2695}\u{FE0F}", "\u{E000}", "\u{FFFD}", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"]
        var encoded = 0
        for round in 0..<20_000 {
            var text = Self.text(&random)
            if round % 3 == 0 { text += more[random.next(more.count)] + Self.text(&random) }
            var fast: [UInt8] = []
            Token.percentEncode(text, into: &fast)
            let reference = Self.referencePercentEncode(text)
            if reference != Array(text.utf8) { encoded += 1 }
            #expect(fast == reference, "\(round): \(text.debugDescription)")
            // Appends: what is already in the buffer stays.
            var after: [UInt8] = [1, 2]
            Token.percentEncode(text, into: &after)
            #expect(after == [1, 2] + reference)
        }
        #expect(encoded > 5_000, "the texts exercise encoding: \(encoded)")
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
            let fast = MarkdownText.unescape(slice)
            #expect(fast == Self.referenceUnescape(slice), "\(bytes)")
            if fast != nil { decoded += 1 }
            // A slice that does not start at 0.
            let offset = ArraySlice([UInt8(ascii: "x")] + bytes).dropFirst()
            #expect(MarkdownText.unescape(offset) == fast)
        }
        #expect(decoded > 3_000)
        var random2 = Seeded(seed: 0x5EED_0008)
        for _ in 0..<5_000 {
            let text = Self.text(&random2)
            for line in MarkdownText.escapedLines(text) {
                let slice = ArraySlice(Array(line.utf8))
                #expect(MarkdownText.unescape(slice) == Self.referenceUnescape(slice))
            }
        }
    }
}

private extension String {
    func leftPadding(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
