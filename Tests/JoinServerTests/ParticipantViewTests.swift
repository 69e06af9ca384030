import Foundation
@testable import JoinServer
import SensemakingCore
import Testing

/// The participant view's JSON, byte for byte (docs/join-api.md); UPDATE_GOLDENS=1 rewrites.
@Suite struct ParticipantViewTests {
    func golden(_ name: String, _ view: ParticipantView, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectGoldenJSON(name, view, sourceLocation: sourceLocation)
    }

    @Test func welcomeBeforeAnyoneHasPickedAName() throws {
        try golden("welcome-not-joined", ParticipantView(session(stage: 0), participant: nil))
    }

    @Test func identityWithOwnContributionsOnly() throws {
        let view = ParticipantView(session(["Ana", "Ben", "Chi"], records: [
            said(1, "Ana", "Nurse, and a mother of a patient", stage: 1, kind: .identity),
            said(2, "Ben", "Porter", stage: 1, kind: .identity),
            .contributed(Contribution(id: 3, author: nil, stage: 1, kind: .note, text: "Private", time: t0 + 100), advancesTurn: false),
            said(4, "Ana", "Union rep", stage: 1, kind: .identity, advances: false),
            .retracted(id: 4),
        ]), participant: "Ana")
        #expect(view.mine.map(\.id) == [1])
        #expect(view.turn == "Chi")
        #expect(!view.yourTurn)
        try golden("identity-ana", view)
    }

    @Test func votingHidesDotsUntilEveryoneHasPlaced() throws {
        let stories: [Event] = [
            said(1, "Ana", "The night the lift broke", stage: 4, kind: .story),
            said(2, "Ben", "The pharmacy queue", stage: 4, kind: .story),
            .stageEntered(7),
            .dotsPlaced(participant: "Ana", stories: [2, 2, 1], advancesTurn: true),
        ]
        let hidden = ParticipantView(session(records: stories), participant: "Ben")
        #expect(hidden.board?.revealed == false)
        #expect(hidden.board?.stories.allSatisfy { $0.dots == nil } == true)
        try golden("plausibility-hidden-ben", hidden)
        // Ben has placed one of his three: still hidden, until the reveal.
        let voted = stories + [.dotsPlaced(participant: "Ben", stories: [1], advancesTurn: true)]
        let still = ParticipantView(session(records: voted), participant: "Ben")
        #expect(still.board?.revealed == false)
        #expect(still.board?.voted == ["Ana", "Ben"])
        #expect(still.board?.stories.allSatisfy { $0.dots == nil } == true)
        let all = voted + [.revealed]
        let revealed = ParticipantView(session(records: all), participant: "Ben")
        #expect(revealed.board?.stories.map(\.dots) == [2, 2])
        try golden("plausibility-revealed-ben", revealed)
    }

    @Test func anAnonymousDeviceSeesNoNamesAndMaySend() throws {
        let view = ParticipantView(session(["Ana", "Ben"], anonymous: true, records: [
            said(1, nil, "Nobody listens at handover", stage: 1, kind: .identity, advances: false),
        ]), participant: "Ana")
        #expect(view.you == nil)
        #expect(view.here.isEmpty)
        #expect(view.turn == nil)
        #expect(view.yourTurn)
        #expect(view.mine.isEmpty)
        try golden("identity-anonymous", view)
    }
}
