import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

@Suite struct InputDecoderTests {
    func decode(_ inputs: [RawInput]) -> [Action] {
        var decoder = InputDecoder()
        return inputs.flatMap { decoder.feed($0) }
    }

    func decode(_ text: String) -> [Action] {
        decode(text.unicodeScalars.map(RawInput.character))
    }

    @Test func keyCodesMatchCursesHeader() {
        // The values in <ncursesw/curses.h>.
        #expect(CursesKey.down == 258 && CursesKey.up == 259 && CursesKey.left == 260 && CursesKey.right == 261)
        #expect(CursesKey.home == 262 && CursesKey.backspace == 263 && CursesKey.f0 == 264)
        #expect(CursesKey.delete == 330 && CursesKey.pageDown == 338 && CursesKey.pageUp == 339)
        #expect(CursesKey.enter == 343 && CursesKey.end == 360 && CursesKey.resize == 410)
    }

    @Test(arguments: [
        (CursesKey.down, Key.down), (CursesKey.up, .up), (CursesKey.left, .left), (CursesKey.right, .right),
        (CursesKey.home, .home), (CursesKey.end, .end), (CursesKey.backspace, .backspace),
        (CursesKey.delete, .delete), (CursesKey.pageUp, .pageUp), (CursesKey.pageDown, .pageDown),
        (CursesKey.enter, .enter), (CursesKey.f0 + 1, .help), (CursesKey.backTab, .toggleView),
    ] as [(Int32, Key)])
    func keyCodes(_ code: Int32, _ key: Key) {
        #expect(decode([.keyCode(code)]) == [.key(key)])
    }

    @Test func unknownKeyCodesAndResizeGiveNothing() {
        #expect(decode([.keyCode(CursesKey.resize)]).isEmpty)
        #expect(RawInput.keyCode(CursesKey.resize).isResize)
        #expect(!RawInput.keyCode(CursesKey.up).isResize)
        #expect(decode([.keyCode(CursesKey.f0 + 5), .keyCode(CursesKey.insert), .keyCode(0o631)]).isEmpty)
    }

    @Test(arguments: [
        (UInt32(13), Key.enter), (10, .lineBreak), (127, .backspace), (8, .backspace),
        (23, .deleteWord), (21, .clearInput), (3, .interrupt), (9, .toggleView), (20, .toggleView),
        (1, .home), (5, .end),
    ] as [(UInt32, Key)])
    func controlCharacters(_ value: UInt32, _ key: Key) {
        #expect(decode([.character(UnicodeScalar(value)!)]) == [.key(key)])
    }

    @Test func otherControlCharactersAreIgnored() {
        let inputs = [0, 2, 4, 6, 7, 11, 12, 14, 26, 28, 31, 0x85, 0x9B].map { RawInput.character(UnicodeScalar(UInt32($0))!) }
        #expect(decode(inputs).isEmpty)
    }

    @Test func textArrivesAsCharacters() {
        #expect(decode("é日👍") == [.key(.character("é")), .key(.character("日")), .key(.character("👍"))])
        #expect(decode("/quit") == "/quit".map { .key(.character($0)) })
    }

    @Test func altEnterIsALineBreak() {
        #expect(decode("\u{1B}\r") == [.key(.lineBreak)])
        #expect(decode("\u{1B}\n") == [.key(.lineBreak)])
        #expect(decode("\u{1B}\u{7F}") == [.key(.deleteWord)])
    }

    @Test func escapeAloneWaitsForTheTimeout() {
        var decoder = InputDecoder()
        #expect(decoder.feed(.character("\u{1B}")).isEmpty)
        #expect(decoder.awaitsMore)
        #expect(decoder.feed(.timeout) == [.key(.escape)])
        #expect(!decoder.awaitsMore)
        #expect(decoder.feed(.timeout).isEmpty)
        #expect(decode("\u{1B}\u{1B}") == [.key(.escape)])
        #expect(decode([.character("\u{1B}"), .keyCode(CursesKey.up)]) == [.key(.escape), .key(.up)])
    }

    @Test func altLettersAndUnknownSequencesAreSwallowed() {
        #expect(decode("\u{1B}x\u{1B}q").isEmpty)
        #expect(decode("\u{1B}[99;5z").isEmpty)
        #expect(decode("\u{1B}[?1049h\u{1B}[31m").isEmpty)
        #expect(decode("\u{1B}OZ").isEmpty)
        // After a swallowed sequence, typing goes on normally.
        #expect(decode("\u{1B}[1;2Qok") == [.key(.character("o")), .key(.character("k"))])
    }

    @Test func anOverlongSequenceIsDroppedNotTyped() {
        let garbage = "\u{1B}[" + String(repeating: "1;", count: 40) + "mok"
        #expect(decode(garbage) == [.key(.character("o")), .key(.character("k"))])
    }

    @Test func sequencesForKeysNotInTerminfoAreUnderstood() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.key(.up), .key(.down), .key(.right), .key(.left)])
        #expect(decode("\u{1B}[1;5C\u{1B}[H\u{1B}[F") == [.key(.right), .key(.home), .key(.end)])
        #expect(decode("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[11~") == [.key(.delete), .key(.pageUp), .key(.pageDown), .key(.help)])
        #expect(decode("\u{1B}OP\u{1B}OA\u{1B}OM") == [.key(.help), .key(.up), .key(.enter)])
    }

    @Test func aBracketedPasteIsOneActionAndNeverKeys() {
        let pasted = "first line\r/quit\r\u{1B}[A\u{3}\t@Ana hello 日本語 👩‍👩‍👧"
        let actions = decode("\u{1B}[200~" + pasted + "\u{1B}[201~")
        #expect(actions == [.paste(pasted)])
    }

    @Test func aPasteEndsOnlyAtItsWholeMarker() {
        // Parts of the end marker inside the text are text.
        let pasted = "a\u{1B}[201b\u{1B}[20\u{1B}\u{1B}[201"
        #expect(decode("\u{1B}[200~" + pasted + "\u{1B}[201~x") == [.paste(pasted), .key(.character("x"))])
    }

    @Test func keysDecodedInsideAPasteAreNotKeys() {
        var decoder = InputDecoder()
        var actions: [Action] = []
        for scalar in "\u{1B}[200~ab".unicodeScalars { actions += decoder.feed(.character(scalar)) }
        #expect(decoder.isPasting)
        actions += decoder.feed(.keyCode(CursesKey.enter))
        actions += decoder.feed(.keyCode(CursesKey.f0 + 1))
        actions += decoder.feed(.timeout)
        for scalar in "c\u{1B}[201~".unicodeScalars { actions += decoder.feed(.character(scalar)) }
        #expect(actions == [.paste("ab\nc")])
        #expect(!decoder.isPasting)
    }

    @Test func aPasteWhoseEndNeverComesIsClosedAfterIdleTimeouts() {
        var decoder = InputDecoder()
        for scalar in "\u{1B}[200~lost".unicodeScalars { _ = decoder.feed(.character(scalar)) }
        for _ in 1..<InputDecoder.pasteIdleLimit { #expect(decoder.feed(.timeout).isEmpty) }
        #expect(decoder.feed(.timeout) == [.paste("lost")])
        #expect(decoder.feed(.character("\r")) == [.key(.enter)])
    }

    /// The adapter continues a paste when more input already waits as it ends (an end
    /// marker let through inside pasted text): up to the next marker the rest is text too;
    /// without one before a pause, it was keys.
    @Test func aContinuedPasteKeepsWhatFollowsAsText() {
        var decoder = InputDecoder()
        var actions: [Action] = []
        for scalar in "\u{1B}[200~first\u{1B}[201~".unicodeScalars { actions += decoder.feed(.character(scalar)) }
        #expect(actions == [.paste("first")])
        decoder.continuePaste()
        #expect(decoder.isPasting)
        actions = []
        for scalar in "\r/quit\r\u{1B}[201~\r".unicodeScalars { actions += decoder.feed(.character(scalar)) }
        #expect(actions == [.paste("\r/quit\r"), .key(.enter)])
        // Keys typed after a paste, with no end marker before the next pause, are keys.
        for scalar in "\u{1B}[200~x\u{1B}[201~".unicodeScalars { _ = decoder.feed(.character(scalar)) }
        decoder.continuePaste()
        actions = []
        for scalar in "ab\r\u{1B}[A".unicodeScalars { actions += decoder.feed(.character(scalar)) }
        actions += decoder.feed(.keyCode(CursesKey.left))
        #expect(actions.isEmpty)
        #expect(decoder.feed(.timeout) == [.key(.character("a")), .key(.character("b")), .key(.enter), .key(.up), .key(.left)])
        #expect(!decoder.isPasting)
        // Only between keys: inside an escape sequence it changes nothing.
        _ = decoder.feed(.character("\u{1B}"))
        decoder.continuePaste()
        #expect(!decoder.isPasting)
    }

    @Test func anEmptyPasteGivesNothing() {
        #expect(decode("\u{1B}[200~\u{1B}[201~").isEmpty)
    }

    /// How fast, and that it grows linearly, is measured in Benchmarks/ ("input: a paste").
    @Test func aHundredKilobytePasteIsOneAction() {
        let line = "Ein Satz, ein 日本語 Satz, 👩‍👩‍👧 and a line break\r"
        var text = ""
        while text.utf8.count < 100_000 { text += line }
        let scalars = Array(("\u{1B}[200~" + text + "\u{1B}[201~").unicodeScalars)
        var decoder = InputDecoder()
        var actions: [Action] = []
        for scalar in scalars { actions += decoder.feed(.character(scalar)) }
        #expect(actions == [.paste(text)])
    }

    @Test func pastedTextReachesTheInputBoxAsText() {
        var room = Room(participants: ["Ana"])
        room.paste("Ana\r/quit\rBen")
        #expect(room.state.input.text == "Ana\n/quit\nBen")
        #expect(room.state.session.roster == ["Ana"])
    }
}
