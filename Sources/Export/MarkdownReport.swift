import Foundation
import SensemakingCore
import SessionLog

/// The report as Markdown that renders cleanly on GitHub and in Obsidian. Every user
/// text goes through the log's own escaping, so nothing a participant typed becomes
/// structure here either.
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        var out = "# \(inline(report.title))\n\n"
        out += summary(report)
        out += "## The session\n\n| Stage | Timebox | Time spent | Contributions |\n|---|---|---|---|\n"
        for s in report.stages {
            out += "| \(s.number). \(cell(s.name)) | \(s.timeboxMinutes) min | \(ReportText.duration(s.spentSeconds)) | \(s.items.count) |\n"
        }
        out += "\n"
        if let followUp = report.followUp { out += review(followUp, in: report.timeZone) }
        for s in report.stages { out += section(s, report: report) }
        out += timeline(report)
        out += close(report)
        // Marks the file as an export, so a later export may replace it.
        return out + "<!-- \(ExportFile.marker) -->\n"
    }

    /// The first page: what a director reads and forwards.
    static func summary(_ r: Report) -> String {
        var out = "## Summary\n\n"
        out += "*\(inline(ReportText.meta(r)))*  \n"
        out += "*\(inline(ReportText.who(r)))*\n\n"
        out += "\(block(r.purpose, indent: ""))\n\n"
        let top = ReportText.mostPlausible(r)
        if !top.isEmpty {
            out += "**The stories the room found most plausible**\n\n"
            for (index, rank) in top.enumerated() {
                out += "\(index + 1). \(inline(rank.story.title)): \(ReportText.dots(rank.dots))\n"
            }
            out += "\n"
        }
        if !r.narratives.isEmpty { out += "**The narrative the room agreed**\n\n" + list(r.narratives) }
        if !r.actions.isEmpty { out += "**Actions and owners**\n\n" + actions(r.actions) }
        let watch = r.cues + r.signals
        if !watch.isEmpty { out += "**Cues and signals to watch**\n\n" + list(watch, showKind: true) }
        return out
    }

    static func section(_ s: Report.StageSection, report: Report) -> String {
        var out = "## \(s.number). \(inline(s.name))\n\n> \(block(s.question, indent: "> "))\n\n"
        for prompt in s.prompts { out += "- *\(inline(prompt))*\n" }
        if !s.prompts.isEmpty { out += "\n" }
        // Dots are said in Plausibility even when nothing is typed there: the ranking shows.
        if s.items.isEmpty && !(s.element == .plausibility && !report.ranking.isEmpty) {
            out += "*\(ReportText.empty(s))*\n\n"
        } else {
            switch s.element {
            case .identity:
                for group in ReportText.byIdentity(s.items) {
                    if let identity = group.identity { out += "### \(inline("Speaking as \(identity)"))\n\n" }
                    else if group.items.count < s.items.count { out += "### Not tagged\n\n" }
                    out += list(group.items)
                }
            case .retrospection:
                let memories = s.items.filter { $0.kind == .memory }
                if !memories.isEmpty { out += "*\(ReportText.onTimeline(memories.count))*\n\n" }
                let other = s.items.filter { $0.kind != .memory }
                if !other.isEmpty { out += list(other) }
            case .enactment:
                let (done, said) = ReportText.split(s.items)
                if !done.isEmpty { out += actions(done) }
                if !said.isEmpty { out += "**Observations**\n\n" + list(said) }
            case .socialActivity:
                for (story, replies) in ReportText.threads(s.items) {
                    if story.kind == .story {
                        // The body and its byline are one paragraph, as in a list.
                        out += "### \(inline(story.title))\n\n"
                        let by = ReportText.byline(story)
                        let body = story.body.isEmpty ? "" : block(story.body, indent: "")
                        let paragraph = [body, by.isEmpty ? "" : "*\(inline(by))*"].filter { !$0.isEmpty }.joined(separator: " ")
                        if !paragraph.isEmpty { out += paragraph + "\n\n" }
                    } else {
                        out += list([story])
                    }
                    if !replies.isEmpty { out += "Replies:\n\n" + list(replies) }
                }
            case .plausibility:
                if !report.ranking.isEmpty {
                    out += "**Stories by plausibility**\n\n"
                    for (index, rank) in report.ranking.enumerated() {
                        out += "\(index + 1). **\(inline(rank.story.title))** (story \(rank.number)): \(ReportText.dots(rank.dots))\n"
                        if !rank.cues.isEmpty { out += "   Cues: \(rank.cues.map(inline).joined(separator: "; "))\n" }
                        if !rank.mindChangers.isEmpty {
                            out += "   Would change our mind: \(rank.mindChangers.map(inline).joined(separator: "; "))\n"
                        }
                    }
                    out += "\n"
                }
                out += "**The narrative the room agrees on**\n\n"
                out += s.items.isEmpty ? "*No narrative was agreed yet.*\n\n" : list(s.items)
            case .ongoingProcess, .extractedCues:
                out += list(s.items)
            }
        }
        out += notes(s.notes)
        return out
    }

    /// Memories by when they happened; those that cannot be placed after them, labelled.
    static func timeline(_ r: Report) -> String {
        guard !r.timeline.isEmpty else { return "" }
        return "## Timeline\n\n" + list(r.timeline, showWhen: true)
    }

    /// A follow-up's review: every carried item and what became of it.
    static func review(_ f: Report.FollowUpSection, in zone: TimeZone) -> String {
        var out = "## Review: what became of last time's items\n\n*\(inline(ReportText.followed(f, in: zone)))*\n\n"
        if !f.items.isEmpty {
            out += "| # | Item | Owner | What became of it | Note |\n|---|---|---|---|---|\n"
            for item in f.items {
                let note = [ReportText.history(item), item.note ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
                out += "| \(item.number) | \(cell(ReportText.carried(item))) | \(cell(item.owner ?? "—")) | \(cell(ReportText.became(item))) | \(cell(note.isEmpty ? "—" : note)) |\n"
            }
            out += "\n"
        }
        if !f.updates.isEmpty { out += "**Updates**\n\n" + list(f.updates) }
        return out + notes(f.notes)
    }

    /// `showWhen`: a memory opens with when it happened; `showKind`: each item with its kind
    /// ("cue", "signal"), where one list holds two kinds.
    static func list(_ items: [Report.Item], showWhen: Bool = false, showKind: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(items.count * 128)
        for item in items {
            out += "- "
            if showWhen, item.kind == .memory {
                out += "**"; out += inline(ReportText.when(item)); out += "**: "
            }
            if showKind { out += "**"; out += inline(item.kind.label); out += "**: " }
            out += block(item.text, indent: "  ")
            let by = ReportText.byline(item)
            if !by.isEmpty { out += " *"; out += inline(by); out += "*" }
            out += "\n"
        }
        return out + "\n"
    }

    static func actions(_ items: [Report.Item]) -> String {
        var out = "| # | Action | Owner |\n|---|---|---|\n"
        out.reserveCapacity(items.count * 128)
        for item in items {
            out += "| "; out += String(item.id); out += " | "; out += cell(item.text)
            if item.edited { out += " *(edited)*" }
            out += " | "; out += cell(ReportText.owner(item)); out += " |\n"
        }
        return out + "\n"
    }

    static func notes(_ notes: [Report.Item]) -> String {
        guard !notes.isEmpty else { return "" }
        var out = "**Facilitator notes**\n\n"
        for note in notes { out += "- \(block(note.text, indent: "  "))\(note.edited ? " *(edited)*" : "")\n" }
        return out + "\n"
    }

    static func close(_ r: Report) -> String {
        var out = ""
        if !r.identityMap.isEmpty {
            // Identities are voiced in every stage, so the map sits with the whole session's.
            out += "## Identity map\n\n"
            for v in r.identityMap { out += "- **\(inline(v.identity))**: \(inline(ReportText.voice(v, in: r)))\n" }
            out += "\n"
        }
        if r.spoken > 0 {
            out += "## Speaking balance\n\n" + ReportText.balance(r).map { "- \(inline($0))\n" }.joined() + "\n"
        }
        let notes = notes(r.welcomeNotes + r.closeNotes)
        guard !r.checkouts.isEmpty || !notes.isEmpty else { return out }
        out += "## Close\n\n"
        if !r.checkouts.isEmpty { out += "### Check-out\n\n" + list(r.checkouts) }
        return out + notes
    }

    // MARK: Escaping, all through the log's one escaper.

    static func inline(_ text: String) -> String { MarkdownEscaping.inline(text) }

    static func block(_ text: String, indent: String) -> String { MarkdownEscaping.block(text, indent: indent) }

    /// A table cell: one line, so line breaks become " / ".
    static func cell(_ text: String) -> String { MarkdownEscaping.line(text) }
}
