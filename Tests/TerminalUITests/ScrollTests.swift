import Foundation
import SensemakingCore
import Testing
import TestSupport
@testable import TerminalUI

/// Every item of every list can be reached: Home then PgDn, or PgUp from the live view,
/// shows each at least once, at the smallest screen and the biggest.
@Suite struct ScrollTests {
    static let sizes = [minimumSize, Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]

    /// A follow-up whose review holds `count` actions, "Item 1" to "Item N", with one update said.
    static func review(items count: Int, textPieces: (Int) -> String = { _ in "" }) -> Room {
        let items = (1...count).map {
            CarriedItem(kind: .action, text: "Item \($0) follows " + textPieces($0) + " the discharge data", owner: "Ana")
        }
        let followUp = FollowUp(previousLog: "earlier.md", previousTitle: "Winter", previousStarted: Room.start,
                                items: items, people: ["Ana", "Ben"])
        var room = Room(title: "Follow-up", participants: ["Ana", "Ben", "Chi", "Dee"], followUp: followUp)
        room.say("/next")
        room.say("/mark 2 done")
        room.say("The voluntary sector came.")
        return room
    }

    static func text(_ frames: [Frame]) -> String { frames.map(\.text).joined(separator: "\n") }

    /// Issue 16, reproduction 1: items 12 to 14 of a 14-item review were never on screen.
    @Test(arguments: sizes)
    func aFourteenItemReviewIsReachableBothWays(_ size: Size) {
        var room = Self.review(items: 14)
        let down = Self.text(room.pagesDown(size))
        let up = Self.text(room.pagesUp(size))
        for item in 1...14 {
            #expect(down.contains("Item \(item) "), "Item \(item) not reached paging down at \(size)")
            #expect(up.contains("Item \(item) "), "Item \(item) not reached paging up at \(size)")
        }
        #expect(down.contains("The voluntary sector came."))
        #expect(room.state.scroll > 0 || Self.text([room.show(size)]).contains("Item 1 "))
    }

    /// PgDn after Home moves at once, and PgUp stops at the top rather than counting on.
    @Test func pagingStopsAtTheEnds() {
        var room = Self.review(items: 14)
        let size = Size(width: 80, height: 24)
        room.press(CursesKey.home)
        let top = room.show(size)
        let topPage = room.state.scroll
        #expect(topPage > 0 && topPage < AppState.scrollTop)
        room.press(CursesKey.pageUp)
        #expect(room.show(size) == top)
        room.press(CursesKey.pageDown)
        #expect(room.state.scroll == topPage - 1)
        #expect(room.show(size) != top)
    }

    /// The hint under a page back says what is below and which key reaches it.
    @Test func theHintBelowPointsDown() {
        var room = Self.review(items: 14)
        room.press(CursesKey.home)
        let rows = room.show(Size(width: 80, height: 24)).text.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains(/↓ \d+ more · PgDn/) })
        #expect(!rows.contains { $0.contains("newer") })
    }

    /// The stream, the board, Close, the timeline and Review at random sizes: paging from
    /// the top to the live view shows every item.
    @Test(arguments: 0..<24)
    func pagingTopToBottomShowsEveryItem(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let size = Size(width: 60 + Int(rng.next() % 141), height: 16 + Int(rng.next() % 45))
        switch seed % 3 {
        case 0:
            var room = Scenario.identity()
            for _ in 0..<Int(rng.next() % 30) {
                room.say(Pieces.text(&rng, pieces: 1 + Int(rng.next() % 40)) + " end")
            }
            let ids = Self.liveIDs(room)
            let seen = Self.text(room.pagesDown(size))
            for id in ids { #expect(seen.contains("#\(id) "), "#\(id) unseen at \(size), seed \(seed)") }
        case 1:
            let count = 1 + Int(rng.next() % 30)
            var pieces: [String] = []
            for _ in 0..<count { pieces.append(Pieces.text(&rng, pieces: Int(rng.next() % 6))) }
            var room = Self.review(items: count) { pieces[$0 - 1].replacingOccurrences(of: "\n", with: " ") }
            let seen = Self.text(room.pagesDown(size))
            for item in 1...count { #expect(seen.contains("Item \(item) follows"), "Item \(item) unseen at \(size), seed \(seed)") }
        default:
            var room = Scenario.close()
            for _ in 0..<Int(rng.next() % 12) {
                room.say("/owner Ben")
                room.say("Act " + Pieces.text(&rng, pieces: 1 + Int(rng.next() % 12)) + " end")
            }
            let ids = room.state.session.contributions.filter { $0.stage == room.state.session.current }.map(\.id)
            let seen = Self.text(room.pagesDown(size))
            for id in ids { #expect(seen.contains("#\(id) "), "#\(id) unseen at \(size), seed \(seed)") }
        }
    }

    /// The timeline and help at the minimum size: everything within reach.
    @Test func theTimelineOpensAtItsStartAndReachesItsEnd() {
        var room = Scenario.timeline()
        let first = room.show(minimumSize).text
        let moments = room.state.session.contributions.compactMap(\.tags.when)
        #expect(first.contains(moments.min() ?? "?"))
        let seen = Self.text(room.pagesDown(minimumSize))
        for moment in moments { #expect(seen.contains(moment)) }
    }

    /// The numbers of the current stage's live contributions.
    static func liveIDs(_ room: Room) -> [Int] {
        room.state.session.contributions.filter { $0.stage == room.state.session.current && !$0.retracted }.map(\.id)
    }

    /// A size between the minimum and 200×60, the side-by-side view included.
    static func size(_ rng: inout SplitMix64) -> Size {
        Size(width: 60 + Int(rng.next() % 141), height: 16 + Int(rng.next() % 45))
    }

    /// The board: every story told ("Tale N …") and every narrative said under it.
    @Test(arguments: 0..<16)
    func everyStoryOnTheBoardIsReachable(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 5)
        let size = Self.size(&rng)
        var room = Room(participants: ["Ana", "Ben", "Chi"])
        room.say("/goto 4")
        let stories = 1 + Int(rng.next() % 14)
        for tale in 1...stories {
            room.say("Tale\(tale) " + Pieces.text(&rng, pieces: Int(rng.next() % 20)).replacingOccurrences(of: "\n", with: " ") + " end")
        }
        room.say("/goto 7")
        for _ in 0..<Int(rng.next() % 4) { room.say("/dots 1 1 \(1 + Int(rng.next() % UInt64(stories)))") }
        for _ in 0..<Int(rng.next() % 8) { room.say("Narrative " + Pieces.text(&rng, pieces: 1 + Int(rng.next() % 20)) + " end") }
        let ids = Self.liveIDs(room)
        let seen = Self.text(room.pagesDown(size))
        for tale in 1...stories { #expect(seen.contains("Tale\(tale)"), "Tale\(tale) unseen at \(size), seed \(seed)") }
        for id in ids { #expect(seen.contains("#\(id) "), "#\(id) unseen at \(size), seed \(seed)") }
    }

    /// The timeline: every note and every moment, from its start (where it opens) to its end.
    @Test(arguments: 0..<16)
    func everyMomentOfTheTimelineIsReachable(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 15_485_863 &+ 3)
        let size = Self.size(&rng)
        var room = Room(participants: ["Ana", "Ben", "Chi"])
        room.say("/goto 2")
        var moments = Set<String>()
        for _ in 0..<(1 + Int(rng.next() % 24)) {
            if rng.next() % 4 != 0 {
                let moment = "\(2000 + Int(rng.next() % 12))"
                moments.insert(moment)
                room.say("/when \(moment)")
            }
            room.say("Memory " + Pieces.text(&rng, pieces: 1 + Int(rng.next() % 30)) + " end")
        }
        room.feed(.character("\t"))
        let ids = Self.liveIDs(room)
        let frames = room.pagesDown(size)
        let seen = Self.text(frames)
        for id in ids { #expect(seen.contains("#\(id) "), "#\(id) unseen at \(size), seed \(seed)") }
        for moment in moments { #expect(seen.contains("● \(moment)") || seen.contains(" / \(moment)") || seen.contains("\(moment) /"), "\(moment) unseen at \(size), seed \(seed)") }
    }

    /// Every page of Close: each line of the page, stepped through from its top to its end.
    @Test(arguments: 0..<12)
    func everyLineOfEveryClosePageIsReachable(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 7_368_787 &+ 11)
        let size = Self.size(&rng)
        var room = Scenario.close()
        for _ in 0..<Int(rng.next() % 12) {
            room.say("/owner Ben")
            room.say("Act " + Pieces.text(&rng, pieces: 1 + Int(rng.next() % 24)) + " end")
        }
        for page in ClosePage.allCases {
            if page != .summary { room.feed(.character("\t")) }
            #expect(room.state.closePage == page)
            let builder = FrameBuilder(state: room.state, frame: Frame(size: size), theme: .dark)
            let lines = builder.closeLines(page, width: builder.contentWidth)
            let seen = Self.text(room.pagesDown(size))
            for line in lines {
                // The frame paints a no-break space as a space.
                let text = String(line.characters).replacingOccurrences(of: "\u{A0}", with: " ").trimmingCharacters(in: .whitespaces)
                #expect(seen.contains(text), "\(page) line unseen at \(size), seed \(seed): \(text)")
            }
        }
    }

    /// Help pages nothing: every command and key is on its one screen, down to the minimum size.
    @Test(arguments: 0..<12)
    func helpShowsEveryCommandAndKey(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 31 &+ 1)
        let size = seed == 0 ? minimumSize : Self.size(&rng)
        var room = Scenario.identity()
        room.press(CursesKey.f0 + 1)
        let text = room.show(size).text
        for command in CommandParser.usage {
            let name = String(command.usage.split(separator: " ").first ?? "")
            #expect(text.contains(name), "\(name) not in help at \(size)")
        }
        // Keys in a table ("Alt-Enter, Ctrl-J") or a paragraph ("Alt-Enter/Ctrl-J"): their first name.
        for key in FrameBuilder.shortKeys {
            let name = key.key.split(whereSeparator: { " /,".contains($0) }).first.map(String.init) ?? key.key
            #expect(text.contains(name), "\(name) not in help at \(size)")
        }
    }
}
