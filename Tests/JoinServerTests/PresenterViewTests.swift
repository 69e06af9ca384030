import Foundation
@testable import JoinServer
import SensemakingCore
import Testing

/// The presenter view's JSON, byte for byte (docs/join-api.md); UPDATE_GOLDENS=1 rewrites.
@Suite struct PresenterViewTests {
    func golden(_ name: String, _ view: PresenterView, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectGoldenJSON(name, view, sourceLocation: sourceLocation)
    }

    func state(_ session: Session, at seconds: Double, devices: [ConnectedDevice] = []) -> AppState {
        var state = AppState(session: session, logName: "test.md", now: t0 + seconds)
        state.devices = devices
        return state
    }

    @Test func identityMidStageWithNotesAndDevices() throws {
        // Identity entered at t0+60 with 10 minutes; at t0+360 five minutes have gone.
        let session = session(["Ana", "Ben", "Chi"], records: [
            said(1, "Ana", "Nurse, and a mother of a patient", stage: 1, kind: .identity),
            said(2, "Ben", "Porter", stage: 1, kind: .identity),
            .contributed(Contribution(id: 3, author: nil, stage: 1, kind: .note, text: "Chi is quiet: ask gently", time: t0 + 100),
                         advancesTurn: false),
            said(4, "Ana", "Union rep", stage: 1, kind: .identity, advances: false),
            .retracted(id: 4),
        ])
        let view = PresenterView(state(session, at: 360, devices: [ConnectedDevice(number: 1, name: "Ana"),
                                                                  ConnectedDevice(number: 2, name: nil)]))
        #expect(view.stages.map(\.name) == ["Identity", "Retrospection", "Enactment"])
        #expect(view.timer.left == 300)
        #expect(view.speaking.spokenHere == ["Ana", "Ben"])
        #expect(view.speaking.silentHere == ["Chi"])
        #expect(view.speaking.silentOverall == ["Chi"])
        #expect(view.items.map(\.id) == [1, 2])
        #expect(view.notes.map(\.text) == ["Chi is quiet: ask gently"])
        #expect(view.budget.over == 0)
        try golden("presenter-identity", view)
    }

    @Test func behindPlanAfterAnOvertimeStage() throws {
        // Identity from t0+60 to t0+1320 (21 minutes of 10), then Retrospection.
        var session = session(["Ana", "Ben"], records: [said(1, "Ana", "Nurse", stage: 1, kind: .identity)])
        session.apply(Record(time: t0 + 1320, event: .stageEntered(2)))
        let view = PresenterView(state(session, at: 1380))
        #expect(view.stages.first?.name == "Retrospection")
        #expect(view.budget.over == 11 * 60)
        #expect(view.speaking.spokenHere.isEmpty)
        #expect(view.speaking.silentOverall == ["Ben"])
        #expect(view.speaking.balance.map(\.percent) == [100, 0])
        try golden("presenter-behind", view)
    }

    /// Skipped with /goto, a stage is still to do: the budget is on plan, not "ahead of plan"
    /// by the skipped stages' time. A stage opened and left early counts what it took.
    @Test func stagesSkippedWithGotoAreNotTimeSaved() {
        // Identity opened at t0+60, then /goto 4 at t0+120: Retrospection and Enactment skipped.
        var skipped = session(["Ana", "Ben"], stage: 1)
        skipped.apply(Record(time: t0 + 120, event: .stageEntered(4)))
        let view = PresenterView(state(skipped, at: 180))
        #expect(view.stages.first?.name == "Social activity")
        let identity = skipped.stages[1].budget ?? 0   // stage 1, Identity (0 is Welcome)
        // Identity took one minute of its plan: that much ahead, and no more.
        #expect(view.budget.over == 60 - identity)
        #expect(view.budget.text == "\(identity / 60 - 1) min ahead of plan")

        // Straight to the fourth stage, nothing opened before it: on plan.
        let view4 = PresenterView(state(session(["Ana", "Ben"], stage: 4), at: 180))
        #expect(view4.budget.over == 0)
        #expect(view4.budget.text == "on plan")
    }

    @Test func theLastStagesShowWhatIsLeft() throws {
        let view = PresenterView(state(session(stage: 7), at: 120))
        #expect(view.stages.map(\.name) == ["Plausibility over accuracy", "Close"])
        #expect(view.stages.last?.minutes == nil)
    }

    @Test func anAnonymousSessionShowsCountsNotNames() throws {
        let session = session(["Ana", "Ben"], anonymous: true, records: [
            said(1, nil, "Nobody listens at handover", stage: 1, kind: .identity, advances: false),
        ])
        let view = PresenterView(state(session, at: 200))
        #expect(view.here.isEmpty)
        #expect(view.turn == nil)
        #expect(view.speaking.spokenHere.isEmpty && view.speaking.silentHere.isEmpty)
        #expect(view.speaking.silentOverall.isEmpty && view.speaking.balance.isEmpty)
        #expect(view.speaking.countHere == 1)
        try golden("presenter-anonymous", view)
    }

    @Test func aFailingJournalIsSaid() {
        var state = state(session(), at: 100)
        state.save = .notSaved(reason: "disk full", pending: 2)
        #expect(PresenterView(state).save == "NOT SAVED (2 waiting): disk full")
    }
}
