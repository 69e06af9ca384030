import Foundation
import SensemakingCore

/// Close: the synthesis over the check-out.
extension FrameBuilder {
    mutating func drawClose(top: Int, bottom: Int, ruleRow: Int) {
        let rows = bottom - top
        let sections = synthesisSections(width: contentWidth)
        let all = sections.flatMap(\.lines)
        // Unscrolled, each section gets its first line before any gets more.
        let headRows = state.scroll > 0 ? all.count : min(all.count, headRoom(rows: rows))
        let head = state.scroll > 0 || all.count <= headRows ? all : allocate(sections, rows: headRows)
        let label = all.count > head.count ? "Synthesis · PgUp for all" : "Synthesis"
        drawSplit(head: head, headLabel: label, tailLabel: "check-out", top: top, bottom: bottom, ruleRow: ruleRow)
    }

    struct Section {
        var lines: [Line]
    }

    static let labelWidth = 12

    /// The synthesis, one section per kind of thing, each a label and its items.
    func synthesisSections(width: Int) -> [Section] {
        let synthesis = Synthesis(session)
        let labelWidth = Self.labelWidth
        var sections: [Section] = []
        func add(_ label: String, _ items: [StyledText]) {
            guard !items.isEmpty else { return }
            var lines: [Line] = []
            for (index, item) in items.enumerated() {
                var text = StyledText()
                text.append((index == 0 ? label : "").padding(toLength: labelWidth, withPad: " ", startingAt: 0), Styles.label)
                text.characters += item.characters
                text.styles += item.styles
                lines += text.wrapped(width: width, indent: labelWidth)
            }
            sections.append(Section(lines: lines))
        }
        // No-break spaces keep each "name count" on one line.
        let counts = synthesis.counts.map { "\($0.name) \($0.count)".replacingOccurrences(of: " ", with: "\u{A0}") }
            .joined(separator: " · ")
        add("In numbers", [StyledText(counts, Styles.text)])
        add("Stories", synthesis.ranking.map { story in
            var text = StyledText()
            text.append("\(story.number). ", Styles.number)
            text.append(story.dots == 0 ? "no dots  " : String(repeating: "●", count: min(story.dots, 10)) + " \(story.dots)  ", Styles.label)
            text.append(story.story.title, Styles.text)
            if !story.cues.isEmpty { text.append(" (cues: " + story.cues.joined(separator: " · ") + ")", Styles.dim) }
            if !story.mindChangers.isEmpty {
                text.append(" (would change our mind: " + story.mindChangers.map { $0.replacingNewlines() }.joined(separator: " · ") + ")", Styles.dim)
            }
            return text
        })
        add("Actions", synthesis.actions.map { action in
            var text = StyledText()
            text.append("#\(action.id) ", Styles.number)
            text.append(action.text.replacingNewlines(), Styles.text)
            // No-break spaces: the owner never stands alone on a line.
            let owner = (action.tags.owner ?? "no owner yet").replacingOccurrences(of: " ", with: "\u{A0}")
            text.append("\u{A0}—\u{A0}" + owner, action.tags.owner == nil ? Styles.dim : Styles.emphasis)
            return text
        })
        func joined(_ items: [Contribution]) -> [StyledText] {
            items.isEmpty ? [] : [StyledText(items.map { $0.text.replacingNewlines() }.joined(separator: " · "), Styles.text)]
        }
        add("Cues", joined(synthesis.cues))
        add("Signals", joined(synthesis.signals))
        add("Narrative", synthesis.narratives.map { StyledText($0.text.replacingNewlines(), Styles.text) })
        let memories = session.contributions.filter { $0.kind == .memory && !$0.retracted }
        let timeline = Timeline(memories)
        if !timeline.entries.isEmpty {
            let moments = timeline.entries.map { entry in
                (entry.notes.first?.tags.when ?? "") + (entry.notes.count > 1 ? " (\(entry.notes.count))" : "")
            }
            add("Timeline", [StyledText(moments.joined(separator: " → "), Styles.text)])
        }
        add("Identities", synthesis.identityMap.map { voice in
            var text = StyledText(voice.identity, Styles.emphasis)
            let stages = voice.stages.map { session.stages[$0].name }.joined(separator: ", ")
            let who = voice.speakers.isEmpty ? "" : " by " + voice.speakers.joined(separator: ", ")
            text.append(" \(voice.count)×\(who) · \(stages)", Styles.text)
            return text
        })
        add("Voices", [StyledText(balance(synthesis), Styles.text)])
        if !synthesis.review.isEmpty {
            add("Last time", [StyledText(reviewCounts(synthesis.review), Styles.text)])
        }
        return sections
    }

    /// Speaking balance, in the order people arrived, never ranked: contributions and their
    /// share of all characters said. An anonymous session knows no authors: a count only.
    func balance(_ synthesis: Synthesis) -> String {
        if session.anonymous {
            return "\(synthesis.spoken) " + plural("contribution", synthesis.spoken) + ", anonymous"
        }
        return synthesis.balance.map { "\($0.participant) \($0.contributions) (\($0.percent)%)" }.joined(separator: " · ")
    }

    /// Fits sections into rows: every section gets its first line while rows last, then
    /// the rest in order; a section cut short ends with "…".
    func allocate(_ sections: [Section], rows: Int) -> [Line] {
        guard rows > 0 else { return [] }
        if sections.isEmpty { return [Line("Nothing was recorded in this session.", Styles.dim)] }
        var counts = Array(repeating: 0, count: sections.count)
        var left = rows
        for index in sections.indices where left > 0 {
            counts[index] = 1
            left -= 1
        }
        for index in sections.indices where left > 0 {
            let more = min(left, sections[index].lines.count - counts[index])
            counts[index] += more
            left -= more
        }
        var lines: [Line] = []
        for (index, section) in sections.enumerated() where counts[index] > 0 {
            var shown = Array(section.lines.prefix(counts[index]))
            if counts[index] < section.lines.count, let last = shown.popLast() {
                shown.append(last.ellipsized(width: contentWidth))
            }
            lines += shown
        }
        return lines
    }
}
