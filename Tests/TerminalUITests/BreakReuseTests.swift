import Testing
import TestSupport
@testable import TerminalUI

/// Breaking a text again from the breaks of the text one edit ago must give the breaks of
/// breaking it whole: the input box relies on it on every key.
@Suite struct BreakReuseTests {
    static let words = ["a", "we", "the", "system", "sensemaking", String(repeating: "x", count: 30), "日本語", "👩‍👩‍👧", ",", ".", "—"]

    static func text(_ rng: inout SplitMix64, count: Int) -> [Character] {
        var out: [Character] = []
        for _ in 0..<count {
            let roll = rng.next() % 10
            if roll < 6 { out += Array(words[Int(rng.next() % UInt64(words.count))]) }
            out.append(roll == 9 ? "\n" : " ")
        }
        return out
    }

    static func equal(_ a: [TextLayout.Break], _ b: [TextLayout.Break]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.range == $1.range && $0.separator == $1.separator && $0.examined == $1.examined }
    }

    @Test func breakingAgainFromTheLastBreaksIsBreakingWhole() {
        var rng = SplitMix64(seed: 6)
        var reused = 0
        for _ in 0..<3000 {
            let old = Self.text(&rng, count: Int(rng.next() % 60))
            let room = 2 + Int(rng.next() % 40)
            let oldBreaks = TextLayout.breaks(old, widths: old.map(DisplayWidth.of), first: room, rest: room)
            // One edit, as a key makes it: add or remove at the end, or anywhere.
            var new = old
            let at = Int(rng.next() % UInt64(old.count + 1))
            switch rng.next() % 4 {
            case 0: new += Self.text(&rng, count: 1 + Int(rng.next() % 3))
            case 1: if !new.isEmpty { new.removeLast() }
            case 2: new.insert(contentsOf: Array(Self.words[Int(rng.next() % UInt64(Self.words.count))]), at: at)
            default: if at < new.count { new.remove(at: at) }
            }
            var same = 0
            while same < min(old.count, new.count), old[same].utf8.elementsEqual(new[same].utf8) { same += 1 }
            let widths = new.map(DisplayWidth.of)
            let whole = TextLayout.breaks(new, widths: widths, first: room, rest: room)
            let again = InputReuse.breaks(new, widths: widths, first: room, rest: room, reusing: oldBreaks, same: same)
            #expect(Self.equal(whole, again), "room \(room), same \(same): \(String(old).debugDescription) -> \(String(new).debugDescription)")
            if oldBreaks.first.map({ $0.examined < same }) == true { reused += 1 }
        }
        // Most edits keep some lines, or the test would prove nothing.
        #expect(reused > 1000, "\(reused)")
    }

    @Test func reusingNothingIsBreakingWhole() {
        let text = Array("one two three four five six seven")
        let widths = text.map(DisplayWidth.of)
        let whole = TextLayout.breaks(text, widths: widths, first: 4, rest: 9)
        let previous = TextLayout.breaks(Array("xyz"), widths: [1, 1, 1], first: 4, rest: 9)
        #expect(Self.equal(whole, InputReuse.breaks(text, widths: widths, first: 4, rest: 9, reusing: previous, same: 0)))
        #expect(whole.map { String(text[$0.range]) } == ["one", "two three", "four five", "six seven"])
    }
}
