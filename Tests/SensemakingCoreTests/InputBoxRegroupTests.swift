import Testing
@testable import SensemakingCore

@Suite("The input box joins scalars typed one at a time")
struct InputBoxRegroupTests {
    @Test func zwjFamilyTypedScalarByScalarIsOneCharacter() {
        var box = InputBox("a")
        for scalar in "👩‍👩‍👧".unicodeScalars { box.insert(String(scalar)) }
        #expect(box.characters == ["a", "👩‍👩‍👧"])
        #expect(box.cursor == 2)
        box.backspace()
        #expect(box.text == "a")
    }

    @Test func combiningAccentJoinsItsLetter() {
        var box = InputBox()
        box.insert("e")
        box.insert("\u{301}")
        box.insert("x")
        #expect(box.characters == ["e\u{301}", "x"])
        box.left()
        box.left()
        box.insert("a")
        #expect(box.text == "ae\u{301}x")
        #expect(box.cursor == 1)
    }
}

@Suite("The input box keeps its cursor whole when a join crosses it")
struct InputBoxRegroupCursorTests {
    @Test func letterBeforeAStrayAccentJoinsAndTheCursorFollowsIt() {
        var box = InputBox("\u{301}x")
        box.home()
        box.insert("e")
        #expect(box.characters == ["e\u{301}", "x"])
        #expect(box.cursor == 1)
    }
}
