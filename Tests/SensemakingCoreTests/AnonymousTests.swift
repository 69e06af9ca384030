import Foundation
import Testing
@testable import SensemakingCore

@Suite("Anonymous sessions")
struct AnonymousTests {
    /// Every name a record attributes to a contribution or a vote.
    func attributions(_ records: [Record]) -> [String] {
        records.compactMap { record -> String? in
            switch record.event {
            case .contributed(let contribution, _): contribution.author ?? contribution.tags.owner
            case .dotsPlaced(let participant, _, _, _): participant
            default: nil
            }
        }
    }

    @Test func contributionsCarryNoAuthorButTheTurnStillMovesOn() {
        var room = Room(["Ana", "Ben"], anonymous: true)
        room.type("/next")
        // The turn moves on screen; the journal does not say so, or the order of turns
        // would name the author.
        #expect(room.type("I am a nurse") == [write(.contributed(item(1, nil, stage: 1, .identity, "I am a nurse"), advancesTurn: false))])
        #expect(room.session.turnHolder == "Ben")
        #expect(room.type("@Ana an aside") == [write(.contributed(item(2, nil, stage: 1, .identity, "an aside"), advancesTurn: false))])
        #expect(room.session.turnHolder == "Ben")
        room.expectReplayMatches()
    }

    @Test func actionsHaveNoOwnerUnlessTheRoomNamesOne() {
        var room = Room(["Ana", "Ben"], anonymous: true)
        room.type("/goto enactment")
        room.type("Call the council")
        #expect(room.session.contributions.last?.tags.owner == nil)
        room.type("/owner the ICB!")
        room.type("Fund it")
        #expect(room.session.contributions.last?.tags.owner == "the ICB")
        #expect(room.session.contributions.last?.author == nil)
    }

    @Test func aWholeAnonymousSessionAttributesNothingToAnyone() {
        var room = Room(["Ana", "Ben", "Chi"], anonymous: true)
        room.type("/next")
        room.type("One")
        room.type("@Chi Two")
        room.type("/goto social")
        room.type("Story A")
        room.type("Story B")
        room.type("/goto enactment")
        room.type("Act")
        room.type("/goto plausibility")
        room.type("/dots 1 2")
        room.type("/dots 2")
        room.type("Plausible")
        room.type("/goto close")
        room.type("Thanks")
        room.type("/end")
        #expect(attributions(room.records).isEmpty)
        #expect(room.session.contributions.allSatisfy { $0.author == nil })
        #expect(room.session.dots.allSatisfy { $0.participant == nil })
        #expect(room.session.contributions.count == 7)
        #expect(Synthesis(room.session).ranking.map(\.dots) == [2, 1])
        room.expectReplayMatches()
    }

    /// Read in order, the journal of an anonymous session cannot tie a contribution or a dot
    /// to a person: it records no turn, no pass, no `/as` by name, and no contribution or
    /// placement that moved the turn.
    @Test func theOrderOfTheJournalNamesNoOne() {
        var room = Room(["Ana", "Ben", "Chi"], anonymous: true)
        room.type("/next")
        room.type("/as a GP")
        room.type("One")
        room.type("/pass")
        room.type("/turn Ana")
        room.type("Two")
        room.type("/goto social")
        room.type("Story")
        room.type("/goto plausibility")
        room.type("/dots 1 1 1")
        for record in room.records {
            switch record.event {
            case .joined, .left, .turnGiven, .passed, .speakingAs:
                Issue.record("an anonymous journal keeps \(record.event)")
            case .contributed(_, let advancesTurn), .dotsPlaced(_, _, let advancesTurn, _):
                #expect(!advancesTurn, "\(record.event)")
            default: break
            }
        }
        // Live, the room still takes turns and the tag stays on what was said.
        #expect(room.session.contributions[0].tags.speakingAs == "a GP")
        #expect(room.session.turnHolder == "Ana")
        room.expectReplayMatches()

        // Resumed from its journal, no one is here until the room says so again.
        var resumed = AppState(session: room.replayed, now: t0 + 60)
        _ = reduce(&resumed, .resume)
        #expect(resumed.session.roster.isEmpty)
        #expect(resumed.session.turnHolder == nil)
        #expect(resumed.message == .info("Resumed Plausibility over accuracy. Everything saved before is here. An anonymous log keeps no names: /join Ana, Ben adds who is here."))
        #expect(resumed.session.contributions == room.session.contributions)
    }

    @Test func theSameSessionNamedAttributesEveryContribution() {
        // The contrast that makes the test above meaningful.
        var room = Room(["Ana", "Ben"])
        room.type("/goto social")
        room.type("Story A")
        room.type("/goto plausibility")
        room.type("/dots 1")
        #expect(attributions(room.records) == ["Ana", "Ben"])
    }
}
