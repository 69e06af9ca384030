import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

/// Close is pages the facilitator steps through with Tab, each readable whole at 80×24.
@Suite struct CloseTests {
    @Test func tabStepsThroughThePagesAndRoundToTheFirst() {
        var room = Scenario.close()
        var seen: [ClosePage] = [room.state.closePage]
        for _ in 0..<ClosePage.allCases.count {
            room.feed(.character("\t"))
            seen.append(room.state.closePage)
        }
        #expect(seen == [.summary, .stories, .actions, .cuesAndSignals, .voices, .summary])
        room.feed(.character("\t"))
        room.say("/back")
        room.say("/next")
        #expect(room.state.closePage == .summary, "a stage entered again opens on the summary")
    }

    /// The summary names every story tied for the most dots: stories 1 and 3 have five each.
    @Test func theSummaryShowsEveryStoryTiedForTheMostDots() {
        let rows = Scenario.close().frame(80, 24).text.split(separator: "\n").map(String.init)
        guard let first = rows.firstIndex(where: { $0.hasPrefix(" Plausible   ") }) else {
            Issue.record("no Plausible line")
            return
        }
        #expect(rows[first] == " Plausible   1. ●●●●● 5  The night shift that phoned the council")
        #expect(rows[first + 1].hasPrefix("             3. ●●●●● 5  The meeting nobody chaired"))
    }

    /// An action's owner and its due date, as the export says them ("Chi, by 15 Jan").
    @Test func theActionsPageShowsWhenAnActionIsDue() {
        var room = Scenario.retrospection()
        room.say("/next")
        room.say("/owner Chi by 15 Jan")
        room.say("Write one winter plan")
        room.say("/owner Ana")
        room.say("Invite the voluntary sector")
        room.say("/goto close")
        room.feed(.character("\t"))
        room.feed(.character("\t"))
        #expect(room.state.closePage == .actions)
        let text = room.frame(80, 24).text
        #expect(text.contains("#12 Write one winter plan — Chi, by 15 Jan\n"))
        #expect(text.contains("#13 Invite the voluntary sector — Ana\n"))
    }

    /// Every item of every page is on the 80×24 screen, whole: nothing left to "more", and no
    /// line cut with "…" (story titles are cut at a word by `StoryTitle`, never by the screen).
    @Test func everyPageIsWholeAt80x24() {
        var room = Scenario.close()
        let synthesis = Synthesis(room.state.session)
        let expected: [ClosePage: [String]] = [
            .summary: ["In numbers", "Narrative", "Timeline"],
            .stories: synthesis.ranking.map { StoryTitle($0.story.text).title.replacingOccurrences(of: "…", with: "") },
            .actions: synthesis.actions.map { "#\($0.id) " + String($0.text.prefix(20)) },
            .cuesAndSignals: (synthesis.cues + synthesis.signals).map { "· " + String($0.text.prefix(20)) },
            .voices: ["Identities", "Voices"],
        ]
        for page in ClosePage.allCases {
            let frame = room.frame(80, 24)
            let text = frame.text
            #expect(room.state.closePage == page)
            #expect(!text.contains("more · PgDn"), "\(page) does not fit")
            for item in expected[page] ?? [] {
                #expect(text.contains(item), "\(page) lacks \(item)")
            }
            let area = text.split(separator: "\n").dropFirst(4).prefix(10)
            #expect(!area.contains { $0.hasSuffix(" …") }, "\(page) cuts a line")
            checkInvariants(frame)
            room.feed(.character("\t"))
        }
    }
}
