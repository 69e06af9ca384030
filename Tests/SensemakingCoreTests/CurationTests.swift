import Foundation
import Testing
@testable import SensemakingCore

@Suite("Curating what was said: kinds, moves, retractions, stage-only tags, names, private notes")
struct CurationTests {
    func room(in index: Int) -> Room {
        var room = Room()
        room.type("/goto \(index)")
        return room
    }

    // MARK: /kind

    @Test func kindMakesAnObservationAnActionOwnedByItsAuthor() {
        var room = room(in: StageIndex.enactment)
        room.type("Our actions do not match our words")      // #1 Ana, an observation
        #expect(Synthesis(room.session).actions.isEmpty)
        #expect(room.type("/kind 1 action") == [write(.rekinded(id: 1, kind: .action, owner: "Ana"))])
        #expect(room.message == .info("#1 is now an action."))
        #expect(room.session.contribution(1)?.kind == .action)
        #expect(room.session.contribution(1)?.tags.owner == "Ana")
        #expect(Synthesis(room.session).actions.map(\.id) == [1])
        #expect(room.type("/kind #1 observation") == [write(.rekinded(id: 1, kind: .observation, owner: nil))])
        #expect(Synthesis(room.session).actions.isEmpty)
        #expect(FollowUp(of: room.session, log: "x.md").items.isEmpty)
        room.expectReplayMatches()
    }

    @Test func kindIsRefusedWithTheKindsTheStageAllows() {
        var room = room(in: StageIndex.enactment)
        room.type("Ring the council")
        #expect(room.type("/kind 1 story") == [.bell])
        #expect(room.message == .error("In Enactment, #1 can be: observation, action."))
        #expect(room.input == "/kind 1 story")
        room.key(.clearInput)
        room.type("/kind 1 observation")
        #expect(room.message == .info("#1 is already an observation."))
        room.type("/kind 9 action")
        #expect(room.message == .error("There is no contribution #9 to change."))
        room.key(.clearInput)
        room.type("/note quiet room")
        room.type("/kind 2 action")
        #expect(room.message == .error("#2 is a facilitator note; a note stays a note."))
        room.key(.clearInput)
        room.type("/kind 1")
        #expect(room.message == .error("/kind needs a kind: /kind N KIND"))
        #expect(room.records.filter { if case .rekinded = $0.event { true } else { false } }.isEmpty)
    }

    // MARK: Replies in Social activity

    @Test func anOutOfTurnLineAfterAStoryIsAReplyToIt() {
        var room = room(in: StageIndex.social)
        room.type("@Ben I was at that meeting")                // before any story: a story
        room.type("The night the wards merged")                 // #2 Ana, in turn: a story
        #expect(room.type("@Chi I was there too") == [
            write(.contributed(item(3, "Chi", stage: StageIndex.social, .reply, "I was there too", tags: Tags(replyTo: 2)),
                               advancesTurn: false)),
        ])
        #expect(room.message == .info("#3 is a reply to #2; /kind 3 story makes it a story."))
        #expect(room.session.stories.map(\.id) == [1, 2])
        room.type("/kind 3 story")
        #expect(room.session.stories.map(\.id) == [1, 2, 3])
        room.type("/kind 1 reply")
        #expect(room.session.stories.map(\.id) == [2, 3])
        room.expectReplayMatches()
    }

    // MARK: /move

    @Test func moveTakesTheNewStagesKind() {
        var room = room(in: StageIndex.enactment)
        room.type("We told the story of the winter")            // #1 Ana, an observation
        #expect(room.type("/move 1 social") == [write(.moved(id: 1, stage: StageIndex.social, kind: .story))])
        #expect(room.message == .info("#1 moved to Social activity, as a story."))
        #expect(room.session.items(inStage: StageIndex.enactment).isEmpty)
        #expect(room.session.items(inStage: StageIndex.social).map(\.id) == [1])
        #expect(room.session.stories.map(\.id) == [1])
        #expect(Synthesis(room.session).counts.map(\.count) == [0, 0, 0, 1, 0, 0, 0])
        room.expectReplayMatches()
    }

    @Test func aMovedContributionKeepsItsPlaceByTime() {
        var room = room(in: StageIndex.identity)
        room.type("First")                                       // #1
        room.type("/goto social")
        room.type("Second")                                      // #2
        room.type("/goto identity")
        room.type("Third")                                       // #3
        room.type("/move 2 1")
        #expect(room.session.items(inStage: StageIndex.identity).map(\.id) == [1, 2, 3])
        #expect(room.session.contribution(2)?.kind == .identity)
        room.expectReplayMatches()
    }

    @Test func anActionWithAnOwnerStaysAnActionWhenMovedBack() {
        var room = room(in: StageIndex.enactment)
        room.type("/owner Ben")
        room.type("Call the council")                            // #1, an action owned by Ben
        room.type("/move 1 cues")
        #expect(room.session.contribution(1)?.kind == .cue)
        room.type("/move 1 enactment")
        #expect(room.records.last?.event == .moved(id: 1, stage: StageIndex.enactment, kind: .action))
        #expect(Synthesis(room.session).actions.map(\.tags.owner) == ["Ben"])
        room.expectReplayMatches()
    }

    @Test func moveIsRefusedWithAReason() {
        var room = room(in: StageIndex.enactment)
        room.type("Something")
        #expect(room.type("/move 1 welcome") == [.bell])
        #expect(room.message == .error("Welcome holds names, not contributions."))
        room.key(.clearInput)
        room.type("/move 1 nowhere")
        #expect(room.message == .error("No stage \"nowhere\": stages are 1 to 7, Welcome is 0 and Close is 8, or a name."))
        room.key(.clearInput)
        #expect(room.type("/move 1 3") == [])
        #expect(room.message == .info("#1 is already in Enactment."))
        room.type("/move 4 3")
        #expect(room.message == .error("There is no contribution #4 to move."))
    }

    // MARK: /undo N

    @Test func undoNRetractsAnyContributionInAnyStage() {
        var room = room(in: StageIndex.social)
        room.type("A story")                                    // #1
        room.type("@Ben A reply")                               // #2
        room.type("/goto cues")
        room.type("A cue")                                      // #3
        #expect(room.type("/undo 2") == [write(.retracted(id: 2))])
        #expect(room.message == .info("Retracted #2; the log keeps it, marked retracted."))
        #expect(room.session.contribution(2)?.retracted == true)
        #expect(room.session.contribution(3)?.retracted == false)
        #expect(room.type("/undo #2") == [.bell])
        #expect(room.message == .error("#2 is already retracted."))
        room.key(.clearInput)
        room.type("/undo 7")
        #expect(room.message == .error("There is no contribution #7 to undo."))
        room.key(.clearInput)
        room.type("/undo now")
        #expect(room.message == .error("/undo needs a contribution number, or nothing: /undo [N]"))
        room.expectReplayMatches()
    }

    // MARK: Stage-only tags

    @Test func whenAndOwnerAreRefusedOutsideTheirStages() {
        var room = room(in: StageIndex.identity)
        #expect(room.type("/when 2019") == [.bell])
        #expect(room.message == .error("/when dates a memory: it works in Retrospection only."))
        room.key(.clearInput)
        #expect(room.type("/owner Ben") == [.bell])
        #expect(room.message == .error("/owner names who owns an action: it works in Enactment only."))
        room.key(.clearInput)
        room.type("I am a GP")
        #expect(room.session.contribution(1)?.tags == Tags())
        #expect(room.records.count == 2)                        // the stage and the contribution
    }

    @Test func aPendingTagLeftBehindSticksToNothingElsewhere() {
        var room = room(in: StageIndex.retrospection)
        room.type("/when 2019")
        room.type("/goto identity")
        room.type("As a nurse")
        #expect(room.session.contribution(1)?.tags.when == nil)
        room.expectReplayMatches()
    }

    @Test func ownerChecksNamesAndSaysDidYouMean() {
        var room = room(in: StageIndex.enactment)
        #expect(room.type("/owner Bne") == [.bell])
        #expect(room.message == .error("No one called Bne is here: did you mean Ben? /owner Bne! names someone not in the room."))
        room.key(.clearInput)
        #expect(room.type("/owner \"Director of Nursing\"! by 15 Jan") == [
            write(.pendingOwner("Director of Nursing")), write(.pendingDue("15 Jan")),
        ])
        #expect(room.message == .info("The next action is owned by Director of Nursing, due 15 Jan."))
        room.type("Fund the pilot")
        #expect(room.session.contribution(1) == item(1, "Ana", stage: StageIndex.enactment, .action, "Fund the pilot",
                                                     tags: Tags(owner: "Director of Nursing", due: "15 Jan")))
        #expect(room.session.pendingOwner == nil && room.session.pendingDue == nil)
        room.type("/owner ben By Friday")
        room.type("Write it up")
        #expect(room.session.contribution(2)?.tags == Tags(owner: "Ben", due: "Friday"))
        room.expectReplayMatches()
    }

    // MARK: Welcome

    @Test func aCommandWordOnWelcomeAsksBeforeItBecomesAName() {
        var room = Room([])
        #expect(room.type("next") == [])
        #expect(room.message == .info("Add 'next' as a participant? /next is the command; Enter again adds it."))
        #expect(room.input == "next")
        #expect(room.session.roster.isEmpty)
        #expect(room.key(.enter) == [write(.joined("next"))])
        #expect(room.session.roster == ["next"])
    }

    @Test func aSentenceOnWelcomeAsksAndAnotherLineForgetsTheQuestion() {
        var room = Room([])
        #expect(room.type("I am a GP partner and I chair our PCN") == [])
        #expect(room.message == .info("Add 'I am a GP partner and I…' as a participant? Enter again adds it."))
        room.key(.clearInput)
        #expect(room.type("Ana Maria de Souza") == [])          // four words: asked too
        room.key(.clearInput)
        #expect(room.type("Ana, Ben") == [write(.joined("Ana")), write(.joined("Ben"))])
        #expect(room.state.confirming == nil)
    }

    @Test func undoOnWelcomeTakesBackTheLastName() {
        var room = Room([])
        room.type("Ana, Ben")
        #expect(room.type("/undo") == [write(.left("Ben"))])
        #expect(room.message == .info("Took back Ben."))
        #expect(room.session.roster == ["Ana"])
        #expect(room.session.everyone == ["Ana"])
        room.type("/undo")
        room.type("/undo")
        #expect(room.message == .error("There is no name to take back."))
        room.expectReplayMatches()
    }

    @Test func leaveOfSomeoneWhoSaidNothingDropsThemFromTheReport() {
        var room = Room(["Ana", "Ben", "Chi"])
        room.type("/next")
        room.type("A nurse")                                    // Ana
        room.type("/leave Ana")
        room.type("/leave Chi")
        #expect(room.session.everyone == ["Ana", "Ben"])
        #expect(Synthesis(room.session).balance.map(\.participant) == ["Ana", "Ben"])
        room.expectReplayMatches()
    }

    @Test func nextWithNobodyHereAsksForANameButNotInAnAnonymousSession() {
        var room = Room([])
        #expect(room.type("/next") == [])
        #expect(room.session.current == 0)
        var anonymous = Room([], anonymous: true)
        #expect(anonymous.type("/next") == [write(.stageEntered(1))])
    }

    // MARK: Notes, /edit N, /end

    @Test func aNoteIsPrivate() {
        var room = room(in: StageIndex.identity)
        room.type("/note tension between trust and council")
        #expect(room.message == .info("Note kept, for the facilitator only: the room sees that one was kept, not what it says."))
        #expect(room.session.contribution(1)?.isPrivate == true)
        #expect(Synthesis(room.session).spoken == 0)
    }

    @Test func editAloneLoadsTheTextToAmend() {
        var room = room(in: StageIndex.identity)
        room.type("A nures\nand a mother")
        #expect(room.type("/edit 1") == [])
        #expect(room.input == "/edit 1 A nures\nand a mother")
        #expect(room.message == .info("#1 is in the box: change it and press Enter."))
        room.key(.clearInput)
        room.type("/edit 1 A nurse\nand a mother")
        #expect(room.session.contribution(1)?.history == ["A nures\nand a mother"])
    }

    @Test func endAsksOnceWhileSomeoneHasNotSpoken() {
        var room = room(in: StageIndex.identity)
        room.type("A nurse")                                    // Ana
        room.type("/pass")                                      // Ben
        room.type("/end")
        #expect(room.message == .info("Ben and Chi have not spoken: Enter again closes."))
        room.key(.clearInput)
        room.type("/pass")                                      // another line forgets the question
        #expect(room.type("/end") == [])
        #expect(room.key(.enter) == [write(.ended), .exit(.end)])
    }

    @Test func endAtCloseAsksWhileSomeoneHasNotCheckedOut() {
        var room = room(in: StageIndex.identity)
        room.type("A nurse")                                    // Ana
        room.type("A GP")                                       // Ben
        room.type("A manager")                                  // Chi
        room.type("/goto close")
        room.type("Listening more")                             // Ana checks out
        room.type("/note Chi was quiet")                        // a note is not a check-out
        room.type("/end")
        #expect(room.message == .info("Ben and Chi have not spoken in the check-out: Enter again closes."))
        #expect(room.key(.enter) == [write(.ended), .exit(.end)])
    }

    // MARK: Partial dots

    @Test func partialDotsSayHowManyAreLeftAndAddUp() {
        var room = Room(plan: plan(Element.allCases, dots: 3))
        room.type("/goto social")
        room.type("One"); room.type("Two"); room.type("Three")
        room.type("/goto plausibility")                        // Ana's turn again
        #expect(room.type("/dots 1") == [write(.dotsPlaced(participant: "Ana", stories: [1], advancesTurn: false))])
        #expect(room.message == .info("Ana's dots placed; 2 dots left: /dots N places them, /pass moves on."))
        #expect(room.type("/dots 2") == [write(.dotsPlaced(participant: "Ana", stories: [1, 2], advancesTurn: false))])
        #expect(room.message == .info("Ana's dots placed; 1 dot left: /dots N places it, /pass moves on."))
        #expect(room.type("/dots 3 3") == [.bell])
        #expect(room.message == .error("Ana has 1 dot left: /dots with one story, or /pass moves on."))
        room.key(.clearInput)
        #expect(room.type("/dots 3") == [write(.dotsPlaced(participant: "Ana", stories: [1, 2, 3], advancesTurn: true))])
        #expect(room.message == .info("Ana's dots placed."))
        #expect(room.session.turnHolder == "Ben")
        room.type("/dots 3")                                    // Ben: 1 of 3, still his turn
        room.type("/pass")                                      // the facilitator moves on
        #expect(room.session.dotsPlaced(by: "Ben") == [3])
        #expect(room.session.turnHolder == "Chi")
        room.type("/dots 1")                                    // Chi's own vote, not Ben's
        #expect(room.session.dotsPlaced(by: "Chi") == [1])
        room.expectReplayMatches()
    }
}
