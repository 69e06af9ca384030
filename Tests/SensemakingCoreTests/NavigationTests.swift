import Foundation
import Testing
@testable import SensemakingCore

@Suite("Moving between stages")
struct NavigationTests {
    @Test func nextWalksThroughEveryStageToClose() {
        var room = Room()
        let names = ["Identity", "Retrospection", "Enactment", "Social activity", "Ongoing process",
                     "Extracted cues", "Plausibility over accuracy", "Close"]
        for (offset, name) in names.enumerated() {
            #expect(room.type("/next") == [write(.stageEntered(offset + 1))])
            #expect(room.session.stage.name == name)
        }
        #expect(room.session.isLastStage)
        #expect(room.session.stage.captures == .checkout)
        #expect(room.type("/next") == [.bell])
        #expect(room.message == .error("This is the last stage: /end closes the session."))
        #expect(room.input == "/next")
        #expect(room.session.current == 8)
        room.expectReplayMatches()
    }

    @Test func backReturnsAndStopsAtWelcome() {
        var room = Room()
        room.type("/next")
        room.type("/next")
        #expect(room.type("/back") == [write(.stageEntered(1))])
        #expect(room.type("/BACK") == [write(.stageEntered(0))])
        #expect(room.type("/back") == [.bell])
        #expect(room.message == .error("This is the first stage."))
        #expect(room.session.current == 0)
    }

    @Test func gotoByNumberNameOrPrefix() {
        var room = Room()
        let targets: [(String, Int)] = [
            ("3", 3), ("retro", 2), ("Social activity", 4), ("cues", 6), ("plausibility", 7),
            ("close", 8), ("0", 0), ("extracted-cues", 6), ("IDENTITY", 1), ("Welcome", 0), ("8", 8),
        ]
        for (target, index) in targets {
            #expect(room.type("/goto \(target)") == [write(.stageEntered(index))], "/goto \(target)")
            #expect(room.session.current == index)
        }
        room.expectReplayMatches()
    }

    @Test func gotoAnUnknownStageSaysWhatThereIs() {
        var room = Room()
        #expect(room.type("/goto 9") == [.bell])
        #expect(room.message == .error("No stage \"9\": stages are 1 to 7, Welcome is 0 and Close is 8, or a name."))
        #expect(room.input == "/goto 9")
        room.key(.clearInput)
        room.type("/goto lunch")
        #expect(room.message == .error("No stage \"lunch\": stages are 1 to 7, Welcome is 0 and Close is 8, or a name."))
        room.key(.clearInput)
        // "o" starts words of several elements: ambiguous, so no stage.
        room.type("/goto o")
        #expect(room.message == .error("No stage \"o\": stages are 1 to 7, Welcome is 0 and Close is 8, or a name."))
        room.key(.clearInput)
        #expect(room.type("/goto") == [.bell])
        #expect(room.message == .error("/goto needs a stage: /goto N"))
        #expect(room.session.current == 0)
        #expect(room.records.isEmpty)
    }

    @Test func gotoTheCurrentStageIsANoteNotAMove() {
        var room = Room()
        room.type("/goto 2")
        #expect(room.type("/goto retrospection") == [])
        #expect(room.message == .info("Already in Retrospection."))
        #expect(room.input == "")
        #expect(room.records.count == 1)
    }

    @Test func aRepeatedElementGoesToTheNextOneAfterTheCurrentStage() {
        var room = Room(plan: plan([.identity, .enactment, .identity]))
        #expect(room.type("/goto identity") == [write(.stageEntered(1))])
        #expect(room.type("/goto identity") == [write(.stageEntered(3))])
        // From the last one, back round to the first.
        #expect(room.type("/goto identity") == [write(.stageEntered(1))])
    }

    @Test func aStageTitleFromThePlanIsAName() {
        let custom = Plan(title: "T", purpose: "P", stages: [
            PlanStage(element: .enactment, title: "Promises", prompts: ["What will you do?"], minutes: 5),
            PlanStage(element: .enactment),
        ])
        var room = Room(plan: custom)
        #expect(room.type("/goto promises") == [write(.stageEntered(1))])
        #expect(room.session.stage.name == "Promises")
        #expect(room.session.stage.prompts == ["What will you do?"])
        #expect(room.session.timebox.budget == 300)
        #expect(room.type("/goto 3") == [write(.stageEntered(3))])
        #expect(room.session.stage == .close)
    }

    @Test func movingResetsScrollAndTheRetrospectionView() {
        var room = Room()
        room.type("/goto retrospection")
        room.key(.toggleView)
        #expect(room.state.retrospectionView == .timeline)
        // The timeline opens at its start; the view keeps the page within what there is.
        #expect(room.state.scroll == AppState.scrollTop)
        room.type("/next")
        #expect(room.state.retrospectionView == .list)
        #expect(room.state.scroll == 0)
    }

    @Test func theTimelineViewOnlyTogglesInRetrospection() {
        var room = Room()
        room.type("/goto identity")
        #expect(room.key(.toggleView) == [])
        #expect(room.state.retrospectionView == .list)
        room.type("/goto retrospection")
        room.key(.toggleView)
        #expect(room.state.retrospectionView == .timeline)
        room.key(.toggleView)
        #expect(room.state.retrospectionView == .list)
    }

    @Test func pageKeysMoveAPageBackAndForwardNeverBelowZero() {
        var room = Room()
        room.key(.pageUp)
        room.key(.pageUp)
        #expect(room.state.scroll == 2)
        room.key(.pageDown)
        #expect(room.state.scroll == 1)
        room.key(.pageDown)
        room.key(.pageDown)
        #expect(room.state.scroll == 0)
    }

    /// The front end reports the page the view showed: PgUp stops at the top, and PgDn
    /// after Home moves from the page shown, not from the top asked for.
    @Test func theReportedPageBoundsThePageKeys() {
        var room = Room()
        room.send(.scrolled(page: 3, more: false))
        room.key(.pageUp)
        #expect(room.state.scroll == 3)
        room.key(.pageDown)
        #expect(room.state.scroll == 2)
        #expect(room.state.scrollMore == false)
        room.send(.scrolled(page: 2, more: true))
        room.key(.pageUp)
        #expect(room.state.scroll == 3)
    }

    /// A live view that cut its top part short (Close, the board, Review) says where PgDn
    /// goes on; from there PgDn pages as usual, and elsewhere PgDn on the live view stays.
    @Test func pageDownFromACutLiveViewGoesOnWithTheRest() {
        var room = Room()
        room.send(.scrolled(page: 0, more: true, down: 4))
        room.key(.pageDown)
        #expect(room.state.scroll == 4)
        room.send(.scrolled(page: 4, more: true))
        #expect(room.state.scrollDown == nil)
        room.key(.pageDown)
        #expect(room.state.scroll == 3)
        room.send(.scrolled(page: 0, more: false))
        room.key(.pageDown)
        #expect(room.state.scroll == 0)
    }

    @Test func homeAndEndReachTheListsEndsOnlyWithNothingTyped() {
        var room = Room()
        room.key(.home)
        #expect(room.state.scroll == AppState.scrollTop)
        room.key(.pageDown)
        #expect(room.state.scroll == AppState.scrollTop - 1)
        room.key(.end)
        #expect(room.state.scroll == 0)
        room.key(.character("x"))
        room.key(.home)
        #expect(room.state.scroll == 0)
        #expect(room.state.input.text == "x")
    }

    @Test func theQuitQuestionGoesWhenItNoLongerApplies() {
        var room = Room()
        room.key(.interrupt)
        #expect(room.state.message == .info(Step.quitQuestion))
        room.key(.character("a"))
        #expect(room.state.message == nil)
        #expect(room.state.quitArmed == false)
    }
}
