import Foundation
import SensemakingCore
@testable import SessionLog
import Testing

/// The decoder's check takes short cuts (one shape per record, one walk per token); these
/// hold each short cut to the longer way it replaced.
@Suite("Record check: the short cuts say what the long way says")
struct RecordCheckTests {
    /// `Token.parse` as it was: split on spaces, then each field at its first `=`.
    static func referenceParse(_ bytes: ArraySlice<UInt8>) -> Token? {
        func isLowercase(_ byte: UInt8) -> Bool { (97...122).contains(byte) }
        guard bytes.starts(with: Token.opening), bytes.count >= Token.opening.count + Token.closing.count,
              bytes.suffix(Token.closing.count).elementsEqual(Token.closing) else { return nil }
        let inner = bytes.dropFirst(Token.opening.count).dropLast(Token.closing.count)
        let parts = inner.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard let kindBytes = parts.first, !kindBytes.isEmpty,
              kindBytes.allSatisfy({ isLowercase($0) || $0 == UInt8(ascii: "-") }) else { return nil }
        var token = Token(String(decoding: kindBytes, as: UTF8.self))
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: UInt8(ascii: "=")), equals > part.startIndex,
                  part[..<equals].allSatisfy(isLowercase),
                  let value = Token.percentDecode(part[(equals + 1)...]) else { return nil }
            token.fields.append((String(decoding: part[..<equals], as: UTF8.self), value))
        }
        return token
    }

    static let tokenPieces = ["<!-- sm:", " -->", "-->", " ", "  ", "=", "==", "a", "seq", "kind", "-", "x-y", "1",
                              "%20", "%2", "%zz", "%C3%A9", "%FF", "é", "A", "Z", "_", "sm:", "<!--", "\t"]

    @Test func tokenParseAgreesWithTheSplitWay() {
        var seed: UInt64 = 0x5EED_0006
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        var parsed = 0
        for round in 0..<20_000 {
            var text = round % 2 == 0 ? "<!-- sm:" : ""
            for _ in 0..<(next() % 10) { text += Self.tokenPieces[next() % Self.tokenPieces.count] }
            if round % 3 != 0 { text += " -->" }
            let bytes = ArraySlice(Array(text.utf8))
            let fast = Token.parse(bytes)
            #expect(fast?.text == Self.referenceParse(bytes)?.text, "\(text.debugDescription)")
            if fast != nil { parsed += 1 }
        }
        #expect(parsed > 100)
        for text in ["<!-- sm:a -->", "<!-- sm: -->", "<!-- sm:a  -->", "<!-- sm:a b= -->", "<!-- sm:a =b -->",
                     "<!-- sm:a b=c=d -->", "<!-- sm:a-b c=%41 -->", "<!-- sm:a c=%4 -->", "<!-- sm:a c=d -->x"] {
            let bytes = ArraySlice(Array(text.utf8))
            #expect(Token.parse(bytes)?.text == Self.referenceParse(bytes)?.text, "\(text)")
        }
    }

    /// What `RecordItem.withBody` relies on: a record's token and lead are the same whatever its body.
    @Test func shapeDoesNotDependOnTheBody() throws {
        let t = Date(timeIntervalSinceReferenceDate: 816_000_100.25)
        var records = ScriptedWorkshop.standard.records + ScriptedWorkshop.anonymous.records
        let item = Contribution(id: 7, author: "Zoë", stage: 2, kind: .memory, text: "a\n\n b \n",
                                tags: Tags(speakingAs: "GP", when: "2019", owner: "Ben"),
                                time: t.addingTimeInterval(-0.5), history: ["first", "sec\nond"], retracted: true)
        records += [.contributed(item, advancesTurn: true), .edited(id: 7, text: "new\ntext"),
                    .cueLinked(story: 2, cue: "waits"), .mindChanger(story: 2, text: "if *they*"),
                    .reviewed(item: 2, status: .inProgress, note: "half\n- way"), .reviewed(item: 3, status: .done, note: nil)]
            .map { Record(time: t, event: $0) }
        var withText = 0
        for (offset, record) in records.enumerated() {
            guard let shape = RecordItem.shape(record, seq: offset + 1) else { continue }
            let token = shape.token
            let empty = RecordItem.record(token, body: "")!
            #expect(RecordItem.record(token, body: shape.body ?? "") == record)
            guard RecordItem.hasBody(token) else {
                #expect(shape.body == nil)
                continue
            }
            withText += 1
            let body = try #require(shape.body)
            #expect(RecordItem.withBody(empty, body) == record)
            let emptyShape = try #require(RecordItem.shape(empty, seq: offset + 1))
            #expect(emptyShape.token.text == token.text)
            #expect(emptyShape.lead == shape.lead)
            #expect(emptyShape.body == "")
        }
        #expect(withText > 10)
    }
}
