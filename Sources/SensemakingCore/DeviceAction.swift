import Foundation

/// What a participant's own device asks for. It reaches `reduce` as a key press does (the
/// join server posts it to the loop's inbox), and is answered from the state that follows:
/// sent when `Session.sendKeys` holds its key and the journal says saved, refused when
/// `AppState.deviceRefusals` does.
public enum DeviceAction: Equatable, Sendable {
    /// A contribution typed on a device. `participant` is nil in an anonymous session;
    /// `key` is the device's own for this send, the same when the send is retried.
    case send(participant: String?, text: String, key: String)
    /// A participant not on the list adds their own name, as `/join NAME` does. `key` is the
    /// server's own for this request, for a refusal to find its way back.
    case join(name: String, key: String)
    /// Who is connected now, from the server whenever that changes: for `/devices` and
    /// `/remove N`. Screen only, never journaled.
    case connected([ConnectedDevice])
}

/// A device the join server holds, as the facilitator sees it.
public struct ConnectedDevice: Equatable, Sendable {
    /// The number `/remove N` takes: 1, 2, 3… in the order devices joined.
    public var number: Int
    /// The name it picked; nil before it picks one, and always in an anonymous session.
    public var name: String?

    public init(number: Int, name: String?) {
        self.number = number
        self.name = name
    }
}

extension Step {
    mutating func handle(_ action: DeviceAction) {
        switch action {
        case .send(let participant, let text, let key):
            // A retry of a send already saved: nothing more to do, and no second copy.
            if session.sendKeys.contains(key) { return }
            if let refusal = Self.refusal(of: participant, text: text, in: session) {
                state.deviceRefusals[key] = refusal
                return
            }
            let inTurn = participant != nil && participant == session.turnHolder
            contribute(text, from: participant, inTurn: inTurn, sendKey: key)
        case .join(let raw, let key):
            if let refusal = Self.refusal(ofName: raw, in: session) {
                state.deviceRefusals[key] = refusal
                return
            }
            addNames(raw)
        case .connected(let devices):
            state.devices = devices
        }
    }

    /// Why a name typed on a device cannot join, or nil when `addNames` takes it as it is:
    /// one name, clean, new. Said to the device, never to the projected screen.
    static func refusal(ofName raw: String, in session: Session) -> String? {
        if session.ended { return "The session has ended." }
        if session.anonymous { return "This session is anonymous: join with no name." }
        if raw.contains(",") { return "One name only." }
        switch Sanitizer.clean(raw, as: .name) {
        case .failure(let failure): return failure.message
        case .success(let name):
            if let problem = nameProblem(name) { return problem }
            if let here = session.participant(named: name) { return "\(here) is already here: pick it from the list." }
        }
        return nil
    }

    /// Why a device's send cannot be saved now, or nil when it can. Checked before
    /// `contribute`, whose failures speak to the projected screen, not to the device.
    static func refusal(of participant: String?, text: String, in session: Session) -> String? {
        if session.ended { return "The session has ended." }
        guard session.stage.captures != nil else { return "Contributions begin after Welcome." }
        if case .failure(let failure) = Sanitizer.clean(text, as: .contribution) { return failure.message }
        // An anonymous session's floor is always open; otherwise it is your turn to send.
        if !session.anonymous {
            guard let participant, session.roster.contains(participant) else { return "Join first: pick your name." }
            if participant != session.turnHolder { return "It is not your turn yet: keep your draft and send on your turn." }
        }
        return nil
    }
}
