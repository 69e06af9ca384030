import Foundation
import Testing
@testable import SensemakingCore

@Suite("Follow-up sessions: what an earlier session left open, and its review")
struct FollowUpTests {
    /// A first workshop: an action owned by Ben, one by its author, one retracted, a signal,
    /// a cue, a story and a note (neither of which is carried).
    func firstWorkshop() -> Session {
        var room = Room()
        room.type("/goto enactment")
        room.type("/owner Ben")
        room.type("Share the discharge data weekly")          // #1, Ana's turn, owner Ben
        room.type("Invite the voluntary sector")              // #2, an observation…
        room.type("/kind 2 action")                           // …made an action: Ben's own
        room.type("Something we took back")                   // #3
        room.type("/undo")
        room.type("/goto social")
        room.type("The night shift")                          // #4, a story: not carried
        room.type("/goto ongoing")
        room.type("Waiting lists are not the only story")     // #5
        room.type("/note the room went quiet here")           // #6, a note: not carried
        room.type("/goto cues")
        room.type("Handover times at 8am")                    // #7
        return room.session
    }

    func followUpRoom() -> Room {
        Room(followUp: FollowUp(of: firstWorkshop(), log: "march.md"))
    }

    @Test func carriesLiveActionsWithOwnersThenSignalsAndCuesInTheOrderSaid() {
        let followUp = FollowUp(of: firstWorkshop(), log: "march.md")
        #expect(followUp.previousLog == "march.md")
        #expect(followUp.previousTitle == Plan.standard.title)
        #expect(followUp.previousStarted == t0)
        #expect(followUp.items == [
            CarriedItem(kind: .action, text: "Share the discharge data weekly", owner: "Ben"),
            CarriedItem(kind: .action, text: "Invite the voluntary sector", owner: "Ben"),
            CarriedItem(kind: .signal, text: "Waiting lists are not the only story"),
            CarriedItem(kind: .cue, text: "Handover times at 8am"),
        ])
    }

    @Test func aFollowUpOpensWithReviewBetweenWelcomeAndThePlan() {
        var room = followUpRoom()
        let session = room.session
        #expect(session.stages.count == 10)
        #expect(session.stages[1] == .review)
        #expect(session.firstPlanStage == 2)
        #expect(session.planNumber(ofStage: 1) == nil)
        #expect(session.planNumber(ofStage: 2) == 1)
        #expect(session.planNumber(ofStage: 8) == 7)
        #expect(session.stageIndex(ofPlanNumber: 1) == 2)
        #expect(session.stageIndex(ofPlanNumber: 8) == nil)
        #expect(session.timeboxes[1].budget == FollowUp.reviewMinutes * 60)
        room.type("/next")
        #expect(room.session.stage == .review)
        // Numbers are the plan's as people see them; Welcome is 0, Close n + 1.
        room.type("/goto 1")
        #expect(room.session.stage.element == .identity)
        room.type("/goto review")
        #expect(room.session.current == 1)
        room.type("/goto 8")
        #expect(room.session.stage == .close)
        room.type("/goto 0")
        #expect(room.session.current == 0)
        // Any number, however large, is a stage or an error, never a trap.
        for number in [Int.max, Int.min, -1] {
            #expect(room.type("/goto \(number)") == [.bell])
            room.state.input.clear()
        }
        #expect(room.type("/goto 9") == [.bell])
        #expect(room.message == .error("No stage \"9\": stages are 1 to 7, Welcome is 0, Review and Close is 8, or a name."))
        room.expectReplayMatches()
    }

    @Test func markRecordsWhatBecameOfAnItemAndALaterMarkReplacesIt() {
        var room = followUpRoom()
        room.type("/next")
        let effects = room.type("/mark 1 done running since May")
        #expect(effects == [write(.reviewed(item: 1, status: .done, note: "running since May"))])
        #expect(room.message == .info("Item 1 marked done."))
        #expect(room.session.turnHolder == "Ana", "a mark is the room's, not a turn")
        room.type("/mark 2 in progress first meeting booked")
        room.type("/mark 4 carry forward")
        room.type("/mark 1 dropped")
        #expect(room.session.reviews == [
            1: ReviewMark(status: .dropped),
            2: ReviewMark(status: .inProgress, note: "first meeting booked"),
            4: ReviewMark(status: .carried),
        ])
        let review = Synthesis(room.session).review
        #expect(review.map(\.number) == [1, 2, 3, 4])
        #expect(review[2].mark == nil)
        room.expectReplayMatches()
    }

    /// A cue or signal is watched, or not: "done" is refused with what to say instead, and
    /// nothing is recorded; the other marks are taken.
    @Test func aCueOrSignalCannotBeMarkedDone() {
        var room = followUpRoom()
        room.type("/next")
        #expect(room.type("/mark 4 done") == [.bell])
        #expect(room.message == .error("A cue is watched, or not: /mark 4 progress (still watched), dropped or carry."))
        room.state.input.clear()
        #expect(room.type("/mark 3 done") == [.bell])
        #expect(room.message == .error("A signal is watched, or not: /mark 3 progress (still watched), dropped or carry."))
        room.state.input.clear()
        #expect(room.session.reviews.isEmpty)
        #expect(room.type("/mark 4 progress") == [write(.reviewed(item: 4, status: .inProgress, note: nil))])
        room.expectReplayMatches()
    }

    @Test func textInTheReviewIsAnUpdateFromWhoseTurnItIs() {
        var room = followUpRoom()
        room.type("/next")
        let effects = room.type("The data goes out every Monday")
        #expect(effects == [write(.contributed(item(1, "Ana", stage: 1, .update, "The data goes out every Monday"), advancesTurn: true))])
        #expect(room.session.turnHolder == "Ben")
    }

    @Test func markIsRefusedWithAReasonAndTheTextKept() {
        var plain = Room()
        plain.type("/next")
        #expect(plain.type("/mark 1 done") == [.bell])
        #expect(plain.message == .error("This session follows up no earlier one: sensemaking run --follow-up PREVIOUS.md starts one that does."))
        #expect(plain.input == "/mark 1 done")

        var room = followUpRoom()
        #expect(room.type("/mark 5 done") == [.bell])
        #expect(room.message == .error("Items are numbered 1 to 4."))
        room.state.input.clear()
        #expect(room.type("/mark 2 finished-ish") == [.bell])
        #expect(room.message == .error("/mark 2: \"finished-ish\" is not done, progress, dropped or carry."))
        room.state.input.clear()
        #expect(room.type("/mark 2") == [.bell])
        #expect(room.message == .error("/mark 2 needs what became of it: done, progress, dropped or carry."))
        room.state.input.clear()
        #expect(room.type("/mark two done") == [.bell])
        #expect(room.session.reviews.isEmpty)
    }

    @Test(arguments: [
        ("/mark 3 done", Command.mark(3, .done, nil)),
        ("/mark #3 Done  the note", Command.mark(3, .done, "the note")),
        ("/mark 3 in progress", Command.mark(3, .inProgress, nil)),
        ("/mark 3 in progressive steps", Command.mark(3, .inProgress, nil)),
        ("/mark 3 ongoing half way", Command.mark(3, .inProgress, "half way")),
        ("/mark 3 carry forward to June", Command.mark(3, .carried, "to June")),
        ("/mark 3 carry forwarding", Command.mark(3, .carried, "forwarding")),
        ("/mark 3 dropped no budget", Command.mark(3, .dropped, "no budget")),
        ("/mark 3 in progress\nthe note on its own line", Command.mark(3, .inProgress, "the note on its own line")),
    ])
    func markReadsItsStatusWords(_ line: String, _ expected: Command) {
        if line == "/mark 3 in progressive steps" {
            // "in" alone is not a status: "progressive" is not "progress".
            #expect(CommandParser.parse(line) == .failure(CommandError("/mark 3: \"in\" is not done, progress, dropped or carry.")))
            return
        }
        #expect(CommandParser.parse(line) == .success(.command(expected)))
    }

    @Test func aFollowUpOfAFollowUpKeepsWhatIsStillOpenWithWhatWasSaid() {
        var room = followUpRoom()
        room.type("/mark 1 done")
        room.type("/mark 2 in progress booked")
        room.type("/mark 3 dropped")
        // 4 is not marked: still open.
        room.type("/goto enactment")
        room.type("/owner Ana")
        room.type("Write one winter plan")
        let next = FollowUp(of: room.session, log: "april.md")
        #expect(next.previousLog == "april.md")
        #expect(next.items == [
            CarriedItem(kind: .action, text: "Invite the voluntary sector", owner: "Ben", history: ["in progress: booked"]),
            CarriedItem(kind: .cue, text: "Handover times at 8am"),
            CarriedItem(kind: .action, text: "Write one winter plan", owner: "Ana"),
        ])
    }

    @Test func aMarkForAnItemThatDoesNotExistChangesNothingOnReplay() {
        var session = followUpRoom().session
        session.apply(Record(time: t0, event: .reviewed(item: 9, status: .done, note: nil)))
        session.apply(Record(time: t0, event: .reviewed(item: 0, status: .done, note: nil)))
        #expect(session.reviews.isEmpty)
    }
}

@Suite("The plausibility board: what would change our mind")
struct MindChangerTests {
    @Test func mindNotesAgainstAStoryByItsBoardNumber() {
        var room = Room()
        room.type("/goto social")
        room.type("Night shift")          // #1
        room.type("The bridge")           // #2
        room.type("/undo")
        room.type("Two teams")            // #3: story 2 on the board
        room.type("/goto plausibility")
        let effects = room.type("/mind 2 If the teams split again next winter")
        #expect(effects == [write(.mindChanger(story: 3, text: "If the teams split again next winter"))])
        #expect(room.message == .info("Noted what would change our mind about story 2."))
        #expect(room.session.turnHolder == "Ana")
        let ranking = Synthesis(room.session).ranking
        #expect(ranking.map(\.mindChangers) == [[], ["If the teams split again next winter"]])
        #expect(room.type("/mind 3 x") == [.bell])
        #expect(room.message == .error("Stories are numbered 1 to 2."))
        room.expectReplayMatches()
    }

    @Test func mindWithoutStoriesOrTextIsRefused() {
        var room = Room()
        room.type("/goto plausibility")
        #expect(room.type("/mind 1 a cue") == [.bell])
        #expect(room.message == .error("There are no stories yet to note against."))
        #expect(CommandParser.parse("/mind 1") == .failure(CommandError("/mind needs what would change our mind: /mind STORY TEXT")))
    }
}

@Suite("Identity map and speaking balance")
struct IdentityBalanceTests {
    @Test func identitiesAreMappedByWhoAndWhereAndBalanceIsByArrival() {
        var room = Room()
        room.type("/next")
        room.type("/as a GP")
        room.type("I hold two badges")                    // Ana as a GP, stage 1
        room.type("/as the council")
        room.type("We pay for care")                      // Ben as the council
        room.type("/pass")                                // Chi passes
        room.type("/next")
        room.type("Winter 2020")                          // Ana as a GP, stage 2
        let synthesis = Synthesis(room.session)
        #expect(synthesis.identityMap == [
            Synthesis.Voice(identity: "a GP", count: 2, speakers: ["Ana"], stages: [1, 2]),
            Synthesis.Voice(identity: "the council", count: 1, speakers: ["Ben"], stages: [1]),
        ])
        let all = "I hold two badges".count + "We pay for care".count + "Winter 2020".count
        #expect(synthesis.balance == [
            Synthesis.Share(participant: "Ana", contributions: 2, characters: 28, percent: Int((28.0 * 100 / Double(all)).rounded())),
            Synthesis.Share(participant: "Ben", contributions: 1, characters: 15, percent: Int((15.0 * 100 / Double(all)).rounded())),
            Synthesis.Share(participant: "Chi", contributions: 0, characters: 0, percent: 0),
        ])
        #expect(synthesis.spoken == 3)
    }

    @Test func anAnonymousSessionHasCountsOnly() {
        var room = Room(anonymous: true)
        room.type("/next")
        room.type("/as a GP")
        room.type("I hold two badges")
        room.type("/as a GP")
        room.type("So do I")
        let synthesis = Synthesis(room.session)
        #expect(synthesis.identityMap == [Synthesis.Voice(identity: "a GP", count: 2, speakers: [], stages: [1])])
        #expect(synthesis.balance.isEmpty)
        #expect(synthesis.spoken == 2)
    }
}
