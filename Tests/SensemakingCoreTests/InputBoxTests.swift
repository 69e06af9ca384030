import Foundation
import Testing
@testable import SensemakingCore

@Suite("The input box")
struct InputBoxTests {
    @Test func theCursorMovesByWholeCharacters() {
        var box = InputBox()
        box.insert("e\u{301}")                          // e + combining acute: one character
        box.insert("👩\u{200D}👩\u{200D}👧")
        box.insert("日本")
        box.insert("🇬🇧")
        #expect(box.characters.count == 5)
        #expect(box.cursor == 5)
        box.backspace()
        #expect(box.text == "e\u{301}👩\u{200D}👩\u{200D}👧日本")
        box.left()
        box.left()
        box.backspace()                                 // the whole family
        #expect(box.text == "e\u{301}日本")
        #expect(box.cursor == 1)
        box.delete()
        #expect(box.text == "e\u{301}本")
        box.home()
        box.delete()
        #expect(box.text == "本")
    }

    @Test func movingPastEitherEndDoesNothing() {
        var box = InputBox("ab")
        box.right()
        #expect(box.cursor == 2)
        box.delete()
        #expect(box.text == "ab")
        box.home()
        box.left()
        box.backspace()
        #expect(box.cursor == 0)
        #expect(box.text == "ab")
    }

    @Test func insertingInTheMiddle() {
        var box = InputBox("held")
        box.left()
        box.insert("l")
        box.end()
        box.insert("o")
        #expect(box.text == "helldo")
        #expect(box.cursor == 6)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursorAndTheSpacesAfterIt() {
        var box = InputBox("hello big  world")
        box.deleteWord()
        #expect(box.text == "hello big  ")
        box.deleteWord()
        #expect(box.text == "hello ")
        box.deleteWord()
        #expect(box.text == "")
        box.deleteWord()
        #expect(box.text == "")
        #expect(box.cursor == 0)
    }

    @Test func ctrlWInTheMiddleAndAtLineBreaks() {
        var box = InputBox("one two three")
        for _ in 0..<5 { box.left() }                   // before "three"
        box.deleteWord()
        #expect(box.text == "one three")
        #expect(box.cursor == 4)

        var lines = InputBox("abc\n")
        lines.deleteWord()                              // a lone line break goes by itself
        #expect(lines.text == "abc")
        var indented = InputBox("abc\n  ")
        indented.deleteWord()                           // spaces up to the line break
        #expect(indented.text == "abc\n")
    }

    @Test func homeAndEndWorkOnTheCursorsLine() {
        var box = InputBox("ab\ncdef\ng")
        #expect(box.cursor == 9)
        box.home()
        #expect(box.cursor == 8)
        box.left()                                      // end of "cdef"
        box.home()
        #expect(box.cursor == 3)
        box.end()
        #expect(box.cursor == 7)
    }

    @Test func upAndDownKeepTheColumnWhereTheLineIsLongEnough() {
        var box = InputBox("abcdef\nxy\nlonger line")
        #expect(box.cursor == 21)                       // end of line 3, column 11
        box.up()
        #expect(box.cursor == 9)                        // end of "xy": shorter
        box.up()
        #expect(box.cursor == 2)                        // column 2 of "abcdef"
        box.down()
        #expect(box.cursor == 9)                        // column 2 of "xy"
        box.down()
        #expect(box.cursor == 12)                       // column 2 of "longer line"
        box.down()                                      // no line below: to its end
        #expect(box.cursor == 21)
        box.home()
        box.up()
        box.up()
        #expect(box.cursor == 0)
        box.end()
        box.up()                                        // no line above: to its start
        #expect(box.cursor == 0)
    }

    @Test func clearEmptiesTheBox() {
        var box = InputBox("something")
        box.clear()
        #expect(box == InputBox())
        #expect(box.isEmpty)
    }

    @Test func theBoxStopsGrowingAtItsCapacity() {
        var box = InputBox(String(repeating: "a", count: InputBox.capacity - 2))
        #expect(box.insert("bcde") == 2)
        #expect(box.characters.count == InputBox.capacity)
        #expect(box.text.hasSuffix("abc"))
        #expect(box.insert("f") == 1)
    }

    @Test func aPasteTooLongIsCutAndSaysSo() {
        var room = Room()
        let effects = room.paste(String(repeating: "p", count: InputBox.capacity + 3))
        #expect(effects == [.bell])
        #expect(room.message == .error("The paste was too long: 3 characters were left out."))
        #expect(room.state.input.characters.count == InputBox.capacity)
        #expect(room.key(.character("x")) == [.bell])
        #expect(room.message == .error("The text is full (20000 characters)."))
        #expect(room.key(.lineBreak) == [.bell])
    }

    @Test func theReducerDrivesTheBoxWithKeys() {
        var room = Room()
        room.key(.character("a"))
        room.key(.character("c"))
        room.key(.left)
        room.key(.character("b"))
        room.key(.end)
        room.key(.lineBreak)
        room.key(.character("d"))
        room.key(.up)
        #expect(room.state.input.cursor == 1)
        room.key(.down)
        #expect(room.state.input.cursor == 5)
        room.key(.home)
        room.key(.backspace)                            // joins the lines
        #expect(room.input == "abcd")
        room.key(.delete)
        #expect(room.input == "abc")
        room.key(.deleteWord)
        #expect(room.input == "")
        room.paste("again")
        room.key(.clearInput)
        #expect(room.input == "")
        #expect(room.records.isEmpty)
    }
}
