@testable import SessionLog
import Testing

/// The decoder's check of the whole body's UTF-8 skips ASCII eight bytes at a time and
/// validates each run of other bytes alone: held to `String(validating:)` on the whole.
@Suite("UTF-8 by runs is UTF-8")
struct UTF8RunsTests {
    static let pieces: [[UInt8]] = [
        [0x61], [0x20], [0x0A], [0x7F], [0x00], Array("plain ASCII text ".utf8), Array("é".utf8), Array("€".utf8),
        Array("😀".utf8), Array("\u{2028}".utf8), [0x80], [0xBF], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE], [0xE0, 0x80, 0x80], [0xC2, 0xA0],
    ]

    @Test func validatedByRunsIsValidated() {
        var random = LogCheckFastPathTests.Seeded(seed: 0x5EED_0009)
        var valid = 0, invalid = 0
        for round in 0..<30_000 {
            var bytes: [UInt8] = Array(repeating: 0x61, count: random.next(9))
            for _ in 0..<random.next(12) {
                // Mostly valid pieces, so that a broken one sits among valid ones.
                let piece = Self.pieces[random.next(round % 2 == 0 ? 10 : Self.pieces.count)]
                bytes += piece
                bytes += Array(repeating: 0x62, count: random.next(3) == 0 ? random.next(17) : 0)
            }
            // A slice not at index 0 and not to the end, as the decoder's body is.
            let padded = [0xFF] + bytes + [0xFF]
            let slice = padded[1..<(padded.count - 1)]
            let expected = String(validating: slice, as: UTF8.self) != nil
            #expect(LogDecoder.validUTF8(slice) == expected, "\(bytes)")
            if expected { valid += 1 } else { invalid += 1 }
        }
        #expect(valid > 5_000)
        #expect(invalid > 5_000)
    }
}
