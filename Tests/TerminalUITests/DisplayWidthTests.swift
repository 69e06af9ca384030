import Testing
import TestSupport
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("é", 1), ("e\u{301}", 1), ("a\u{308}\u{304}", 1),
        ("日", 2), ("語", 2), ("한", 2), ("ア", 2), ("ｆ", 2), ("。", 2), ("\u{3000}", 2),
        ("ｱ", 1),                                  // halfwidth katakana
        ("👍", 2), ("👍🏽", 2), ("🎉", 2), ("👩‍👩‍👧", 2), ("🧑🏽‍⚕️", 2), ("👩‍⚕️", 2),
        ("🇬🇧", 2), ("❤️", 2), ("❤", 1), ("#️⃣", 2), ("☝🏽", 2),
        ("\u{1B}", 0), ("\u{7}", 0), ("\u{301}", 0), ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{AD}", 1),
        ("·", 1), ("—", 1), ("●", 1), ("…", 1), ("─", 1),
    ] as [(String, Int)])
    func cluster(_ text: String, _ width: Int) {
        let characters = Array(text)
        #expect(characters.count == 1, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) is one cluster")
        #expect(DisplayWidth.of(characters[0]) == width)
    }

    @Test func stringsAddTheirClusters() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("病院 and 地域") == 13)
        #expect(DisplayWidth.of("👩‍👩‍👧 family") == 9)
        #expect(DisplayWidth.of("Zoe\u{308}") == 3)
    }

    @Test func everyClusterIsAtMostTwoColumns() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            for character in Pieces.text(&rng, pieces: 20) {
                #expect((0...2).contains(DisplayWidth.of(character)))
            }
        }
    }
}

@Suite struct TextLayoutTests {
    func lines(_ text: String, _ width: Int) -> [String] {
        TextLayout.wrap(text, width: width).map(\.text)
    }

    @Test func wrapsAtSpacesConsumingOneSpace() {
        let wrapped = TextLayout.wrap("the room makes sense together", width: 10)
        #expect(wrapped.map(\.text) == ["the room", "makes", "sense", "together"])
        #expect(wrapped.map(\.separator) == [" ", " ", " ", ""])
    }

    @Test func keepsLineBreaks() {
        #expect(lines("one\ntwo\n\nthree", 20) == ["one", "two", "", "three"])
        #expect(lines("end\n", 20) == ["end", ""])
    }

    @Test func noBreakSpacesHoldWordsTogether() {
        #expect(lines("Ongoing\u{A0}process\u{A0}3 · Cues\u{A0}4", 18) == ["Ongoing\u{A0}process\u{A0}3", "· Cues\u{A0}4"])
        var frame = Frame(size: Size(width: 5, height: 1))
        frame.put("a\u{A0}b", .plain, x: 0, y: 0)
        #expect(frame.text == "a b")
    }

    @Test func breaksWordsLongerThanTheLine() {
        let wrapped = TextLayout.wrap("interdisciplinary", width: 6)
        #expect(wrapped.map(\.text) == ["interd", "iscipl", "inary"])
        #expect(wrapped.map(\.separator) == ["", "", ""])
    }

    @Test func neverPutsAWideClusterAcrossTheEdge() {
        // 5 columns: two CJK characters take 4, the third goes to the next line.
        #expect(lines("病院地域", 5) == ["病院", "地域"])
        #expect(lines("a病院", 4) == ["a病", "院"])
        #expect(lines("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 5) == ["👩‍👩‍👧👩‍👩‍👧", "👩‍👩‍👧"])
    }

    @Test func textWithoutSpacesBreaksBetweenIdeographs() {
        let wrapped = TextLayout.wrap("会議: 第一回の合同会議。みんな緊張していた。", width: 20)
        #expect(wrapped.map(\.text) == ["会議: 第一回の合同会", "議。みんな緊張してい", "た。"])
        #expect(wrapped.map(\.separator) == ["", "", ""])
        // "。" never starts a line: the character before it goes along.
        #expect(TextLayout.wrap("みんな緊張していた。", width: 18).map(\.text) == ["みんな緊張してい", "た。"])
        // A space is still preferred when it comes later than the last ideograph.
        #expect(TextLayout.wrap("日本 language week", width: 14).map(\.text) == ["日本 language", "week"])
    }

    @Test func neverSplitsAClusterWithCombiningMarks() {
        let wrapped = lines("Zoe\u{308}Zoe\u{308}", 3)
        #expect(wrapped == ["Zoe\u{308}", "Zoe\u{308}"])
    }

    @Test func truncatesWithAnEllipsisAtAClusterBoundary() {
        #expect(TextLayout.truncate("short", width: 10) == "short")
        #expect(TextLayout.truncate("sensemaking", width: 6) == "sense…")
        #expect(TextLayout.truncate("病院と地域", width: 6) == "病院…")
        #expect(TextLayout.truncate("病院と地域", width: 5) == "病院…")
        #expect(DisplayWidth.of(TextLayout.truncate("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", width: 4)) <= 4)
        #expect(TextLayout.truncate("two\nlines", width: 20) == "two lines")
        #expect(TextLayout.truncate("anything", width: 0) == "")
    }

    @Test func truncatesAtAWordWhereItCan() {
        let prompt = "· What do you remember that others may remember differently?"
        #expect(TextLayout.truncate(prompt, width: 44) == "· What do you remember that others may reme…")
        #expect(TextLayout.truncateAtWord(prompt, width: 44) == "· What do you remember that others may…")
        // A cut that already falls before a space keeps the word; punctuation before the cut goes.
        #expect(TextLayout.truncateAtWord("One, two, three", width: 9) == "One, two…")
        #expect(TextLayout.truncateAtWord("One, two, three", width: 10) == "One, two…")
        // A line break ends a word as a space does (plan prompts may have several lines).
        #expect(TextLayout.truncateAtWord("· What changed\nWho saw it first?", width: 15) == "· What changed…")
        // An apostrophe or a hyphen inside a word does not end it.
        #expect(TextLayout.truncateAtWord("· Who doesn't know yet?", width: 12) == "· Who…")
        #expect(TextLayout.truncateAtWord("· Who doesn’t know yet?", width: 12) == "· Who…")
        #expect(TextLayout.truncateAtWord("Our well-being matters", width: 12) == "Our…")
        // Beside a wide character is a place to break, as in `wrap`.
        #expect(TextLayout.truncateAtWord("病院 と地域の話", width: 8) == "病院 と…")
        #expect(TextLayout.truncateAtWord("病院と地域 の話", width: 8) == "病院と…")
        // Whole, or a first word too long: as truncate.
        #expect(TextLayout.truncateAtWord(prompt, width: 80) == prompt)
        #expect(TextLayout.truncateAtWord("· Sensemaking", width: 8) == "· Sense…")
        #expect(TextLayout.truncateAtWord("anything", width: 0) == "")
        #expect(TextLayout.truncateAtWord("anything", width: 1) == "…")
        #expect(TextLayout.truncateAtWord("two\nlines…", width: 20) == "two lines…")
    }

    /// Property, on texts of one-column characters: a cut at a word is `truncate`'s cut or
    /// shorter, is the text's own beginning (line breaks made spaces), ends where a word
    /// ends, and is the longest such: the next word would not have fitted.
    @Test func aCutAtAWordIsTheLongestBeginningThatEndsAtAWord() {
        let pieces = ["a", "word", " ", "  ", ",", ".", "\n", "don't", "well-being", "e\u{301}", "·",
                      "long" + String(repeating: "x", count: 12)]
        var rng = SplitMix64(seed: 0x5EED_0CA7)
        func next(_ bound: Int) -> Int { Int(rng.next() % UInt64(bound)) }
        var atWords = 0
        for round in 0..<3000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            let width = next(30)
            let cut = TextLayout.truncateAtWord(text, width: width)
            let plain = TextLayout.truncate(text, width: width)
            #expect(DisplayWidth.of(cut) <= max(width, 0), "\(round)")
            #expect(DisplayWidth.of(cut) <= DisplayWidth.of(plain), "\(round)")
            guard cut != plain else { continue }
            atWords += 1
            let flat = text.replacingNewlines()
            let kept = cut.dropLast()
            #expect(cut.hasSuffix("…") && flat.hasPrefix(kept), "\(round): \(text.debugDescription) → \(cut)")
            let rest = flat.dropFirst(kept.count)
            #expect(rest.first == " " || rest.first?.isPunctuation == true, "\(round): \(text.debugDescription) → \(cut)")
            // Spaces and punctuation, then the next word up to a space: it would not have fitted.
            let gap = rest.prefix { $0 == " " || $0.isPunctuation }
            let word = rest.dropFirst(gap.count).prefix { $0 != " " }
            if !word.isEmpty {
                #expect(DisplayWidth.of(String(kept + gap + word)) > width - 1, "\(round): \(text.debugDescription) → \(cut)")
            }
        }
        #expect(atWords > 300)
    }

    /// Property: wrapped lines never exceed the width, never split a cluster, and put back
    /// together with their separators they are the original text.
    @Test func wrappingKeepsEverythingAndFits() {
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<1500 {
            let text = Pieces.text(&rng, pieces: Int(rng.next() % 40))
            let width = 2 + Int(rng.next() % 40)
            let wrapped = TextLayout.wrap(text, width: width)
            for line in wrapped {
                #expect(DisplayWidth.of(line.text) <= width, "\(line.text.debugDescription) at \(width)")
                #expect(["", " ", "\n"].contains(line.separator))
                #expect(!line.text.contains("\n"))
            }
            #expect(wrapped.map { $0.text + $0.separator }.joined() == text)
            let clusters = wrapped.map { $0.text.count + $0.separator.count }.reduce(0, +)
            #expect(clusters == text.count, "a cluster was split in \(text.debugDescription)")
        }
    }

    @Test func truncationFitsAndIsAPrefix() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<800 {
            let text = Pieces.text(&rng, pieces: Int(rng.next() % 25)).replacingOccurrences(of: "\n", with: " ")
            let width = 1 + Int(rng.next() % 30)
            let cut = TextLayout.truncate(text, width: width)
            #expect(DisplayWidth.of(cut) <= width)
            if cut != text {
                #expect(cut.hasSuffix("…"))
                #expect(text.hasPrefix(String(cut.dropLast())))
            }
        }
    }
}

@Suite struct FrameDrawingTests {
    @Test func wideClustersTakeTwoCellsAndNeverCrossTheEdge() {
        var frame = Frame(size: Size(width: 5, height: 1))
        let end = frame.put("a病院", .plain, x: 0, y: 0)
        #expect(end == 5)
        #expect(frame.character(1, 0) == "病")
        #expect(frame[2, 0].continuation)
        #expect(frame.text == "a病院")
        var narrow = Frame(size: Size(width: 4, height: 1))
        narrow.put("a病院", .plain, x: 0, y: 0)
        #expect(narrow.text == "a病")
        #expect(!narrow[3, 0].continuation)
        checkInvariants(narrow)
    }

    @Test func overwritingHalfAWideClusterBlanksTheOtherHalf() {
        var frame = Frame(size: Size(width: 6, height: 1))
        frame.put("病院地", .plain, x: 0, y: 0)
        frame.put("x", .plain, x: 1, y: 0)   // the right half of 病
        #expect(frame.text == " x院地")
        frame.put("y", .plain, x: 2, y: 0)   // the left half of 院
        #expect(frame.text == " xy 地")
        checkInvariants(frame)
    }

    /// Property: whatever is written wherever, the frame stays well formed.
    @Test func randomWritesKeepTheFrameWellFormed() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            var frame = Frame(size: Size(width: 1 + Int(rng.next() % 30), height: 1 + Int(rng.next() % 4)))
            for _ in 0..<10 {
                let text = Pieces.text(&rng, pieces: Int(rng.next() % 8)).replacingOccurrences(of: "\n", with: "")
                frame.put(text, .plain, x: Int(rng.next() % 32) - 2, y: Int(rng.next() % 5))
            }
            checkInvariants(frame)
        }
    }

    @Test func theFastPathsAgreeWithTheGeneralRuleForEverySingleScalar() {
        for value in UInt32(0)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if DisplayWidth.of(character) != DisplayWidth.general(character) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true))")
                return
            }
        }
    }
}
