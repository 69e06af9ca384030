import Foundation
import SensemakingCore

/// The parts of the log that are there for people only: the title block under the front
/// matter, stage headings with their prompts, and the synthesis written at the end. The
/// reader skips them (their facts are in the front matter and the tokens), so they may
/// use the session's names freely.
enum ReadableBlocks {
    static func titleBlock(_ header: SessionHeader, continues: String?) -> String {
        var out = "\n# " + MarkdownText.escapeInline(header.title) + "\n\n"
        if !header.plan.purpose.isEmpty { out += MarkdownText.escapeBlock(header.plan.purpose, separator: MarkdownText.lineBreak) + "\n\n" }
        var facts = ["Started " + LogTime.readable(header.started)]
        if !header.participants.isEmpty {
            facts.append("here: " + header.participants.map { MarkdownText.escapeInline($0) }.joined(separator: ", "))
        }
        facts.append(header.plan.stages.count == 1 ? "1 stage" : "\(header.plan.stages.count) stages")
        if header.anonymous { facts.append("anonymous") }
        out += facts.joined(separator: " · ") + "\n"
        if let followUp = header.followUp {
            out += "\nFollows up " + MarkdownText.escapeInline(followUp.previousTitle) + " ("
                + LogTime.readable(followUp.previousStarted) + ", " + MarkdownText.escapeInline(followUp.previousLog)
                + "): \(followUp.items.count) " + (followUp.items.count == 1 ? "item" : "items") + " to review.\n"
        }
        if let continues {
            out += "\nContinued from " + MarkdownText.escapeInline(continues)
                + " after a write failure; this file holds the whole session again.\n"
        }
        return out + "\n## Welcome\n"
    }

    static func stageHeading(_ index: Int, in session: Session) -> String {
        let stages = session.stages
        var title = "Stage \(index)"
        var prompts: [String] = []
        if stages.indices.contains(index) {
            let stage = stages[index]
            switch stage {
            case .welcome, .review, .close: title = MarkdownText.escapeInline(stage.name)
            case .element: title = "\(session.planNumber(ofStage: index) ?? index). " + MarkdownText.escapeInline(stage.name)
            }
            prompts = stage == .welcome ? [] : stage.prompts
        }
        var out = "\n## " + title + "\n"
        if !prompts.isEmpty {
            out += "\n" + prompts.map { "*" + MarkdownText.escapeInline($0) + "*" }
                .joined(separator: MarkdownText.lineBreak) + "\n"
        }
        return out
    }

    static func synthesis(_ session: Session) -> String {
        let synthesis = Synthesis(session)
        func text(_ contribution: Contribution) -> String { MarkdownText.escapeInline(contribution.text) }
        var out = "\n## Synthesis\n\n"
        out += synthesis.counts.map { "\(MarkdownText.escapeInline($0.name)) \($0.count)" }.joined(separator: " · ") + "\n"
        if !synthesis.review.isEmpty {
            out += "\n### What became of last time's items\n\n"
            for entry in synthesis.review {
                out += "\(entry.number). " + MarkdownText.escapeInline(entry.item.text) + " — "
                    + MarkdownText.escapeInline(entry.mark?.summary ?? "not reviewed") + "\n"
            }
        }
        if !synthesis.ranking.isEmpty {
            out += "\n### Stories by plausibility\n\n"
            for (rank, story) in synthesis.ranking.enumerated() {
                var line = "\(rank + 1). **\(story.dots) \(story.dots == 1 ? "dot" : "dots")**: "
                    + MarkdownText.escapeInline(story.story.title) + " (#\(story.story.id))"
                if !story.cues.isEmpty {
                    line += "; cues: " + story.cues.map { MarkdownText.escapeInline($0) }.joined(separator: "; ")
                }
                if !story.mindChangers.isEmpty {
                    line += "; would change our mind: " + story.mindChangers.map { MarkdownText.escapeInline($0) }.joined(separator: "; ")
                }
                out += line + "\n"
            }
        }
        let lists: [(String, [Contribution])] = [
            ("Actions", synthesis.actions), ("Signals to keep watching", synthesis.signals),
            ("Cues", synthesis.cues), ("The narrative we agree on", synthesis.narratives),
        ]
        for (title, items) in lists where !items.isEmpty {
            out += "\n### \(title)\n\n"
            for item in items {
                var line = "- " + text(item)
                if title == "Actions", let owner = item.tags.owner { line += " (owner " + MarkdownText.escapeInline(owner) + ")" }
                out += line + "\n"
            }
        }
        return out + "\n"
    }
}
