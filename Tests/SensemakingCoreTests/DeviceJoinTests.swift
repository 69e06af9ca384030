import Foundation
import Testing
@testable import SensemakingCore

/// A participant adds their own name from a device, and the facilitator sees and removes
/// devices: through `reduce`, as the keyboard's `/join` and commands are.
@Suite struct DeviceJoinTests {
    var served: Room {
        var room = Room()
        room.state.join = JoinInfo(address: "http://127.0.0.1:8765/", code: "123456", qrOnDark: [], qrOnLight: [])
        return room
    }

    @Test func aNewNameFromADeviceJoinsAsSlashJoinDoes() {
        var room = Room()
        let effects = room.send(.device(.join(name: "  Dee ", key: "j1")))
        #expect(effects == [.append(Record(time: t0, event: .joined("Dee")))])
        #expect(room.session.roster == ["Ana", "Ben", "Chi", "Dee"])
        #expect(room.message == .info("Welcome, Dee. Type more names, or /next to begin."))
        #expect(room.state.deviceRefusals.isEmpty)
    }

    @Test func aNameAlreadyHereOrNotANameIsRefusedToTheDeviceOnly() {
        var room = Room()
        for (name, reason) in [("ana", "Ana is already here: pick it from the list."),
                               ("Dee, Eve", "One name only."),
                               ("/next", "A name cannot start with / or @."),
                               ("   ", "A name cannot be empty.")] {
            let effects = room.send(.device(.join(name: name, key: name)))
            #expect(effects.isEmpty, "\(name): no bell on the projected screen")
            #expect(room.state.deviceRefusals[name] == reason, "\(name)")
        }
        #expect(room.session.roster == ["Ana", "Ben", "Chi"])
        #expect(room.message == nil)
    }

    @Test func anAnonymousSessionTakesNoName() {
        var room = Room(anonymous: true)
        room.send(.device(.join(name: "Dee", key: "j2")))
        #expect(room.state.deviceRefusals["j2"] == "This session is anonymous: join with no name.")
        #expect(room.records.isEmpty)
    }

    @Test func devicesListsWhoIsConnectedByNumber() {
        var room = served
        room.type("/devices")
        #expect(room.message == .info("No device has joined yet: /qr shows how."))
        room.send(.device(.connected([ConnectedDevice(number: 1, name: "Ana"), ConnectedDevice(number: 3, name: nil)])))
        #expect(room.records.isEmpty, "who is connected is never journaled")
        room.type("/devices")
        #expect(room.message == .info("2 devices: 1 Ana · 3 (no name yet). /remove N disconnects one."))
    }

    @Test func anAnonymousSessionsDevicesHaveNoNames() {
        var room = Room(anonymous: true)
        room.state.join = served.state.join
        room.send(.device(.connected([ConnectedDevice(number: 1, name: nil)])))
        room.type("/devices")
        #expect(room.message == .info("1 device: 1 joined. /remove N disconnects one."))
    }

    @Test func removeAsksTheServerToForgetTheDevice() {
        var room = served
        room.send(.device(.connected([ConnectedDevice(number: 1, name: "Ana"), ConnectedDevice(number: 2, name: "Ben")])))
        let effects = room.type("/remove 2")
        #expect(effects == [.removeDevice(2)])
        #expect(room.state.devices == [ConnectedDevice(number: 1, name: "Ana")])
        #expect(room.message == .info("Device 2 (Ben) removed: it must join again to send."))
        #expect(room.type("/remove 2") == [.bell])
        #expect(room.message == .error("There is no device 2: /devices lists 1."))
    }

    @Test func withoutServeTheDeviceCommandsSaySo() {
        var room = Room()
        #expect(room.type("/devices") == [.bell])
        #expect(room.message == .error("Devices join only when the session is served: start it with --serve PORT."))
        #expect(room.type("/remove 1") == [.bell])
        #expect(CommandParser.parse("/remove x") == .failure(CommandError("/remove needs a device number: /remove N (/devices lists them).")))
    }
}
