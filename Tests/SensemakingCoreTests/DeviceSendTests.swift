import Foundation
import Testing
@testable import SensemakingCore

/// A device's send goes through `reduce` as a key press does, and is answered from the state.
@Suite struct DeviceSendTests {
    func inIdentity(anonymous: Bool = false) -> Room {
        var room = Room(anonymous: anonymous)
        room.type("/next")
        return room
    }

    @Test func aSendInTurnIsAContributionWithItsKeyAndMovesTheTurn() {
        var room = inIdentity()
        let effects = room.send(.device(.send(participant: "Ana", text: "Nurse", key: "k1")))
        let expected = Contribution(id: 1, author: "Ana", stage: StageIndex.identity, kind: .identity, text: "Nurse",
                                    time: t0, sendKey: "k1")
        #expect(effects == [.append(Record(time: t0, event: .contributed(expected, advancesTurn: true)))])
        #expect(room.session.contributions == [expected])
        #expect(room.session.sendKeys == ["k1"])
        #expect(room.session.turnHolder == "Ben")
        #expect(room.state.deviceRefusals.isEmpty)
    }

    @Test func aRetriedKeyIsNotSavedTwice() {
        var room = inIdentity()
        room.send(.device(.send(participant: "Ana", text: "Nurse", key: "k1")))
        let before = room.state
        let effects = room.send(.device(.send(participant: "Ana", text: "Nurse", key: "k1")))
        #expect(effects.isEmpty)
        #expect(room.state == before)
    }

    @Test func aSendOutOfTurnIsRefusedPrivately() {
        var room = inIdentity()
        let effects = room.send(.device(.send(participant: "Ben", text: "Porter", key: "k2")))
        #expect(effects.isEmpty, "no bell on the projected screen")
        #expect(room.state.message == nil)
        #expect(room.session.contributions.isEmpty)
        #expect(room.state.deviceRefusals == ["k2": "It is not your turn yet: keep your draft and send on your turn."])
    }

    @Test func refusalsSayWhy() {
        let welcome = Room().session
        #expect(Step.refusal(of: "Ana", text: "x", in: welcome) == "Contributions begin after Welcome.")
        let identity = inIdentity().session
        #expect(Step.refusal(of: "Zed", text: "x", in: identity) == "Join first: pick your name.")
        #expect(Step.refusal(of: nil, text: "x", in: identity) == "Join first: pick your name.")
        #expect(Step.refusal(of: "Ana", text: "  ", in: identity) != nil)
        #expect(Step.refusal(of: "Ana", text: "ok", in: identity) == nil)
    }

    @Test func anAnonymousSessionsFloorIsOpenAndItsJournalKeepsNoName() {
        var room = inIdentity(anonymous: true)
        let effects = room.send(.device(.send(participant: nil, text: "Unsaid", key: "k3")))
        let expected = Contribution(id: 1, author: nil, stage: StageIndex.identity, kind: .identity, text: "Unsaid",
                                    time: t0, sendKey: "k3")
        #expect(effects == [.append(Record(time: t0, event: .contributed(expected, advancesTurn: false)))])
        #expect(room.session.turnHolder == "Ana", "the turn does not move for an anonymous send")
    }

    @Test func theTextIsCleanedAsAKeyPressIs() {
        var room = inIdentity()
        room.send(.device(.send(participant: "Ana", text: "Nur\u{202E}se\u{200B}", key: "k4")))
        #expect(room.session.contributions.first?.text == "Nurse")
    }
}
