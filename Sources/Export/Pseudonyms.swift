import Foundation
import SensemakingCore

/// `--anonymize`: every participant becomes "Participant N", numbered by first
/// contribution, in authors, owners, and wherever their name appears in any text.
struct Pseudonyms {
    private var map: [String: String] = [:]
    /// Longest names first, so "Ana Maria" is replaced before "Ana".
    private var patterns: [(NSRegularExpression, String)] = []
    let everyone: [String]
    /// `--redact`: text that looks like personal data is masked too.
    let redact: Bool
    /// Whether items keep their "speaking as" tags.
    let roles: Bool

    init(session: Session, enabled: Bool, redact: Bool = false, roles: Bool = true) {
        self.redact = redact
        self.roles = roles
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

    /// Replaces every participant's name in free text, and masks personal data when asked.
    func scrub(_ text: String) -> String {
        var out = redact ? PersonalData.redacted(text) : text
        for (regex, replacement) in patterns {
            let range = NSRange(out.startIndex..., in: out)
            out = regex.stringByReplacingMatches(
                in: out, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
        }
        return out
    }

    /// The report's item: the tags that fit its kind; a story's title taken off its body.
    func item(_ c: Contribution) -> Report.Item {
        let tags = c.fittingTags
        let titled = StoryTitle(c.text)
        let text = scrub(c.text)
        return Report.Item(
            id: c.id, author: name(c.author), kind: c.kind, text: text, title: scrub(titled.title),
            speakingAs: roles ? tags.speakingAs.map(scrub) : nil, when: tags.when.map(scrub),
            owner: name(tags.owner), time: c.time, edited: c.edited, due: tags.due.map(scrub), replyTo: tags.replyTo,
            placed: tags.when.flatMap { WhenParser.moment($0, saidAt: c.time) } != nil,
            body: c.kind == .story ? scrub(titled.body) : text)
    }
}
