import Foundation

/// What a participant's own device asks for. It reaches `reduce` as a key press does (the
/// join server posts it to the loop's inbox), and is answered from the state that follows:
/// sent when `Session.sendKeys` holds its key and the journal says saved, refused when
/// `AppState.deviceRefusals` does.
public enum DeviceAction: Equatable, Sendable {
    /// A contribution typed on a device. `participant` is nil in an anonymous session;
    /// `key` is the device's own for this send, the same when the send is retried.
    case send(participant: String?, text: String, key: String)
    /// Dots placed on a device, privately and at the same time as the others': board numbers
    /// (1…n), the whole placement, which replaces an earlier one (adds to them in an anonymous
    /// session, whose placements carry no name). `key` as for `send`.
    case dots(participant: String?, stories: [Int], key: String)
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
        case .dots(let participant, let numbers, let key):
            if session.sendKeys.contains(key) { return }
            if let refusal = Self.refusal(ofDots: numbers, from: participant, in: session) {
                state.deviceRefusals[key] = refusal
                return
            }
            let stories = session.stories
            // Out of turn: a device's placement moves no turn, and says nothing on the screen
            // but the board's list of who has voted.
            record(.dotsPlaced(participant: participant, stories: numbers.map { stories[$0 - 1].id }, advancesTurn: false, key: key))
            if revealOnceEveryoneHasVoted() { state.message = .info("Everyone has voted: the dots are shown.") }
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
            // `/floor open`: anyone here may send.
            if participant != session.turnHolder && !session.floorOpen {
                return "It is not your turn yet: keep your draft and send on your turn."
            }
        }
        return nil
    }

    /// Why a device's dots cannot be placed now, or nil when they can: board numbers, at most
    /// the dots each has, in Plausibility, before the reveal (after it, a vote would follow
    /// the room's counts).
    static func refusal(ofDots numbers: [Int], from participant: String?, in session: Session) -> String? {
        if session.ended { return "The session has ended." }
        guard session.stage.element == .plausibility else { return "Dots are placed in Plausibility over accuracy." }
        if let closed = votingClosed(in: session) { return closed }
        if !session.anonymous {
            guard let participant, session.roster.contains(participant) else { return "Join first: pick your name." }
        }
        let count = session.stories.count
        if count == 0 { return "There are no stories on the board yet." }
        if numbers.isEmpty { return "Place at least one dot." }
        if let wrong = numbers.first(where: { $0 < 1 || $0 > count }) {
            return "There is no story \(wrong): stories are numbered 1 to \(count)."
        }
        let limit = session.plan.dots
        if numbers.count > limit { return "Each person has \(limit) \(limit == 1 ? "dot" : "dots"); that is \(numbers.count)." }
        if let roomLeft = session.anonymousDotsLeft, numbers.count > roomLeft { return roomHasLeft(roomLeft, each: limit) + "." }
        return nil
    }
}
