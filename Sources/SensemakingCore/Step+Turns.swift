import Foundation

extension Step {

    mutating func addNames(_ text: String) {
        var added: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            switch Sanitizer.clean(String(part), as: .name) {
            case .failure(.empty):
                continue  // "Ana, , Ben": a stray comma, as --participants reads it
            case .failure(let failure):
                return fail(failure.message)
            case .success(let name):
                if let problem = nameProblem(name) { return fail(problem) }
                if session.participant(named: name) != nil || added.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                    return fail("\(name) is already here.")
                }
                added.append(name)
            }
        }
        if added.isEmpty { return fail(Sanitizer.Failure.empty(.name).message) }
        for name in added { record(.joined(name)) }
        let names = added.joined(separator: ", ")
        state.message = .info(session.stage == .welcome ? "Welcome, \(names). Type more names, or /next to begin."
                                                        : "\(names) joined.")
    }

    /// Names are used after `@` and in `/turn`: they cannot start with a command sign.
    func nameProblem(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("@") { return "A name cannot start with / or @." }
        if name.contains("\n") { return "A name is one line." }
        return nil
    }

    /// `/pass`, `/turn`, `/join`, `/leave`, `/as`.
    mutating func changeTurns(_ command: Command) {
        switch command {
        case .pass:
            guard let holder = session.turnHolder else { return fail(noOneHere) }
            record(.passed(holder))
        case .turn(let name):
            guard let participant = findParticipant(name) else { return }
            record(.turnGiven(participant))
        case .join(let raw):
            // "/join Ana, Ben" adds both, as a line typed in Welcome does.
            addNames(raw)
        case .leave(let name):
            guard let participant = findParticipant(name) else { return }
            record(.left(participant))
            state.message = .info("\(participant) left.")
        case .speakAs(let raw):
            guard let holder = session.turnHolder else { return fail(noOneHere) }
            guard let raw else {
                record(.speakingAs(participant: holder, identity: nil))
                return state.message = .info("\(holder) speaks for themselves again.")
            }
            guard let identity = clean(raw, as: .tag) else { return }
            record(.speakingAs(participant: holder, identity: identity))
            state.message = .info("\(holder) speaks as \(identity).")
        default:
            break
        }
    }

    var noOneHere: String { "No one is here yet: /join NAME adds a participant." }

    /// A participant by name, case-insensitive, or a failure that suggests the closest one.
    mutating func findParticipant(_ name: String) -> String? {
        if let found = session.participant(named: name) { return found }
        if session.roster.isEmpty {
            fail(noOneHere)
            return nil
        }
        let lowered = name.lowercased()
        let guess = session.roster
            .map { ($0, CommandParser.editDistance(lowered, $0.lowercased())) }
            .min { $0.1 < $1.1 }
        if let guess, guess.1 <= 2 {
            fail("No one called \(name.prefix(40)) is here: did you mean \(guess.0)?")
        } else {
            fail("No one called \(name.prefix(40)) is here. Here: \(session.roster.joined(separator: ", ")).")
        }
        return nil
    }
}
