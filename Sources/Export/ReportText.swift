import Foundation
import SensemakingCore

/// Sentences the Markdown and HTML reports share, so they say the same thing.
enum ReportText {
    static let generator = "0.1.0"

    static func meta(_ r: Report) -> String {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_GB")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "EEEE d MMMM yyyy, HH:mm"
        var parts = ["Sensemaking workshop", day.string(from: r.started) + " UTC", duration(r.durationSeconds)]
        if !r.ended { parts.append("not closed") }
        return parts.joined(separator: " · ")
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
    static func followed(_ f: Report.FollowUpSection) -> String {
        "Follows up \(f.previousTitle) (\(day(f.previousStarted)), \(f.previousLog)): "
            + (f.items.count == 1 ? "1 item" : "\(f.items.count) items") + " to review."
    }

    static func day(_ date: Date) -> String {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_GB")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "EEEE d MMMM yyyy"
        return day.string(from: date)
    }

    /// "Action: Fix the letters", for a carried item.
    static func carried(_ item: Report.ReviewedItem) -> String {
        item.kind.heading + ": " + item.text
    }

    /// "in progress", or "not reviewed"; with what earlier reviews said before it.
    static func became(_ item: Report.ReviewedItem) -> String {
        item.status?.label ?? "not reviewed"
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
