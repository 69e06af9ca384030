import Foundation

extension Step {
    /// Names from a line typed on Welcome (`typed`) or from `/join`. A typed line that does
    /// not look like a name is asked about first; the same line again adds it.
    mutating func addNames(_ text: String, typed: Bool = false) {
        var added: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            switch Sanitizer.clean(String(part), as: .name) {
            case .failure(.empty):
                continue  // "Ana, , Ben": a stray comma, as --participants reads it
            case .failure(let failure):
                return fail(failure.message)
            case .success(let name):
                if let problem = Self.nameProblem(name) { return fail(problem) }
                if session.participant(named: name) != nil || added.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
                    return fail("\(name) is already here.")
                }
                added.append(name)
            }
        }
        if added.isEmpty { return fail(Sanitizer.Failure.empty(.name).message) }
        if typed, !confirmed, let odd = added.first(where: { !Self.looksLikeName($0) }) {
            let shown = odd.count > 24 ? odd.prefix(23) + "…" : odd
            let command = CommandParser.names.contains(odd.lowercased()) ? " /\(odd.lowercased()) is the command;" : ""
            return ask("Add '\(shown)' as a participant?\(command) Enter again adds it.")
        }
        for name in added { record(.joined(name)) }
        let names = added.joined(separator: ", ")
        state.message = .info(session.stage == .welcome ? "Welcome, \(names). Type more names, or /next to begin."
                                                        : "\(names) joined.")
    }

    /// A name is a few words, and not a command word typed without its slash ("next").
    static func looksLikeName(_ name: String) -> Bool {
        let words = name.split(whereSeparator: \.isWhitespace)
        if words.count > 3 { return false }
        return !(words.count == 1 && CommandParser.names.contains(name.lowercased()))
    }

    /// Names are used after `@` and in `/turn`: they cannot start with a command sign.
    static func nameProblem(_ name: String) -> String? {
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
            // Someone who said nothing is not on the report's roster: a name added by mistake.
            state.message = .info(session.everyone.contains(participant) ? "\(participant) left."
                                  : "\(participant) left; they said nothing, so the report will not list them.")
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

    /// `/undo` on Welcome: the last name added, unless they have already taken part.
    mutating func takeBackName() {
        guard let name = session.roster.last else { return fail("There is no name to take back.") }
        if session.hasTakenPart(name) { return fail("\(name) has taken part: /leave \(name) says they left.") }
        record(.left(name))
        state.message = .info("Took back \(name).")
    }

    var noOneHere: String { "No one is here yet: /join NAME adds a participant." }

    /// A participant by name, case-insensitive, or a failure that suggests the closest one
    /// (`hint` ends the failure when there is nobody close).
    mutating func findParticipant(_ name: String, hint: String = "") -> String? {
        if let found = session.participant(named: name) { return found }
        if session.roster.isEmpty {
            fail(noOneHere + hint)
            return nil
        }
        let lowered = name.lowercased()
        let guess = session.roster
            .map { ($0, CommandParser.editDistance(lowered, $0.lowercased())) }
            .min { $0.1 < $1.1 }
        if let guess, guess.1 <= 2 {
            fail("No one called \(name.prefix(40)) is here: did you mean \(guess.0)?" + hint)
        } else {
            fail("No one called \(name.prefix(40)) is here. Here: \(session.roster.joined(separator: ", "))." + hint)
        }
        return nil
    }
}
