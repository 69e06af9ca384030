import Foundation

extension Step {
    /// Whether devices may join (`--serve`); fails saying how when not.
    mutating func served() -> Bool {
        guard state.join != nil else {
            fail("Devices join only when the session is served: start it with --serve PORT.")
            return false
        }
        return true
    }

    /// `/devices`: one line the facilitator reads, numbered for `/remove N`. In an anonymous
    /// session no device has a name, so the list tells no one who is who.
    mutating func listDevices() {
        guard served() else { return }
        let devices = state.devices
        guard !devices.isEmpty else { return state.message = .info("No device has joined yet: /qr shows how.") }
        let list = devices.map { "\($0.number) \($0.name ?? (session.anonymous ? "joined" : "(no name yet)"))" }
        let count = devices.count == 1 ? "1 device" : "\(devices.count) devices"
        state.message = .info("\(count): " + list.joined(separator: " · ") + ". /remove N disconnects one.")
    }

    /// `/remove N`: the server forgets device N, so its cookie no longer joins.
    mutating func removeDevice(_ number: Int) {
        guard served() else { return }
        guard let device = state.devices.first(where: { $0.number == number }) else {
            let numbers = state.devices.map { String($0.number) }.joined(separator: ", ")
            return fail(state.devices.isEmpty ? "No device has joined." : "There is no device \(number): /devices lists \(numbers).")
        }
        state.devices.removeAll { $0.number == number }
        effects.append(.removeDevice(number))
        let who = device.name.map { " (\($0))" } ?? ""
        state.message = .info("Device \(number)\(who) removed: it must join again to send.")
    }

    /// `/floor open`: anyone here may send from a device, not only the one whose turn it is;
    /// `/floor turns` restores turns; `/floor` alone says which holds. Journaled, so a resumed
    /// session keeps it. An anonymous session's floor is always open.
    mutating func setFloor(_ open: Bool?) {
        guard served() else { return }
        if session.anonymous { return state.message = .info("An anonymous session's floor is always open: anyone sends at any time.") }
        guard let open else {
            return state.message = .info(session.floorOpen ? "The floor is open: anyone may send from a device. /floor turns restores turns."
                                                           : "Turns hold: a device sends on its turn. /floor open lets anyone send.")
        }
        if open == session.floorOpen {
            return state.message = .info(open ? "The floor is already open." : "Turns already hold.")
        }
        record(.floor(open: open))
        state.message = .info(open ? "The floor is open: anyone may send from a device. /floor turns restores turns."
                                   : "Turns again: a device sends on its turn.")
    }
}
