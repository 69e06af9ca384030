import Foundation
import Testing
@testable import SensemakingCore

@Suite("Plausibility: dots, cues and the synthesis")
struct PlausibilityTests {
    /// Three stories told in Social activity (ids 1, 2, 3 by Ana, Ben, Chi), then Plausibility
    /// with the turn back at Ana.
    func board(anonymous: Bool = false, dots: Int = 3) -> Room {
        var room = Room(plan: plan(Element.allCases, dots: dots), anonymous: anonymous)
        room.type("/goto social")
        room.type("Night shift")
        room.type("The bridge")
        room.type("Two teams")
        room.type("/goto plausibility")
        #expect(room.session.turnHolder == "Ana")
        return room
    }

    @Test func dotsArePlacedOnStoriesByBoardNumber() {
        var room = board()
        let effects = room.type("/dots 2 2 3")
        #expect(effects == [write(.dotsPlaced(participant: "Ana", stories: [2, 2, 3], advancesTurn: true))])
        #expect(room.message == .info("Ana's dots placed."))
        #expect(room.session.turnHolder == "Ben")
        #expect(room.session.dotsPlaced(by: "Ana") == [2, 2, 3])
        #expect(room.session.dotTotals == [2: 2, 3: 1])
        // Two of three: Ben's vote stays open, and the turn with him.
        #expect(room.type("/dots 1,3") == [write(.dotsPlaced(participant: "Ben", stories: [1, 3], advancesTurn: false))])
        #expect(room.message == .info("Ben's dots placed; 1 dot left: /dots N places it, /pass moves on."))
        #expect(room.session.turnHolder == "Ben")
        #expect(room.session.dotTotals == [1: 1, 2: 2, 3: 2])
        room.expectReplayMatches()
    }

    @Test func placingAgainReplacesTheParticipantsDots() {
        var room = board()
        room.type("/dots 1 1 1")
        room.type("/turn Ana")
        room.type("/dots 3")
        #expect(room.session.dotsPlaced(by: "Ana") == [3])
        #expect(room.session.dots == [DotPlacement(participant: "Ana", stories: [3])])
        #expect(room.session.dotTotals == [3: 1])
        room.expectReplayMatches()
    }

    /// Ana places one of her three dots and passes, Ben places all his, Chi passes: the turn
    /// is back with Ana, asked for the two she has left.
    func partVoteAndTheTurnBack(anonymous: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> Room {
        var room = board(anonymous: anonymous)
        room.type("/dots 1")                          // Ana: one of three
        room.type("/pass")
        room.type("/dots 2 2 2")                      // Ben: all of his
        room.type("/pass")                            // Chi passes
        #expect(room.session.turnHolder == "Ana", sourceLocation: sourceLocation)
        #expect(room.state.dotsAskedOfTurnHolder == 2, sourceLocation: sourceLocation)
        return room
    }

    /// A part vote left with /pass is still open when the turn comes back, and after a resume:
    /// the next /dots adds to it (it used to start again, and the dots placed before were lost).
    @Test func aPartVoteStaysOpenWhenTheTurnComesBack() {
        var room = partVoteAndTheTurnBack()
        #expect(room.type("/dots 3") == [write(.dotsPlaced(participant: "Ana", stories: [1, 3], advancesTurn: false))])
        #expect(room.message == .info("Ana's dots placed; 1 dot left: /dots N places it, /pass moves on."))
        #expect(room.session.dotTotals == [1: 1, 2: 3, 3: 1])
        #expect(room.type("/dots 1 2") == [.bell])
        #expect(room.message == .error("Ana has 1 dot left: /dots with one story, or /pass moves on."))
        room.expectReplayMatches()

        // Resumed from the journal, the part vote is still hers to finish.
        var resumed = room
        resumed.state = AppState(session: room.replayed)
        #expect(resumed.state.dotsAskedOfTurnHolder == 1)
        #expect(resumed.type("/dots 2") == [write(.dotsPlaced(participant: "Ana", stories: [1, 3, 2], advancesTurn: true))])
        #expect(resumed.session.dotsPlaced(by: "Ana") == [1, 3, 2])

        // All of them at once starts again.
        room.key(.clearInput)
        room.type("/dots 3 3 3")
        #expect(room.session.dotsPlaced(by: "Ana") == [3, 3, 3])
        room.expectReplayMatches()
    }

    /// An anonymous journal's dots add up and carry no name, so the screen keeps who placed
    /// what: a part vote is added to when the turn comes back, and nobody places more than
    /// their share (a second whole vote added dots before, and could reveal them early).
    @Test func anAnonymousPartVoteIsAddedToAndNoOneVotesTwice() {
        var room = partVoteAndTheTurnBack(anonymous: true)
        #expect(room.type("/dots 1 2 3") == [.bell])
        #expect(room.message == .error("Ana has 2 dots left: /dots with up to 2 stories, or /pass moves on."))
        room.key(.clearInput)
        // The journal says nothing that ties the dots to a turn; the turn moves on screen.
        #expect(room.type("/dots 3 3") == [write(.dotsPlaced(participant: nil, stories: [3, 3], advancesTurn: false))])
        #expect(room.message == .info("Dots placed."))
        #expect(room.session.turnHolder == "Ben")
        room.type("/turn Ana")
        #expect(room.state.dotsAskedOfTurnHolder == 0)
        #expect(room.type("/dots 1") == [.bell])
        #expect(room.message == .error("Ana has placed all 3 dots: /pass moves on."))
        #expect(room.session.dotTotals == [1: 1, 2: 3, 3: 2])
        #expect(!room.session.revealed)
        room.expectReplayMatches()
    }

    /// Resumed, an anonymous session cannot tell who placed the dots before: it refuses more
    /// than the room has left, asking whether this one voted (the board says how many are placed).
    @Test func aResumedAnonymousRoomPlacesNoMoreThanItsShare() {
        var room = board(anonymous: true)
        room.type("/dots 1 1 1")                      // Ana
        room.type("/dots 2 2 2")                      // Ben
        room.type("/dots 3 3")                        // Chi: two of three
        var resumed = room
        resumed.state = AppState(session: room.replayed)
        resumed.send(.resume)
        resumed.type("/join Ana, Ben, Chi")
        resumed.type("/turn Chi")
        #expect(resumed.state.dotsAskedOfTurnHolder == 1, "no more than the room has left")
        #expect(resumed.type("/dots 3 3") == [.bell])
        #expect(resumed.message == .error("The room has 1 dot left to place (3 each): has Chi voted already?"))
        resumed.key(.clearInput)
        #expect(resumed.type("/dots 3") == [write(.dotsPlaced(participant: nil, stories: [3], advancesTurn: false)), write(.revealed)])
        #expect(resumed.session.revealed)
    }

    @Test func dotsOverTheLimitAreRefusedAndKept() {
        var room = board()
        #expect(room.type("/dots 1 2 3 1") == [.bell])
        #expect(room.message == .error("Each person has 3 dots; that is 4."))
        #expect(room.input == "/dots 1 2 3 1")
        #expect(room.session.dots.isEmpty)
        #expect(room.session.turnHolder == "Ana")
    }

    @Test func aPlanWithNoDotsRefusesEveryDot() {
        var room = board(dots: 0)
        #expect(room.type("/dots 1") == [.bell])
        #expect(room.message == .error("Each person has 0 dots; that is 1."))
    }

    @Test func dotsOutsidePlausibilityAreRefused() {
        var room = board()
        room.type("/back")
        #expect(room.type("/dots 1") == [.bell])
        #expect(room.message == .error("Dots are placed in Plausibility over accuracy: /goto plausibility."))
        #expect(room.session.dots.isEmpty)
    }

    @Test func dotsOnAStoryThatIsNotOnTheBoard() {
        var room = board()
        #expect(room.type("/dots 1 4") == [.bell])
        #expect(room.message == .error("There is no story 4: stories are numbered 1 to 3."))
    }

    @Test func dotsWithoutStoriesOrWithoutAnyoneHere() {
        var room = Room()
        room.type("/goto plausibility")
        #expect(room.type("/dots 1") == [.bell])
        #expect(room.message == .error("There are no stories on the board yet."))

        var empty = Room([])
        empty.type("/goto plausibility")
        empty.type("/dots 1")
        #expect(empty.message == .error("No one is here yet: /join NAME adds a participant."))
    }

    @Test func malformedDots() {
        var room = board()
        room.type("/dots")
        #expect(room.message == .error("/dots needs story numbers: /dots 2 2 5"))
        room.key(.clearInput)
        room.type("/dots 1 two")
        #expect(room.message == .error("/dots takes story numbers, such as /dots 2 2 5; \"two\" is not one."))
        room.key(.clearInput)
        room.type("/dots 0")
        #expect(room.message == .error("/dots takes story numbers, such as /dots 2 2 5; \"0\" is not one."))
        #expect(room.records.count == 5)
    }

    @Test func aRetractedStoryLeavesTheBoardAndRenumbersIt() {
        var room = board()
        room.type("/dots 1 2")                       // Ana: stories 1 and 2
        room.type("/edit 2 The bridge, retold")
        room.type("/undo")                           // the latest contribution: story #3
        #expect(room.session.contribution(3)?.retracted == true)
        #expect(room.session.stories.map(\.id) == [1, 2])
        room.type("@Ana One more story")             // a narrative here, not a story
        #expect(room.session.stories.map(\.id) == [1, 2])
        #expect(room.type("/dots 3") == [.bell])
        #expect(room.message == .error("There is no story 3: stories are numbered 1 to 2."))
    }

    @Test func dotsOnARetractedStoryNoLongerCount() {
        var room = board()
        room.type("/dots 3 3 1")
        room.type("/goto social")
        room.type("/undo")                           // story #3 is the latest contribution
        #expect(room.session.dotTotals == [1: 1])
        #expect(room.session.dots == [DotPlacement(participant: "Ana", stories: [3, 3, 1])])
    }

    @Test func anonymousDotsCarryNoNameAndAddUp() {
        var room = board(anonymous: true)
        #expect(room.type("/dots 1 2") == [write(.dotsPlaced(participant: nil, stories: [1, 2], advancesTurn: false))])
        #expect(room.message == .info("Dots placed; 1 dot left: /dots N places it, /pass moves on."))
        #expect(room.type("/dots 2") == [write(.dotsPlaced(participant: nil, stories: [2], advancesTurn: false))])
        #expect(room.message == .info("Dots placed."))
        #expect(room.session.dotTotals == [1: 1, 2: 2])
        #expect(room.session.turnHolder == "Ben")
        room.expectReplayMatches()
    }

    @Test func cueLinksACueToAStory() {
        var room = board()
        #expect(room.type("/cue 2   A&E waits at 4am") == [write(.cueLinked(story: 2, cue: "A&E waits at 4am"))])
        #expect(room.message == .info("Cue linked to story 2."))
        #expect(room.session.cueLinks == [CueLink(story: 2, cue: "A&E waits at 4am")])
        #expect(room.session.turnHolder == "Ana")
        room.expectReplayMatches()
    }

    @Test func cueErrors() {
        var room = Room()
        room.type("/cue 1 waits")
        #expect(room.message == .error("There are no stories yet to link a cue to."))
        var board = board()
        board.type("/cue 4 waits")
        #expect(board.message == .error("Stories are numbered 1 to 3."))
        board.key(.clearInput)
        board.type("/cue waits")
        #expect(board.message == .error("/cue needs a story number: /cue STORY CUE"))
        board.key(.clearInput)
        board.type("/cue 1")
        #expect(board.message == .error("/cue needs a cue: /cue STORY CUE"))
        board.key(.clearInput)
        board.type("/cue 1 " + String(repeating: "c", count: 81))
        #expect(board.message == .error("A tag is 81 characters long; the most is 80."))
        #expect(board.session.cueLinks.isEmpty)
    }

    @Test func theSynthesisRanksStoriesByDotsThenByTheOrderTold() {
        var room = Room(["Ana", "Ben", "Chi", "Dee"])
        room.type("/goto identity")
        room.type("A nurse")
        room.type("/note not counted")
        room.type("/goto enactment")
        room.type("/owner Ben")
        room.type("Call the council")                // Ben
        room.type("Retracted action")                // Chi
        room.type("/undo")
        room.type("/goto social")
        room.type("Story one")                        // Dee, #5
        room.type("Story two")                        // Ana, #6
        room.type("Story three")                      // Ben, #7
        room.type("Story four")                       // Chi, #8
        room.type("/goto ongoing")
        room.type("Waiting lists grow")               // Dee, #9
        room.type("/goto cues")
        room.type("Ambulances queue")                 // Ana, #10
        room.type("/goto plausibility")
        room.type("/turn Ana")
        room.type("/dots 3 3")                        // Ana: story three twice (of three)
        room.type("/pass")                            // moves on: her vote stays as it is
        room.type("/dots 2 4")                        // Ben
        room.type("/pass")
        room.type("/dots 4 3")                        // Chi
        room.type("/pass")
        room.type("/cue 3 queues at the door")
        room.type("We are one team, mostly")          // Dee, a narrative, #11

        let synthesis = Synthesis(room.session)
        #expect(synthesis.counts.map(\.count) == [1, 0, 1, 4, 1, 1, 1])
        #expect(synthesis.counts.map(\.stage) == Array(1...7))
        #expect(synthesis.counts.map(\.name) == ["Identity", "Retrospection", "Enactment", "Social activity",
                                                  "Ongoing process", "Extracted cues", "Plausibility over accuracy"])
        #expect(synthesis.ranking.map(\.number) == [3, 4, 2, 1])
        #expect(synthesis.ranking.map(\.dots) == [3, 2, 1, 0])
        #expect(synthesis.ranking.map(\.story.text) == ["Story three", "Story four", "Story two", "Story one"])
        #expect(synthesis.ranking.map(\.cues) == [["queues at the door"], [], [], []])
        #expect(synthesis.mostPlausible.map(\.number) == [3])
        #expect(synthesis.actions.map(\.text) == ["Call the council"])
        #expect(synthesis.actions.map(\.tags.owner) == ["Ben"])
        #expect(synthesis.signals.map(\.text) == ["Waiting lists grow"])
        #expect(synthesis.cues.map(\.text) == ["Ambulances queue"])
        #expect(synthesis.narratives.map(\.text) == ["We are one team, mostly"])
        room.expectReplayMatches()
    }

    /// The most plausible are every story tied for the most dots, and none before any dot.
    @Test func theMostPlausibleAreEveryStoryTiedForTheMostDots() {
        var room = Room()
        room.type("/goto social")
        room.type("Story one")
        room.type("Story two")
        room.type("Story three")
        room.type("/goto plausibility")
        #expect(Synthesis(room.session).mostPlausible.isEmpty)
        room.type("/dots 3 1")
        #expect(Synthesis(room.session).mostPlausible.map(\.number) == [1, 3])
        room.type("/pass")
        room.type("/dots 3")
        #expect(Synthesis(room.session).mostPlausible.map(\.number) == [3])
    }
}
