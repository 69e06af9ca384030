import Foundation
import SensemakingCore

/// `--anonymize`: every participant becomes "Participant N", numbered by first
/// contribution, in authors, owners, and wherever their name appears in any text.
struct Pseudonyms {
    private var map: [String: String] = [:]
    /// Longest names first, so "Ana Maria" is replaced before "Ana".
    private var patterns: [(NSRegularExpression, String)] = []
    let everyone: [String]

    init(session: Session, enabled: Bool) {
        guard enabled else {
            everyone = session.everyone
            return
        }
        var ordered: [String] = []
        for c in session.contributions {
            if let author = c.author, !ordered.contains(author) { ordered.append(author) }
        }
        for name in session.everyone where !ordered.contains(name) { ordered.append(name) }
        let here = ordered.count
        // People of the earlier sessions a follow-up reviews, and the owners carried from
        // them, may not be here today: they get pseudonyms too, but are not counted here.
        let earlier = session.header.followUp.map { $0.people + $0.items.compactMap(\.owner) } ?? []
        for name in earlier where !ordered.contains(name) { ordered.append(name) }
        var pseudonyms: [String: String] = [:]
        for (index, name) in ordered.enumerated() { pseudonyms[name] = "Participant \(index + 1)" }
        map = pseudonyms
        everyone = ordered.prefix(here).map { pseudonyms[$0]! }
        patterns = ordered.sorted { $0.count > $1.count }.compactMap { name in
            let escaped = NSRegularExpression.escapedPattern(for: name)
            let pattern = "(?<![\\p{L}\\p{N}])\(escaped)(?![\\p{L}\\p{N}])"
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
            return (regex, pseudonyms[name]!)
        }
    }

    func name(_ name: String?) -> String? {
        guard let name else { return nil }
        return map[name] ?? scrub(name)
    }

    /// Replaces every participant's name in free text.
    func scrub(_ text: String) -> String {
        var out = text
        for (regex, replacement) in patterns {
            let range = NSRange(out.startIndex..., in: out)
            out = regex.stringByReplacingMatches(
                in: out, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
        }
        return out
    }

    func item(_ c: Contribution) -> Report.Item {
        Report.Item(
            id: c.id, author: name(c.author), kind: c.kind, text: scrub(c.text), title: scrub(c.title),
            speakingAs: c.tags.speakingAs.map(scrub), when: c.tags.when.map(scrub),
            owner: name(c.tags.owner), time: c.time, edited: c.edited)
    }
}
