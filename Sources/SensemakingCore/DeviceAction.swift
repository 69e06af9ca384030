import Foundation

/// What a participant's own device asks for. It reaches `reduce` as a key press does (the
/// join server posts it to the loop's inbox), and is answered from the state that follows:
/// sent when `Session.sendKeys` holds its key and the journal says saved, refused when
/// `AppState.deviceRefusals` does.
public enum DeviceAction: Equatable, Sendable {
    /// A contribution typed on a device. `participant` is nil in an anonymous session;
    /// `key` is the device's own for this send, the same when the send is retried.
    case send(participant: String?, text: String, key: String)
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
        }
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
