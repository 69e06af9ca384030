import Foundation
import SensemakingCore

/// Sentences the Markdown and HTML reports share, so they say the same thing.
enum ReportText {
    static let generator = "0.1.0"

    static func meta(_ r: Report) -> String {
        var parts = ["Sensemaking workshop", time(r.started, in: r.timeZone), duration(r.durationSeconds)]
        if !r.ended { parts.append("not closed") }
        return parts.joined(separator: " · ")
    }

    /// "Friday 15 January 2027, 08:00 Europe/London (UTC+00:00)", or "…, 08:00 UTC": local
    /// time, the zone named by its name and offset (Foundation's abbreviations differ by
    /// platform: "BST" on one, "GMT+1" on another).
    static func time(_ date: Date, in zone: TimeZone) -> String {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_GB")
        day.timeZone = zone
        day.dateFormat = "EEEE d MMMM yyyy, HH:mm"
        let offset = zone.secondsFromGMT(for: date)
        if offset == 0, ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Z"].contains(zone.identifier) {
            return day.string(from: date) + " UTC"
        }
        let minutes = abs(offset) / 60
        return day.string(from: date) + " \(zone.identifier) (UTC" + (offset < 0 ? "-" : "+")
            + String(format: "%02d:%02d", minutes / 60, minutes % 60) + ")"
    }

    /// "Ben Okafor, by 15 Jan": an action's owner and when it is due; "—" for none.
    static func owner(_ item: Report.Item) -> String {
        Tags.ownerAndDue(item.owner, due: item.due) ?? "—"
    }

    /// The stories the summary names: the three with most dots (those with any).
    static func mostPlausible(_ r: Report) -> [Report.RankedStory] {
        Array(r.ranking.filter { $0.dots > 0 }.prefix(3))
    }

    /// A stage nobody visited: skipped, not silent.
    static func skipped(_ s: Report.StageSection) -> Bool {
        s.items.isEmpty && s.notes.isEmpty && s.spentSeconds == 0
    }

    /// What a stage with nothing in it says.
    static func empty(_ s: Report.StageSection) -> String {
        skipped(s) ? "Skipped in this session." : "Nothing was said here."
    }

    static func who(_ r: Report) -> String {
        // An anonymous session's log keeps no names, so not even how many were here.
        if r.anonymous && !r.anonymized && r.participantCount == 0 { return "Anonymous session: no names kept" }
        let count = r.participantCount == 1 ? "1 participant" : "\(r.participantCount) participants"
        if r.participants.isEmpty || (r.anonymous && !r.anonymized) { return count }
        return count + ": " + r.participants.joined(separator: ", ")
    }

    /// "12 min", "1 h 05 min", "45 s".
    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = (seconds + 30) / 60
        if minutes < 60 { return "\(minutes) min" }
        return String(format: "%d h %02d min", minutes / 60, minutes % 60)
    }

    /// "— Ana, as a GP, edited" after a contribution; empty when there is nothing to say.
    static func byline(_ item: Report.Item) -> String {
        var out = ""
        func part(_ prefix: String, _ text: String) {
            out += out.isEmpty ? "— " : ", "
            out += prefix
            out += text
        }
        if let author = item.author { part("", author) }
        if let identity = item.speakingAs { part("as ", identity) }
        if item.kind == .action, let owner = item.owner { part("owner: ", owner) }
        if item.kind == .action, let due = item.due { part("by ", due) }
        if item.edited { part("", "edited") }
        return out
    }

    /// "3 contributions (Ana, Ben) in Identity, Close": how often, by whom, where.
    static func voice(_ v: Report.IdentityVoice, in r: Report) -> String {
        var text = v.count == 1 ? "1 contribution" : "\(v.count) contributions"
        if !r.anonymous && !v.speakers.isEmpty { text += " (" + v.speakers.joined(separator: ", ") + ")" }
        let names = v.stages.map { number in
            // 0 is before the plan: in a follow-up, what is said there is said in the Review.
            r.stages.first { $0.number == number }?.name ?? (number == 0 ? (r.followUp == nil ? "Welcome" : "Review") : "Close")
        }
        return names.isEmpty ? text : text + " in " + names.joined(separator: ", ")
    }

    /// "Follows up Making sense (Monday 27 October 2026, march.md): 5 items."
    static func followed(_ f: Report.FollowUpSection, in zone: TimeZone) -> String {
        "Follows up \(f.previousTitle) (\(day(f.previousStarted, in: zone)), \(f.previousLog)): "
            + (f.items.count == 1 ? "1 item" : "\(f.items.count) items") + " to review."
    }

    static func day(_ date: Date, in zone: TimeZone) -> String {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_GB")
        day.timeZone = zone
        day.dateFormat = "EEEE d MMMM yyyy"
        return day.string(from: date)
    }

    /// "Action: Fix the letters", for a carried item.
    static func carried(_ item: Report.ReviewedItem) -> String {
        item.kind.heading + ": " + item.text
    }

    /// "in progress", or "not reviewed"; with what earlier reviews said before it.
    /// A cue or signal is watched, or not: never "done".
    static func became(_ item: Report.ReviewedItem) -> String {
        guard let status = item.status else { return "not reviewed" }
        guard item.kind == .cue || item.kind == .signal else { return status.label }
        switch status {
        case .done, .inProgress: return "still watched"
        case .carried: return "watched next time"
        case .dropped: return "no longer watched"
        }
    }

    static func history(_ item: Report.ReviewedItem) -> String {
        item.history.map { "before: " + $0 }.joined(separator: "; ")
    }

    /// "Ana: 5 contributions, 32% of what was said"; an anonymous session, a count only.
    static func balance(_ r: Report) -> [String] {
        if r.anonymous && r.balance.isEmpty {
            return [r.spoken == 1 ? "1 contribution, anonymous" : "\(r.spoken) contributions, anonymous"]
        }
        return r.balance.map { share in
            "\(share.participant): " + (share.contributions == 1 ? "1 contribution" : "\(share.contributions) contributions")
                + ", \(share.percent)% of what was said"
        }
    }

    /// A memory's `/when` as said; "not placed in time" when it cannot be placed, with
    /// what was said ("before the merger, not placed in time").
    static func when(_ item: Report.Item) -> String {
        if item.placed, let when = item.when { return when }
        return item.when.map { $0 + ", not placed in time" } ?? "not placed in time"
    }

    /// "3 memories, on the timeline below.": Retrospection's memories are listed once.
    static func onTimeline(_ count: Int) -> String {
        (count == 1 ? "1 memory" : "\(count) memories") + ", on the timeline below."
    }

    /// An Enactment stage's actions, then what else was said there.
    static func split(_ items: [Report.Item]) -> (actions: [Report.Item], said: [Report.Item]) {
        (items.filter { $0.kind == .action }, items.filter { $0.kind != .action })
    }

    /// Each story (or other contribution) with the replies to it after it; a reply whose
    /// story is not here stands on its own.
    static func threads(_ items: [Report.Item]) -> [(Report.Item, [Report.Item])] {
        let heads = Set(items.filter { $0.kind != .reply }.map(\.id))
        var threads: [(Report.Item, [Report.Item])] = []
        for item in items {
            if item.kind == .reply, let story = item.replyTo, heads.contains(story),
               let index = threads.firstIndex(where: { $0.0.id == story }) {
                threads[index].1.append(item)
            } else {
                threads.append((item, []))
            }
        }
        return threads
    }

    static func dots(_ n: Int) -> String {
        n == 0 ? "no dots" : String(repeating: "●", count: min(n, 20)) + (n == 1 ? " 1 dot" : " \(n) dots")
    }

    struct IdentityGroup {
        var identity: String?
        var items: [Report.Item]
    }

    /// Statements grouped by the identity spoken from, in order of first voice; untagged last.
    static func byIdentity(_ items: [Report.Item]) -> [IdentityGroup] {
        var groups: [IdentityGroup] = []
        for item in items where item.speakingAs != nil {
            if let index = groups.firstIndex(where: { $0.identity == item.speakingAs }) {
                groups[index].items.append(item)
            } else {
                groups.append(IdentityGroup(identity: item.speakingAs, items: [item]))
            }
        }
        let untagged = items.filter { $0.speakingAs == nil }
        if !untagged.isEmpty { groups.append(IdentityGroup(identity: nil, items: untagged)) }
        return groups
    }
}
