import Foundation
import Testing
@testable import SensemakingCore

/// Dots from devices, privately and at the same time, through the same reduce as `/dots`; and
/// `/floor`, which lets anyone here send from a device.
@Suite struct DeviceDotsTests {
    /// Three stories (ids 1, 2, 3), then Plausibility with the turn at Ana; three dots each.
    func board(anonymous: Bool = false) -> Room {
        RevealTests().board(anonymous: anonymous)
    }

    @Test func devicesPlaceDotsOutOfTurnAndTheLastRevealsThem() {
        var room = board()
        // Chi first, though it is Ana's turn: board numbers become story ids; no turn moves.
        let chi = room.send(.device(.dots(participant: "Chi", stories: [3, 3, 1], key: "k1")))
        #expect(chi == [write(.dotsPlaced(participant: "Chi", stories: [3, 3, 1], advancesTurn: false, key: "k1"))])
        #expect(room.session.turnHolder == "Ana")
        #expect(room.session.sendKeys == ["k1"])
        #expect(room.state.message == nil, "the projected screen says nothing but who has voted")
        #expect(room.session.voted == ["Chi"])
        #expect(!room.session.revealed)
        // A retry of the same key changes nothing.
        let before = room.state
        #expect(room.send(.device(.dots(participant: "Chi", stories: [3, 3, 1], key: "k1"))).isEmpty)
        #expect(room.state == before)
        // Ben places two, then changes his mind: the whole placement replaces the first.
        room.send(.device(.dots(participant: "Ben", stories: [2, 2], key: "k2")))
        room.send(.device(.dots(participant: "Ben", stories: [1, 2, 2], key: "k3")))
        #expect(room.session.dotsPlaced(by: "Ben") == [1, 2, 2])
        let ana = room.send(.device(.dots(participant: "Ana", stories: [1, 2, 3], key: "k4")))
        #expect(ana == [write(.dotsPlaced(participant: "Ana", stories: [1, 2, 3], advancesTurn: false, key: "k4")), write(.revealed)])
        #expect(room.session.revealed)
        #expect(room.state.message == .info("Everyone has voted: the dots are shown."))
        #expect(room.session.dotTotals == [1: 3, 2: 3, 3: 3])
        room.expectReplayMatches()
        #expect(room.replayed.sendKeys == ["k1", "k2", "k3", "k4"])
    }

    /// A phone's placement is that person's whole vote, as `/dots` is; placed part-way, it
    /// is a vote still open, so the keyboard's next `/dots` for them adds to it.
    @Test func aPartVoteFromAPhoneIsAddedToAtTheKeyboard() {
        var room = board()
        room.type("/dots 1")                          // Ana, at the keyboard: one of three
        room.send(.device(.dots(participant: "Ana", stories: [2], key: "k1")))
        #expect(room.session.dotsPlaced(by: "Ana") == [2], "the phone's vote replaces the keyboard's")
        #expect(room.state.dotsAskedOfTurnHolder == 2)
        #expect(room.type("/dots 3") == [write(.dotsPlaced(participant: "Ana", stories: [2, 3], advancesTurn: false))])
        #expect(room.session.dotsPlaced(by: "Ana") == [2, 3])
        room.expectReplayMatches()
    }

    @Test func devicesDotsAreRefusedToTheDeviceOnly() {
        var room = board()
        func refused(_ participant: String?, _ stories: [Int], _ key: String) -> String? {
            let effects = room.send(.device(.dots(participant: participant, stories: stories, key: key)))
            #expect(effects.isEmpty)
            return room.state.deviceRefusals[key]
        }
        #expect(refused("Ana", [1, 2, 3, 1], "a") == "Each person has 3 dots; that is 4.")
        #expect(refused("Ana", [4], "b") == "There is no story 4: stories are numbered 1 to 3.")
        #expect(refused("Ana", [], "c") == "Place at least one dot.")
        #expect(refused("Dee", [1], "d") == "Join first: pick your name.")
        room.type("/reveal")
        #expect(refused("Ana", [1], "e") == "The dots are revealed: voting has closed.")
        room.type("/goto 1")
        #expect(refused("Ana", [1], "f") == "Dots are placed in Plausibility over accuracy.")
        #expect(room.session.dots.isEmpty)
        #expect(room.state.message != .error("Each person has 3 dots; that is 4."))
    }

    @Test func anAnonymousRoomsDevicesAddUpAndRevealByCount() {
        var room = board(anonymous: true)
        room.send(.device(.dots(participant: nil, stories: [1, 1, 1], key: "a")))
        room.send(.device(.dots(participant: nil, stories: [2, 2, 2], key: "b")))
        #expect(!room.session.revealed)
        let last = room.send(.device(.dots(participant: nil, stories: [3, 1, 2], key: "c")))
        #expect(last == [write(.dotsPlaced(participant: nil, stories: [3, 1, 2], advancesTurn: false, key: "c")), write(.revealed)])
        #expect(room.session.dotTotals == [1: 4, 2: 4, 3: 1])
        room.expectReplayMatches()
    }

    /// An anonymous room's phones place no more than the room has left: their dots carry no
    /// name, so the room's total is what is checked, for the keyboard too.
    @Test func anAnonymousRoomsDevicesPlaceNoMoreThanTheRoomHasLeft() {
        var room = board(anonymous: true)
        room.send(.device(.dots(participant: nil, stories: [1, 1, 1], key: "a")))
        room.send(.device(.dots(participant: nil, stories: [2, 2, 2], key: "b")))
        room.send(.device(.dots(participant: nil, stories: [3, 3], key: "c")))
        #expect(room.session.anonymousDotsLeft == 1)
        #expect(room.send(.device(.dots(participant: nil, stories: [1, 2], key: "d"))).isEmpty)
        #expect(room.state.deviceRefusals["d"] == "The room has 1 dot left to place (3 each).")
        #expect(room.type("/dots 1 2") == [.bell])
        #expect(room.message == .error("The room has 1 dot left to place (3 each): has Ana voted already?"))
        #expect(room.session.dotTotals == [1: 3, 2: 3, 3: 2])
        #expect(!room.session.revealed)
    }

    @Test func floorOpenLetsAnyoneSendAndTurnsRestoresTurns() {
        var room = Room()
        room.state.join = JoinInfo(address: "http://192.168.1.5:8765/", code: "482913", qrOnDark: [], qrOnLight: [])
        room.type("/next")
        room.send(.device(.send(participant: "Ben", text: "Porter", key: "k1")))
        #expect(room.state.deviceRefusals["k1"] == "It is not your turn yet: keep your draft and send on your turn.")
        #expect(room.type("/floor open") == [write(.floor(open: true))])
        #expect(room.session.floorOpen)
        #expect(room.message == .info("The floor is open: anyone may send from a device. /floor turns restores turns."))
        #expect(ParticipantView(room.session, participant: "Ben").yourTurn)
        #expect(ParticipantView(room.session, participant: "Ben").floorOpen == true)
        // Ben, out of turn: saved, and the turn stays with Ana.
        let ben = room.send(.device(.send(participant: "Ben", text: "Porter", key: "k2")))
        let expected = Contribution(id: 1, author: "Ben", stage: StageIndex.identity, kind: .identity, text: "Porter", time: t0, sendKey: "k2")
        #expect(ben == [.append(Record(time: t0, event: .contributed(expected, advancesTurn: false)))])
        #expect(room.session.turnHolder == "Ana")
        #expect(room.type("/floor open").isEmpty)
        #expect(room.message == .info("The floor is already open."))
        #expect(room.type("/floor").isEmpty)
        #expect(room.message == .info("The floor is open: anyone may send from a device. /floor turns restores turns."))
        #expect(room.type("/floor turns") == [write(.floor(open: false))])
        #expect(!room.session.floorOpen)
        #expect(room.message == .info("Turns again: a device sends on its turn."))
        #expect(ParticipantView(room.session, participant: "Ben").floorOpen == nil)
        room.send(.device(.send(participant: "Ben", text: "Again", key: "k3")))
        #expect(room.state.deviceRefusals["k3"] == "It is not your turn yet: keep your draft and send on your turn.")
        room.expectReplayMatches()
    }

    @Test func floorNeedsServingAndIsAlwaysOpenWhenAnonymous() {
        var room = Room()
        #expect(room.type("/floor open") == [.bell])
        #expect(room.message == .error("Devices join only when the session is served: start it with --serve PORT."))
        var anonymous = Room(anonymous: true)
        anonymous.state.join = JoinInfo(address: "http://192.168.1.5:8765/", code: "482913", qrOnDark: [], qrOnLight: [])
        #expect(anonymous.type("/floor turns").isEmpty)
        #expect(anonymous.message == .info("An anonymous session's floor is always open: anyone sends at any time."))
        #expect(!anonymous.session.floorOpen)
    }

    @Test func floorParsesOpenAndTurns() {
        #expect(CommandParser.parse("/floor open") == .success(.command(.floor(true))))
        #expect(CommandParser.parse("/floor TURNS") == .success(.command(.floor(false))))
        #expect(CommandParser.parse("/floor") == .success(.command(.floor(nil))))
        #expect(CommandParser.parse("/floor wide") == .failure(CommandError("/floor takes open or turns: /floor open lets anyone send from a device, /floor turns restores turns.")))
    }
}
