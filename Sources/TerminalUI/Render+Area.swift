import Foundation
import SensemakingCore

/// The visible part of a scrolled list, bottom-anchored: `scroll` counts lines back from
/// the newest.
struct FeedWindow {
    /// Visible lines, oldest first.
    var lines: [Line]
    /// Blocks whose first line is above the window.
    var above: Int
    /// Blocks entirely below the window.
    var below: Int
    /// Lines scrolled back, after clamping to what there is.
    var scroll: Int
}

extension Screen {
    /// The visible window over blocks of lines given newest first. Only as many blocks are
    /// laid out as the window and the scroll need; `total` is how many there are in all.
    func window(rows: Int, scroll requested: Int, total: Int, newestFirst blocks: some Sequence<[Line]>) -> FeedWindow {
        let rows = max(1, rows)
        let need = rows + max(0, requested)
        var reversed: [Line] = []
        var firstLines: [Int] = []
        var iterator = blocks.makeIterator()
        while reversed.count < need, let block = iterator.next() {
            reversed.append(contentsOf: block.reversed())
            firstLines.append(reversed.count - 1)
        }
        var scroll = max(0, requested)
        if reversed.count < need { scroll = max(0, min(scroll, reversed.count - rows)) }
        var end = min(reversed.count, scroll + rows)
        // A block cut at the top of the window shows from its first line or not at all,
        // unless it alone fills the window.
        if let block = firstLines.firstIndex(where: { $0 >= end - 1 }), firstLines[block] > end - 1 {
            let start = block > 0 ? firstLines[block - 1] : -1
            if start >= scroll { end = start + 1 }
        }
        let lines = scroll < end ? Array(reversed[scroll..<end].reversed()) : []
        let shownOrBelow = firstLines.filter { $0 < end }.count
        let below = firstLines.filter { $0 < scroll }.count
        return FeedWindow(lines: lines, above: max(0, total - shownOrBelow), below: below, scroll: scroll)
    }

    /// Paints a window from `top`, with "↑ N earlier" on the rule above and, when scrolled
    /// back, "↓ newer" on its last row.
    mutating func drawWindow(_ feed: FeedWindow, top: Int, bottom: Int, ruleRow: Int, ruleLabel: String?, noun: String = "earlier") {
        for (offset, line) in feed.lines.enumerated() where top + offset < bottom {
            paint(line, row: top + offset)
        }
        let up = feed.above > 0 ? "↑ \(feed.above) \(noun) · PgUp" : nil
        drawRule(row: ruleRow, leftLabel: up, rightLabel: ruleLabel)
        if feed.scroll > 0 {
            let text = feed.below > 0 ? "↓ \(feed.below) newer · PgDn" : "↓ more below · PgDn"
            frame.fill(row: bottom - 1, from: left, to: width - 1, style: .plain)
            frame.put(text, Styles.label, x: left + 2, y: bottom - 1)
        }
    }

    mutating func drawArea(top: Int, bottom: Int, ruleRow: Int) {
        switch session.stage {
        case .welcome:
            drawRule(row: ruleRow, leftLabel: nil, rightLabel: nil)
            drawWelcome(top: top, bottom: bottom)
        case .review:
            drawReview(top: top, bottom: bottom, ruleRow: ruleRow)
        case .close:
            drawClose(top: top, bottom: bottom, ruleRow: ruleRow)
        case .element(let stage):
            if stage.element == .plausibility {
                drawBoard(top: top, bottom: bottom, ruleRow: ruleRow)
            } else if stage.element == .retrospection, state.retrospectionView == .timeline {
                drawTimeline(top: top, bottom: bottom, ruleRow: ruleRow)
            } else {
                drawContributions(top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: countLabel())
            }
        }
    }

    // MARK: Contributions

    /// "7 retrospection notes", for the rule above the stage's contributions.
    func countLabel() -> String? {
        let count = stats.captured
        if count == 0 { return nil }
        // One kind names itself ("4 actions"); curated kinds side by side are contributions.
        return "\(count) " + plural(stats.capturedKind?.label ?? "contribution", count)
    }

    func plural(_ noun: String, _ count: Int) -> String {
        if count == 1 { return noun }
        return noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
    }

    /// The stage's live contributions, newest first, lazily (a concrete lazy type: an opaque
    /// `some Sequence` would make the `map` after it eager, wrapping every contribution).
    /// Through the session's per-stage index, so other stages are never walked.
    func newestFirst(inStage stage: Int)
        -> LazyFilterSequence<LazyMapSequence<ReversedCollection<[Int]>, Contribution>> {
        let contributions = session.contributions
        return session.contributionsByStage[stage].reversed().lazy
            .map { contributions[$0] }
            .filter { !$0.retracted }
    }

    mutating func drawContributions(top: Int, bottom: Int, ruleRow: Int, ruleLabel: String?) {
        let total = stats.live
        if total == 0 {
            drawRule(row: ruleRow, leftLabel: nil, rightLabel: nil)
            frame.put(TextLayout.truncate(emptyText, width: contentWidth), Styles.dim, x: left, y: top)
            return
        }
        let feed = contributionWindow(rows: bottom - top - (state.scroll > 0 ? 1 : 0), total: total)
        drawWindow(feed, top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: ruleLabel)
    }

    /// The current stage's contributions in a window of `rows`, laid out newest first
    /// and only as far back as the window and the scroll reach.
    func contributionWindow(rows: Int, total: Int) -> FeedWindow {
        let screen = self
        let width = contentWidth
        return window(rows: rows, scroll: state.scroll, total: total,
                      newestFirst: newestFirst(inStage: session.current).map { screen.block($0, width: width) })
    }

    var emptyText: String {
        if let holder = session.turnHolder { return "Nothing yet. \(holder) begins: type below and press Enter." }
        return "Nothing yet."
    }

    /// A contribution: "#12 Ana (as a GP · 2019 · edited): text", wrapped with the lines
    /// after the first indented under the name.
    func block(_ contribution: Contribution, width: Int, showWhen: Bool = true) -> [Line] {
        var text = StyledText()
        let number = "#\(contribution.id)"
        text.append(number, Styles.number)
        text.append(" ", Styles.text)
        var named = false
        if contribution.isPrivate {
            // A facilitator's note is private: the room sees that one was kept, never its text.
            text.append("Note kept", Styles.label)
            return text.wrapped(width: width, indent: DisplayWidth.of(number) + 1)
        } else if let author = contribution.author, !session.anonymous {
            text.append(author, Styles.author)
            named = true
        }
        let tags = tagParts(contribution, showWhen: showWhen)
        if !tags.isEmpty {
            text.append((named ? " " : "") + "(" + tags.joined(separator: " · ") + ")", Styles.dim)
            named = true
        }
        text.append(named ? ": " : "", Styles.text)
        text.append(contribution.text, Styles.text)
        return text.wrapped(width: width, indent: DisplayWidth.of(number) + 1)
    }

    func tagParts(_ contribution: Contribution, showWhen: Bool) -> [String] {
        var parts: [String] = []
        let tags = contribution.tags
        if let identity = tags.speakingAs { parts.append("as \(identity)") }
        if showWhen, let when = tags.when { parts.append(when) }
        if let owner = tags.owner, owner != contribution.author { parts.append("owner: \(owner)") }
        if contribution.edited { parts.append("edited") }
        return parts
    }

    // MARK: Welcome

    /// The title, the purpose, who is here and the plan; when they do not all fit, the
    /// title goes first, then the plan, then the purpose: who is here always shows.
    mutating func drawWelcome(top: Int, bottom: Int) {
        let labelWidth = 10
        func section(_ label: String, _ body: String, _ style: Style = Styles.text) -> [Line] {
            var text = StyledText()
            text.append(label.padding(toLength: labelWidth, withPad: " ", startingAt: 0), Styles.label)
            text.append(body, style)
            return text.wrapped(width: contentWidth, indent: labelWidth)
        }
        let title = StyledText(session.header.title, Styles.question).wrapped(width: contentWidth)
        let purpose = session.plan.purpose.isEmpty ? [] : section("Purpose", session.plan.purpose)
        let roster = session.roster
        let here = roster.isEmpty
            ? section("Here", "no one yet: type the first name and press Enter", Styles.dim)
            : section("Here (\(roster.count))", roster.joined(separator: ", "), Styles.emphasis)
        let stages = session.plan.stages
        let minutes = stages.reduce(0) { $0 + $1.minutes }
        let list = stages.enumerated().map { "\($0.offset + 1) \($0.element.displayName)" }.joined(separator: " · ")
        let plan = stages.isEmpty ? [] : section("Plan", list + " — \(minutes) minutes", Styles.dim)
        var follows: [Line] = []
        if let earlier = session.header.followUp {
            let count = earlier.items.count
            follows = section("Follows", earlier.previousTitle + " · Review next: \(count) " + (count == 1 ? "item" : "items"))
        }
        // Display order, and the order in which sections are dropped when space is short.
        var sections = [(0, title), (4, follows), (1, purpose), (2, here), (3, plan)].filter { !$0.1.isEmpty }
        let rows = bottom - top
        func height() -> Int { sections.map(\.1.count).reduce(0, +) + sections.count - 1 }
        for drop in [0, 3, 1, 4] where height() > rows && sections.count > 1 {
            sections.removeAll { $0.0 == drop }
        }
        var lines: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(.blank) }
            lines += section.1
        }
        drawTopAnchored(lines, top: top, bottom: bottom)
    }

    /// Lines from the top; when they do not fit, the last row says how many are left out.
    mutating func drawTopAnchored(_ lines: [Line], top: Int, bottom: Int) {
        let rows = bottom - top
        guard rows > 0 else { return }
        if lines.count <= rows {
            for (offset, line) in lines.enumerated() { paint(line, row: top + offset) }
            return
        }
        for (offset, line) in lines.prefix(rows - 1).enumerated() { paint(line, row: top + offset) }
        frame.put("… \(lines.count - rows + 1) more lines", Styles.dim, x: left, y: bottom - 1)
    }

    // MARK: Plausibility board

    /// Stories are ranked once everyone here has placed dots (in an anonymous session,
    /// once there are as many placements as people here); until then they stay in the
    /// order they were told, so a number never moves while dots arrive.
    var everyoneHasPlacedDots: Bool {
        let roster = session.roster
        if roster.isEmpty { return false }
        if session.anonymous { return session.dots.count >= roster.count }
        return roster.allSatisfy { !session.dotsPlaced(by: $0).isEmpty }
    }

    /// The board as cards side by side when they fit in `rows` (a projector's big screen),
    /// else as a list of one line per story, which fits the most on a small one.
    func boardLines(width: Int, rows: Int) -> [Line] {
        let stories = session.stories
        if stories.isEmpty {
            return [Line("No stories yet: the stories told in Social activity appear here.", Styles.dim)]
        }
        let totals = session.dotTotals
        let ranked = everyoneHasPlacedDots
        var order = Array(stories.enumerated()).map { (number: $0.offset + 1, story: $0.element, dots: totals[$0.element.id] ?? 0) }
        if ranked {
            order.sort { $0.dots != $1.dots ? $0.dots > $1.dots : $0.number < $1.number }
        }
        let heading = ranked ? "Ranked by dots: everyone has placed theirs" : "Dots as they arrive · /dots 1 2 3"
        var lines = [Line(heading, Styles.label)]
        if let cards = grid(order.count, width: width, minimumWidth: 22, blankBetweenRows: true, block: { index, cardWidth in
            let entry = order[index]
            return card(number: entry.number, story: entry.story, dots: entry.dots, first: ranked && index == 0, width: cardWidth)
        }), cards.count + 1 <= rows {
            return lines + cards
        }
        let numberWidth = String(stories.count).count
        let dotsWidth = min(10, order.map(\.dots).max() ?? 0) + (order.contains { $0.dots > 10 } ? 1 : 0)
        let countWidth = String(order.map(\.dots).max() ?? 0).count
        for (rank, entry) in order.enumerated() {
            var text = StyledText()
            let number = String(entry.number)
            text.append(String(repeating: " ", count: numberWidth - number.count) + number, ranked && rank == 0 ? Styles.selected : Styles.number)
            text.append("  ", Styles.text)
            let dots = String(repeating: "●", count: min(entry.dots, 10)) + (entry.dots > 10 ? "+" : "")
            text.append(dots + String(repeating: " ", count: max(0, dotsWidth - dots.count)), Styles.label)
            let count = String(entry.dots)
            text.append(" " + String(repeating: " ", count: countWidth - count.count) + count + "  ", Styles.emphasis)
            let titleX = DisplayWidth.of(characters: text.characters)
            var title = entry.story.title
            if let author = entry.story.author, !session.anonymous { title += " — " + author }
            text.append(TextLayout.truncate(title, width: width - titleX), Styles.text)
            lines.append(Line(text))
            let cues = session.cueLinks.filter { $0.story == entry.story.id }.map(\.cue)
            let minds = session.mindChangers.filter { $0.story == entry.story.id }.map(\.text)
            for (label, said) in [("cues: ", cues), ("would change our mind: ", minds)] where !said.isEmpty {
                let text = StyledText(label + said.map { $0.replacingNewlines() }.joined(separator: " · "), Styles.dim)
                lines += text.wrapped(width: width - titleX).map { $0.indented(by: titleX) }
            }
        }
        return lines
    }

    /// One story on the board: its number and dots, its title (two lines at most) and who
    /// told it, then the cues linked to it and what would change our mind.
    func card(number: Int, story: Contribution, dots: Int, first: Bool, width: Int) -> [Line] {
        var head = StyledText()
        head.append(String(number), first ? Styles.selected : Styles.number)
        head.append("  ", Styles.text)
        head.append(dots == 0 ? "no dots" : String(repeating: "●", count: min(dots, 10)) + (dots > 10 ? "+" : ""), Styles.label)
        if dots > 0 { head.append(" \(dots)", Styles.emphasis) }
        if let author = story.author, !session.anonymous { head.append(" · " + author, Styles.dim) }
        var lines = clipped(head, width: width, rows: 1)
        // The story's first line, as much of it as two lines hold.
        let title = String(story.text.split(separator: "\n", maxSplits: 1).first ?? "")
        lines += clipped(StyledText(title, Styles.text), width: width, rows: 2)
        let cues = session.cueLinks.filter { $0.story == story.id }.map(\.cue)
        let minds = session.mindChangers.filter { $0.story == story.id }.map { $0.text.replacingNewlines() }
        for (label, said) in [("cues: ", cues), ("would change our mind: ", minds)] where !said.isEmpty {
            lines += clipped(StyledText(label + said.joined(separator: " · "), Styles.dim), width: width, rows: 3)
        }
        return lines
    }

    /// Text wrapped to `rows` lines at most; the last ends with "…" when some is left out.
    func clipped(_ text: StyledText, width: Int, rows: Int) -> [Line] {
        let lines = text.wrapped(width: width)
        guard lines.count > rows, let last = lines.prefix(rows).last else { return lines }
        return Array(lines.prefix(rows - 1)) + [ellipsized(last, width: width)]
    }

    /// A line cut to leave room in `width` for " …", which it then ends with: it says that
    /// more was left out.
    func ellipsized(_ last: Line, width: Int) -> Line {
        var text = StyledText()
        text.characters = Array(last.characters)
        text.styles = Array(last.styles)
        var line = Line(truncated(text, width: width - last.indent - 2), indent: last.indent)
        line.characters += [" ", "…"]
        line.styles += [Styles.dim, Styles.dim]
        return line
    }

    mutating func drawBoard(top: Int, bottom: Int, ruleRow: Int) {
        let storyCount = session.stories.count
        let label = storyCount == 0 ? nil : "\(storyCount) \(plural("story", storyCount)) on the board"
        drawSplit(head: boardLines(width: contentWidth, rows: headRoom(rows: bottom - top)), headLabel: label, tailLabel: "the room's narrative and notes",
                  top: top, bottom: bottom, ruleRow: ruleRow)
    }

    /// A fixed part on top (the board, the synthesis) and the stage's contributions under it.
    /// Unscrolled, the top part shows as much as fits and the newest contributions stay in
    /// view; scrolled back with PgUp, both are one list, so every line can be reached.
    mutating func drawSplit(head: [Line], headLabel: String?, tailLabel: String, top: Int, bottom: Int, ruleRow: Int) {
        let rows = bottom - top
        let items = stats.live
        if state.scroll > 0 && items + head.count > 0 {
            let separator = ruleLine(tailLabel)
            let screen = self
            let width = contentWidth
            let contributions = newestFirst(inStage: session.current).map { screen.block($0, width: width) }
            let headBlocks = (items > 0 ? [[separator]] : []) + head.reversed().map { [$0] }
            let feed = window(rows: rows - 1, scroll: state.scroll, total: items + headBlocks.count,
                              newestFirst: [AnySequence(contributions), AnySequence(headBlocks)].lazy.joined())
            drawWindow(feed, top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: headLabel, noun: "more")
            return
        }
        let headRows = min(head.count, headRoom(rows: rows))
        if head.count > headRows {
            for (offset, line) in head.prefix(headRows - 1).enumerated() { paint(line, row: top + offset) }
            frame.put("… \(head.count - headRows + 1) more lines · PgUp", Styles.dim, x: left, y: top + headRows - 1)
        } else {
            for (offset, line) in head.enumerated() { paint(line, row: top + offset) }
        }
        drawRule(row: ruleRow, leftLabel: nil, rightLabel: headLabel)
        guard items > 0 else { return }
        let separator = top + headRows
        let feed = contributionWindow(rows: bottom - separator - 1, total: items)
        drawWindow(feed, top: separator + 1, bottom: bottom, ruleRow: separator, ruleLabel: tailLabel)
    }

    /// The rows the top part of a split may take unscrolled: all but a rule and a few of
    /// the newest contributions under it, when there are any.
    func headRoom(rows: Int) -> Int {
        max(1, rows - (stats.live == 0 ? 0 : 1 + min(3, rows / 3)))
    }

    /// A rule with a label at its right end, as a line of a list.
    func ruleLine(_ label: String) -> Line {
        let text = " \(label) "
        let dashes = max(2, contentWidth - DisplayWidth.of(text) - 2)
        var styled = StyledText(String(repeating: "─", count: dashes), Styles.dim)
        styled.append(text, Styles.dim)
        styled.append("──", Styles.dim)
        return Line(styled)
    }

    // MARK: Retrospection timeline

    mutating func drawTimeline(top: Int, bottom: Int, ruleRow: Int) {
        let stage = session.current
        let notes = session.items(inStage: stage)
        if notes.isEmpty {
            drawRule(row: ruleRow, leftLabel: nil, rightLabel: "Timeline")
            frame.put(TextLayout.truncate("Nothing yet. /when 2019 dates the next note; notes take their place in time.", width: contentWidth),
                      Styles.dim, x: left, y: top)
            return
        }
        let timeline = Timeline(notes.filter { $0.kind != .note })
        var blocks: [[Line]] = []
        for entry in timeline.entries {
            var labels: [String] = []
            for note in entry.notes {
                if let when = note.tags.when, !labels.contains(when) { labels.append(when) }
            }
            var block = [Line("● " + labels.joined(separator: " / "), Styles.label)]
            block += columns(entry.notes, width: contentWidth - 2).map { $0.indented(by: 2) }
            blocks.append(block)
        }
        let facilitatorNotes = notes.filter { $0.kind == .note }
        let unplaced = timeline.unplaced + facilitatorNotes
        if !unplaced.isEmpty {
            blocks.append([Line(timeline.entries.isEmpty ? "Not yet placed in time (/when dates a note)" : "Not placed in time", Styles.label)])
            for note in unplaced { blocks.append(block(note, width: contentWidth - 2).map { $0.indented(by: 2) }) }
        }
        let rows = bottom - top - (state.scroll > 0 ? 1 : 0)
        let feed = window(rows: rows, scroll: state.scroll, total: blocks.count, newestFirst: blocks.reversed())
        drawWindow(feed, top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: "Timeline · \(timeline.entries.count) moments", noun: "more")
    }

    /// Memories of the same moment side by side, in columns, never merged.
    func columns(_ notes: [Contribution], width: Int) -> [Line] {
        grid(notes.count, width: width, minimumWidth: 24) { index, columnWidth in
            block(notes[index], width: columnWidth, showWhen: false)
        } ?? notes.flatMap { block($0, width: width, showWhen: false) }
    }

    /// `count` blocks side by side in rows of as many columns of at least `minimumWidth`
    /// as fit, split by "│"; nil when only one fits.
    func grid(_ count: Int, width: Int, minimumWidth: Int, blankBetweenRows: Bool = false,
              block: (_ index: Int, _ width: Int) -> [Line]) -> [Line]? {
        let gap = 3
        let perRow = max(1, min(count, (width + gap) / (minimumWidth + gap)))
        if perRow == 1 { return nil }
        let columnWidth = (width - gap * (perRow - 1)) / perRow
        var lines: [Line] = []
        var start = 0
        while start < count {
            if blankBetweenRows && start > 0 { lines.append(.blank) }
            let group = (start..<min(count, start + perRow)).map { block($0, columnWidth) }
            let height = group.map(\.count).max() ?? 0
            for row in 0..<height {
                var text = StyledText()
                for (index, column) in group.enumerated() {
                    var used = 0
                    if row < column.count {
                        let line = column[row]
                        text.append(String(repeating: " ", count: line.indent), Styles.text)
                        text.characters += line.characters
                        text.styles += line.styles
                        used = line.indent + DisplayWidth.of(characters: line.characters)
                    }
                    if index < group.count - 1 {
                        text.append(String(repeating: " ", count: max(0, columnWidth - used)) + " │ ", Styles.dim)
                    }
                }
                lines.append(Line(text))
            }
            start += perRow
        }
        return lines
    }

    // MARK: Close

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
                shown.append(ellipsized(last, width: contentWidth))
            }
            lines += shown
        }
        return lines
    }

    /// Styled text cut to a width, at a cluster.
    func truncated(_ text: StyledText, width: Int) -> StyledText {
        var out = StyledText()
        var used = 0
        for (index, character) in text.characters.enumerated() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.characters.append(character)
            out.styles.append(text.styles[index])
            used += w
        }
        return out
    }
}
