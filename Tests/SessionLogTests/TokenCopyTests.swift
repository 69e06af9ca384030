import Foundation
import SensemakingCore
@testable import SessionLog
import Testing

/// The fifth round's short cut: a token read in the form `Token.write` gives (`Token.canonical`)
/// and equal to the token the check builds is copied into the record written again, not
/// written anew. Held to `write`, and the decoder with the copy to the decoder without it.
@Suite("Token copy: a token read canonically is the token written")
struct TokenCopyTests {
    typealias Seeded = LogCheckFastPathTests.Seeded

    static let valuePieces = ["a", "Z", "1", "-", "--", "-%2D", "%2D", "%2d", "%20", "%41", "%3D", "%3d", "=", "\"", "%22",
                              "<", "%3C", ">", "\\", "`", "%60", "%25", "%", "%2", "%7F", "\u{7F}", "\t", "%09", "é",
                              "%C3%A9", "%FF", "_", ".", ":", "~", "%E2%80%A8", ","]

    /// Token lines: mostly well formed, with values of canonical and non-canonical pieces.
    static func line(_ random: inout Seeded) -> [UInt8] {
        var text = random.next(20) == 0 ? "<!-- sm" : "<!-- sm:"
        text += ["contribution", "a", "timer-set", "x-", ""][random.next(5)]
        for _ in 0..<random.next(8) {
            text += random.next(30) == 0 ? "  " : " "
            text += ["seq", "at", "by", "a", "", "Q"][random.next(6)]
            text += random.next(30) == 0 ? "" : "="
            for _ in 0..<random.next(5) { text += valuePieces[random.next(valuePieces.count)] }
        }
        text += random.next(20) == 0 ? "-->" : " -->"
        return Array(text.utf8)
    }

    @Test func aTokenReadCanonicallyIsWhatWriteGives() {
        var random = Seeded(seed: 0x5EED_0007)
        var canonical = 0, roundTrips = 0
        for round in 0..<30_000 {
            let bytes = Self.line(&random)
            guard let token = Token.parse(ArraySlice(bytes)) else { continue }
            var written: [UInt8] = []
            token.write(into: &written)
            if token.canonical {
                canonical += 1
                #expect(written == bytes, "\(round): \(String(decoding: bytes, as: UTF8.self))")
            }
            // Canonical is proved for ASCII values only; every ASCII token that round-trips is found.
            if written == bytes {
                roundTrips += 1
                if token.fields.allSatisfy({ $0.value.utf8.allSatisfy { $0 < 0x80 } }) {
                    #expect(token.canonical, "\(round): \(String(decoding: bytes, as: UTF8.self))")
                }
            }
        }
        #expect(canonical > 2_000)
        // `==` equates canonically equivalent values; the copy asks for the same bytes.
        for (ascii, other) in [("K", "\u{212A}"), (";", "\u{37E}"), ("`", "\u{1FEF}"), ("aK;", "a\u{212A}\u{37E}")] {
            let read = Token("a", [("b", ascii)]), built = Token("a", [("b", other)])
            #expect(read == built)
            #expect(!built.sameASCIIFields(as: read))
            #expect(read.sameASCIIFields(as: Token("a", [("b", ascii)])))
        }
        #expect(roundTrips > canonical)
        // Each value checked alone, from a slice not at index 0.
        for piece in Self.valuePieces {
            let bytes = Array(("x=" + piece + piece).utf8)
            var flag = true
            let value = Token.percentDecode(bytes[2...], canonical: &flag)
            #expect(value == Token.percentDecode(bytes[2...]))
            if let value, flag {
                var out: [UInt8] = []
                Token.percentEncode(value, into: &out)
                #expect(out[...] == bytes[2...], "\(piece)")
            }
        }
    }

    /// Whole logs with token lines damaged at random: the same records, or the same error
    /// with the same line, with and without the copy.
    @Test func theDecoderSaysTheSameWithAndWithoutTheCopy() {
        var random = Seeded(seed: 0x5EED_0008)
        let workshops = [ScriptedWorkshop.standard, ScriptedWorkshop.anonymous]
        let logs = workshops.map { Array(LogFormat.encode($0.header, records: $0.records).utf8) }
        let replacements = ["%41", "A", "%2a", "%2A", "-", "--", "=", "%3D", " ", "", "%20", "é", "%C3%A9", "1", "0", "\\"]
        var same = 0, damaged = 0
        for round in 0..<3_000 {
            var log = logs[random.next(logs.count)]
            // Token lines: a change inside one, or none (one round in ten).
            if round % 10 != 0 {
                let marks = log.indices.filter { log[$0] == UInt8(ascii: "=") && log[$0 - 1] != UInt8(ascii: " ") }
                let at = marks[random.next(marks.count)] + 1 + random.next(3)
                let length = random.next(3)
                if at + length < log.count, !log[at..<(at + length)].contains(UInt8(ascii: "\n")) {
                    log.replaceSubrange(at..<(at + length), with: Array(replacements[random.next(replacements.count)].utf8))
                }
            }
            var fast = LogDecoder(log)
            var reference = LogDecoder(log)
            reference.copiesCanonicalTokens = false
            let a = Result { () throws(LogError) in try fast.decode() }
            let b = Result { () throws(LogError) in try reference.decode() }
            #expect(a == b, "\(round)")
            if case .success = a { same += 1 } else { damaged += 1 }
        }
        #expect(same > 300)
        #expect(damaged > 300)
    }
}

@Suite("Times by bytes are times by parts")
struct TimeBytesTests {
    /// `dateAndTime` by two-digit fields is the padded fields, for whole seconds from before
    /// year 0 to beyond 9999, and `wholeSeconds` is that and `Z`.
    @Test func timeByBytesIsTimeByParts() {
        var random = LogCheckFastPathTests.Seeded(seed: 0x5EED_000A)
        // From about year -1200 to about 11,500, in seconds since 2001.
        let span = 400_000_000_000.0
        var wholes: [Double] = [0, -1, 1, 86_399, 86_400, -63_114_076_800, -63_114_076_801, -63_145_612_800,
                                252_423_993_599, 252_423_993_600, 820_000_000, 251_000_000_000]
        for _ in 0..<50_000 {
            let coarse = Double(random.next(1 << 30)) * Double(random.next(1 << 20) + 1)
            wholes.append((coarse.truncatingRemainder(dividingBy: span) - span / 2 + 100_000_000_000).rounded(.down))
            wholes.append(Double(820_000_000 + random.next(100_000_000)))
        }
        for whole in wholes {
            #expect(LogTime.dateAndTime(whole) == LogTime.dateAndTimeByParts(whole), "\(whole)")
            let date = Date(timeIntervalSinceReferenceDate: whole + Double(random.next(1000)) / 1000)
            #expect(LogTime.wholeSeconds(date) == LogTime.dateAndTimeByParts(whole) + "Z", "\(whole)")
        }
    }
}
