import Foundation
import Testing
@testable import SensemakingCore

@Suite("Sanitizer: what may enter the session")
struct SanitizerTests {
    func clean(_ text: String, as field: Sanitizer.Field = .contribution) -> Result<String, Sanitizer.Failure> {
        Sanitizer.clean(text, as: field)
    }

    @Test func c0ControlsAndDeleteAreRemovedButLineBreaksStay() {
        let text = "a\u{0}b\u{7}c\u{8}d\u{1B}[31me\u{7F}f\ng\u{1F}"
        #expect(Sanitizer.strip(text) == "abcd[31mef\ng")
        #expect(clean(text) == .success("abcd[31mef\ng"))
    }

    @Test func c1ControlsIncludingTheOneByteCSIAreRemoved() {
        #expect(Sanitizer.strip("a\u{80}b\u{9B}31mc\u{9D}0;x\u{9C}\u{9F}") == "ab31mc0;x")
    }

    @Test func terminalEscapeSequencesLoseTheirEscape() {
        // OSC title, cursor movement, clear screen, 8-bit CSI: only printable debris is left.
        #expect(Sanitizer.strip("\u{1B}]0;pwned\u{7}\u{1B}[2J\u{1B}[H\u{9B}1;1Hok") == "]0;pwned[2J[H1;1Hok")
    }

    @Test func bidiEmbeddingsOverridesIsolatesAndMarksAreRemoved() {
        let text = "\u{202A}a\u{202B}b\u{202C}c\u{202D}d\u{202E}e\u{2066}f\u{2067}g\u{2068}h\u{2069}i\u{200E}j\u{200F}k\u{061C}l"
        #expect(Sanitizer.strip(text) == "abcdefghijkl")
    }

    @Test func zeroWidthSpacesAndJoinersThatHideTextAreRemoved() {
        #expect(Sanitizer.strip("a\u{200B}b\u{2060}c\u{FEFF}d\u{180E}e\u{FFF9}f\u{FFFA}g\u{FFFB}") == "abcdefg")
    }

    @Test func emojiSequencesAndScriptsStayWhole() {
        let family = "👩\u{200D}👩\u{200D}👧"                // ZWJ sequence
        let heart = "\u{2764}\u{FE0F}"                     // VS16
        let rainbow = "🏳\u{FE0F}\u{200D}🌈"
        let persian = "می\u{200C}خواهم"                    // ZWNJ
        let flag = "🇬🇧"
        let text = "\(family) \(heart) \(rainbow) \(persian) \(flag) 日本語 Zoë é"
        #expect(Sanitizer.strip(text) == text)
        #expect(clean(text) == .success(text))
        #expect(family.count == 1)
        #expect(Sanitizer.strip(family).count == 1)
    }

    @Test func lineBreaksOfEveryKindBecomeOneNewline() {
        #expect(Sanitizer.strip("a\r\nb\rc\nd\u{2028}e\u{2029}f\u{85}g\u{B}h\u{C}i")
                == "a\nb\nc\nd\ne\nf\ng\nh\ni")
        #expect(Sanitizer.strip("a\r\r\nb") == "a\n\nb")
        #expect(Sanitizer.strip("a\r\nb", multiline: false) == "a b")
    }

    @Test func tabsBecomeSpaces() {
        #expect(Sanitizer.strip("a\tb") == "a b")
    }

    @Test func trimmingRemovesOuterBlankLinesAndTrailingSpacesButKeepsIndentedLines() {
        #expect(clean("  \n  hello  \n\n   world  \n \n") == .success("hello\n\n   world"))
        #expect(clean("\u{00A0}\u{3000}hi\u{2003}") == .success("hi"))
    }

    @Test func singleLineFieldsJoinLines() {
        #expect(clean("Ana\nMaria", as: .name) == .success("Ana Maria"))
        #expect(clean("A\r\nday", as: .title) == .success("A day"))
        #expect(clean("a\nb", as: .prompt) == .success("a\nb"))
    }

    @Test func emptyAfterCleaningIsAFailureWithAMessage() {
        #expect(clean("\u{200B} \u{1B}\n\u{202E}") == .failure(.empty(.contribution)))
        #expect(Sanitizer.Failure.empty(.contribution).message == "A contribution cannot be empty.")
        #expect(clean(" \u{3000} ", as: .name) == .failure(.empty(.name)))
        #expect(Sanitizer.Failure.empty(.name).message == "A name cannot be empty.")
    }

    @Test func eachFieldHasItsCapCountedInCharacters() {
        let caps: [(Sanitizer.Field, Int, String)] = [
            (.contribution, 2000, "A contribution"), (.name, 40, "A name"), (.title, 120, "A title"),
            (.tag, 80, "A tag"), (.prompt, 300, "A prompt"), (.path, 1024, "A path"),
        ]
        for (field, limit, noun) in caps {
            #expect(field.limit == limit)
            let fits = String(repeating: "👩\u{200D}👩\u{200D}👧", count: limit)
            #expect(clean(fits, as: field) == .success(fits))
            let over = String(repeating: "x", count: limit + 1)
            #expect(clean(over, as: field) == .failure(.tooLong(field, length: limit + 1)))
            #expect(Sanitizer.Failure.tooLong(field, length: limit + 1).message
                    == "\(noun) is \(limit + 1) characters long; the most is \(limit).")
        }
    }

    @Test func theCapIsCheckedAfterStripping() {
        let padded = String(repeating: "x", count: 40) + String(repeating: "\u{200B}", count: 100) + "   "
        #expect(clean(padded, as: .name) == .success(String(repeating: "x", count: 40)))
    }

    @Test func cleanOrCutCutsTrustedTextsAtTheCap() {
        let long = String(repeating: "t", count: 130)
        #expect(Sanitizer.cleanOrCut(long, as: .title) == String(repeating: "t", count: 120))
        #expect(Sanitizer.cleanOrCut("  \u{1B}Title\u{202E}  ", as: .title) == "Title")
    }

    @Test func forbiddenScalars() {
        for value: UInt32 in [0x00, 0x07, 0x1B, 0x7F, 0x80, 0x9B, 0x9F, 0x061C, 0x200B, 0x200E, 0x202E, 0x2066, 0x2069, 0xFEFF] {
            #expect(Sanitizer.isForbidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x0A, 0x20, 0x41, 0xA0, 0x200C, 0x200D, 0xFE0F, 0x1F469, 0xE9] {
            #expect(!Sanitizer.isForbidden(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    @Test func typedAndPastedTextIsStrippedAsItEntersTheBox() {
        var room = Room()
        room.key(.character("\u{1B}"))
        room.key(.character("\u{9B}"))
        room.key(.character("\r\n"))
        room.key(.character("a"))
        room.paste("\u{202E}b\tc\u{200B}")
        #expect(room.input == "\nab c")
    }
}
