import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

/// The timer the back row reads: digits three rows tall, the minutes in words at the end,
/// and a reversed band (not only a colour) in the last two minutes.
@Suite struct BigTimerTests {
    /// A session on Identity (ten minutes) `seconds` into the stage.
    func timer(after seconds: TimeInterval, _ commands: [String] = []) -> BigTimer? {
        var room = Scenario.welcome()
        room.say("/next")
        for command in commands { room.say(command) }
        room.wait(seconds)
        return BigTimer(room.state)
    }

    @Test func digitsAreThreeRowsOfBlocks() {
        let rows = BigDigits.rows("09:51")
        #expect(rows == ["█▀█ █▀█ ▄ █▀▀ ▀█ ", "█ █ ▀▀█ ▄ ▀▀█  █ ", "▀▀▀ ▀▀▀   ▀▀▀ ▀▀▀"])
        for digit in "0123456789" {
            #expect(BigDigits.glyphs[digit]?.allSatisfy { DisplayWidth.of($0) == 3 } == true)
        }
    }

    @Test func wordsOnlyInTheLastMinutes() throws {
        #expect(try #require(timer(after: 60)).rows.last?.trimmingCharacters(in: .whitespaces) == "left")
        let words = { (seconds: TimeInterval) in
            try #require(timer(after: seconds)).rows.last!.trimmingCharacters(in: .whitespaces)
        }
        #expect(try words(300) == "5 minutes left")
        #expect(try words(500) == "1 minute left")
        #expect(try words(541) == "under a minute left")
        #expect(try words(600) == "time is up")
        #expect(try words(700) == "time is up")
    }

    @Test func theLastTwoMinutesAreAReversedBandNotOnlyAColour() throws {
        let calm = try #require(timer(after: 479))
        let urgent = try #require(timer(after: 480))
        #expect(!calm.urgent && !calm.digitStyle.reverse)
        #expect(urgent.urgent && urgent.digitStyle.reverse && urgent.wordStyle.reverse)
        // A column of band either side of the digits.
        #expect(urgent.rows.allSatisfy { $0.hasPrefix(" ") && $0.hasSuffix(" ") })
        #expect(Set(urgent.rows.map(DisplayWidth.of)) == [urgent.width])
    }

    @Test func overTimeShowsAPlusAndPausedSaysSo() throws {
        let over = try #require(timer(after: 725))
        #expect(over.rows[0] == " " + BigDigits.rows("+02:05")[0] + " " || over.rows[0].hasSuffix(BigDigits.rows("+02:05")[0] + " "))
        let paused = try #require(timer(after: 30, ["/timer pause"]))
        #expect(paused.rows.last!.hasSuffix("left · paused"))
    }

    /// `/timer 0` at a fraction of a second into the stage is time up, never "00:01 left".
    @Test func timerZeroIsTimeUp() throws {
        var room = Scenario.welcome()
        room.say("/next")
        room.wait(12.6)
        room.say("/timer 0")
        #expect(room.state.session.timebox.remaining(at: room.state.now) == 0)
        #expect(timerText(room.state) == ("+00:00 over", true))
        #expect(try #require(BigTimer(room.state)).rows.last!.hasSuffix("time is up "))
        room.say("/timer 5")
        #expect(timerText(room.state).0 == "05:00 left")
    }

    /// No timebox (Welcome): the time spent stays small in the header.
    @Test func noTimeboxNoBigDigits() {
        let room = Scenario.welcome()
        #expect(BigTimer(room.state) == nil)
        #expect(room.frame(80, 24).text.split(separator: "\n")[0].contains("elapsed"))
    }
}
