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
            let ids = room.state.session.contributions.filter { $0.stage == room.state.session.current && !$0.retracted }.map(\.id)
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
}
