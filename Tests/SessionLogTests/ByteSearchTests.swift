import SessionLog
import Testing

/// `ByteSearch` against the plain definition: the first offset at which every byte of the
/// needle stands in turn.
@Suite("Byte search finds what a plain loop finds")
struct ByteSearchTests {
    static func reference(_ needle: [UInt8], _ haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    static func search(_ needle: [UInt8], _ haystack: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { n in haystack.withUnsafeBufferPointer { ByteSearch.firstOffset(of: n, in: $0) } }
    }

    @Test func agreesWithAPlainLoop() {
        // A small alphabet, so that near misses, overlaps and matches at either end are common.
        var seed: UInt64 = 0x5EED_0B17
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        let alphabet: [UInt8] = [0x61, 0x62, 0x3C, 0x00, 0xFF]
        var found = 0
        for round in 0..<20_000 {
            let needle = (0..<next(4)).map { _ in alphabet[next(alphabet.count)] }
            let haystack = (0..<next(24)).map { _ in alphabet[next(alphabet.count)] }
            let expected = Self.reference(needle, haystack)
            if expected != nil { found += 1 }
            #expect(Self.search(needle, haystack) == expected, "\(round): \(needle) in \(haystack)")
        }
        #expect(found > 5_000)
    }

    @Test func edges() {
        #expect(Self.search(Array("<!-- sm:".utf8), Array("text <!-- sm:x -->".utf8)) == 5)
        #expect(Self.search(Array("ab".utf8), Array("aab".utf8)) == 1)
        #expect(Self.search(Array("ab".utf8), Array("ab".utf8)) == 0)
        #expect(Self.search(Array("abc".utf8), Array("ab".utf8)) == nil)
        #expect(Self.search([], Array("ab".utf8)) == nil)
        #expect(Self.search(Array("a".utf8), []) == nil)
    }
}
