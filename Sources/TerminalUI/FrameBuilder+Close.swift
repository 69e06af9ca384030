import Foundation
import SensemakingCore

/// Close: the synthesis as pages the facilitator steps through with Tab (the summary, the
/// stories by plausibility, the actions with their owners, the cues and signals, the voices),
/// each item whole, over the check-out.
extension FrameBuilder {
    mutating func drawClose(top: Int, bottom: Int, ruleRow: Int) {
        let page = state.closePage
        let number = page.rawValue + 1, count = ClosePage.allCases.count
        let label = "\(Self.closeTitle(page)) · \(number) of \(count) · Tab: \(Self.closeTitle(page.next).lowercased())"
        drawSplit(head: closeLines(page, width: contentWidth), headLabel: label, tailLabel: "check-out",
                  top: top, bottom: bottom, ruleRow: ruleRow)
    }

    static func closeTitle(_ page: ClosePage) -> String {
        switch page {
        case .summary: "Summary"
        case .stories: "Stories"
        case .actions: "Actions"
        case .cuesAndSignals: "Cues and signals"
        case .voices: "Voices"
        }
    }

    static let labelWidth = 12

    /// A page of the synthesis, every item wrapped whole.
    func closeLines(_ page: ClosePage, width: Int) -> [Line] {
        let synthesis = Synthesis(session)
        var lines: [Line] = []
        /// A label in its column, then its items, each wrapped under the label's end (and
        /// under its text, past a bullet of `hang` columns).
        func add(_ label: String, _ items: [StyledText], hang: Int = 0) {
            for (index, item) in items.enumerated() {
                var text = StyledText()
                text.append((index == 0 ? label : "").padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0), Styles.label)
                text.characters += item.characters
                text.styles += item.styles
                lines += text.wrapped(width: width, indent: Self.labelWidth + hang)
            }
        }
        switch page {
        case .summary:
            // No-break spaces keep each "name count" on one line.
            let counts = synthesis.counts.map { "\($0.name) \($0.count)".replacingOccurrences(of: " ", with: "\u{A0}") }
                .joined(separator: " · ")
            add("In numbers", counts.isEmpty ? [] : [StyledText(counts, Styles.text)])
            add("Plausible", synthesis.mostPlausible.map(storyText))
            add("Narrative", synthesis.narratives.map { StyledText($0.text.replacingNewlines(), Styles.text) })
            let memories = session.contributions.filter { $0.kind == .memory && !$0.retracted }
            let moments = Timeline(memories).entries.map { entry in
                (entry.notes.first?.tags.when ?? "") + (entry.notes.count > 1 ? " (\(entry.notes.count))" : "")
            }
            add("Timeline", moments.isEmpty ? [] : [StyledText(moments.joined(separator: " → "), Styles.text)])
            if !synthesis.review.isEmpty {
                add("Last time", [StyledText(reviewCounts(synthesis.review), Styles.text)])
            }
        case .stories:
            for story in synthesis.ranking {
                var text = storyText(story)
                if !story.cues.isEmpty { text.append(" · cues: " + story.cues.joined(separator: " · "), Styles.dim) }
                if !story.mindChangers.isEmpty {
                    text.append(" · would change our mind: " + story.mindChangers.map { $0.replacingNewlines() }.joined(separator: " · "), Styles.dim)
                }
                lines += text.wrapped(width: width, indent: DisplayWidth.of("\(story.number). "))
            }
        case .actions:
            for action in synthesis.actions {
                var text = StyledText()
                text.append("#\(action.id) ", Styles.dim)
                text.append(action.text.replacingNewlines(), Styles.text)
                // No-break spaces: the owner (and when it is due) never stands alone on a line.
                let owner = (Tags.ownerAndDue(action.tags.owner ?? "no owner yet", due: action.tags.due) ?? "")
                    .replacingOccurrences(of: " ", with: "\u{A0}")
                text.append("\u{A0}—\u{A0}" + owner, action.tags.owner == nil ? Styles.dim : Styles.emphasis)
                lines += text.wrapped(width: width, indent: DisplayWidth.of("#\(action.id) "))
            }
        case .cuesAndSignals:
            add("Cues", synthesis.cues.map { StyledText("· " + $0.text.replacingNewlines(), Styles.text) }, hang: 2)
            add("Signals", synthesis.signals.map { StyledText("· " + $0.text.replacingNewlines(), Styles.text) }, hang: 2)
        case .voices:
            add("Identities", synthesis.identityMap.map { voice in
                var text = StyledText(voice.identity, Styles.emphasis)
                let stages = voice.stages.map { session.stages[$0].name }.joined(separator: ", ")
                let who = voice.speakers.isEmpty ? "" : " by " + voice.speakers.joined(separator: ", ")
                text.append(" \(voice.count)×\(who) · \(stages)", Styles.text)
                return text
            })
            add("Voices", [StyledText(balance(synthesis), Styles.text)])
        }
        if lines.isEmpty { return [Line(Self.emptyPage(page), Styles.dim)] }
        return lines
    }

    /// "1. ●●●●● 5  The night shift that phoned the council"
    func storyText(_ story: Synthesis.RankedStory) -> StyledText {
        var text = StyledText()
        text.append("\(story.number). ", Styles.number)
        text.append(story.dots == 0 ? "no dots  " : String(repeating: "●", count: min(story.dots, 10)) + " \(story.dots)  ", Styles.label)
        text.append(StoryTitle(story.story.text).title, Styles.text)
        return text
    }

    static func emptyPage(_ page: ClosePage) -> String {
        switch page {
        case .summary: "Nothing was recorded in this session."
        case .stories: "No stories were told."
        case .actions: "No actions were agreed."
        case .cuesAndSignals: "No cues or signals were named."
        case .voices: "No one has spoken yet."
        }
    }

    /// Speaking balance, in the order people arrived, never ranked: contributions and their
    /// share of all characters said. An anonymous session knows no authors: a count only.
    func balance(_ synthesis: Synthesis) -> String {
        if session.anonymous {
            return "\(synthesis.spoken) " + plural("contribution", synthesis.spoken) + ", anonymous"
        }
        return synthesis.balance.map { "\($0.participant) \($0.contributions) (\($0.percent)%)" }.joined(separator: " · ")
    }
}
