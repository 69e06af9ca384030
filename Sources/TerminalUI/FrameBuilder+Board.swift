import SensemakingCore

/// Plausibility's board: the stories told, with their dots, cues and mind changers, over the
/// room's narrative and notes.
extension FrameBuilder {
    mutating func drawBoard(top: Int, bottom: Int, ruleRow: Int) {
        let storyCount = session.stories.count
        let label = storyCount == 0 ? nil : "\(storyCount) \(plural("story", storyCount)) on the board"
        drawSplit(head: boardLines(width: contentWidth, rows: headRoom(rows: bottom - top)), headLabel: label, tailLabel: "the room's narrative and notes",
                  top: top, bottom: bottom, ruleRow: ruleRow)
    }


    /// The board as cards side by side when they fit in `rows` (a projector's big screen),
    /// else as a list of one line per story, which fits the most on a small one.
    func boardLines(width: Int, rows: Int) -> [Line] {
        let stories = session.stories
        if stories.isEmpty {
            return [Line("No stories yet: the stories told in Social activity appear here.", Styles.dim)]
        }
        // Until the dots are revealed the room sees who has voted, never how (no anchoring):
        // no counts, and the stories stay in the order they were told.
        let ranked = session.revealed
        let totals = ranked ? session.dotTotals : [:]
        var order = Array(stories.enumerated()).map { (number: $0.offset + 1, story: $0.element, dots: totals[$0.element.id] ?? 0) }
        if ranked {
            order.sort { $0.dots != $1.dots ? $0.dots > $1.dots : $0.number < $1.number }
        }
        var lines = [Line(!ranked ? hiddenDotsHeading(width: width)
                          : session.everyoneHasPlacedAllDots ? "Ranked by dots: everyone has placed theirs" : "Ranked by dots: revealed", Styles.label)]
        // A title on three lines when the board has the rows (the back row reads it whole),
        // else on two.
        for titleRows in [3, 2] {
            if let cards = Line.grid(order.count, width: width, minimumWidth: 22, blankBetweenRows: true, block: { index, cardWidth in
                let entry = order[index]
                return card(number: entry.number, story: entry.story, dots: ranked ? entry.dots : nil, first: ranked && index == 0,
                            width: cardWidth, titleRows: titleRows)
            }), cards.count + 1 <= rows {
                return lines + cards
            }
        }
        let numberWidth = String(stories.count).count
        let dotsWidth = min(10, order.map(\.dots).max() ?? 0) + (order.contains { $0.dots > 10 } ? 1 : 0)
        let countWidth = String(order.map(\.dots).max() ?? 0).count
        for (rank, entry) in order.enumerated() {
            var text = StyledText()
            let number = String(entry.number)
            text.append(String(repeating: " ", count: numberWidth - number.count) + number, ranked && rank == 0 ? Styles.selected : Styles.number)
            text.append("  ", Styles.text)
            if ranked {
                let dots = String(repeating: "●", count: min(entry.dots, 10)) + (entry.dots > 10 ? "+" : "")
                text.append(dots + String(repeating: " ", count: max(0, dotsWidth - dots.count)), Styles.label)
                let count = String(entry.dots)
                text.append(" " + String(repeating: " ", count: countWidth - count.count) + count + "  ", Styles.emphasis)
            }
            let titleX = DisplayWidth.of(characters: text.characters)
            // The title cut at a word, wrapped under itself rather than cut mid-phrase.
            text.append(StoryTitle(entry.story.text).title, Styles.text)
            if let author = entry.story.author, !session.anonymous { text.append(" — " + author, Styles.dim) }
            lines += text.wrapped(width: width, indent: titleX)
            let cues = session.cueLinks.filter { $0.story == entry.story.id }.map(\.cue)
            let minds = session.mindChangers.filter { $0.story == entry.story.id }.map(\.text)
            for (label, said) in [("cues: ", cues), ("would change our mind: ", minds)] where !said.isEmpty {
                let text = StyledText(label + said.map { $0.replacingNewlines() }.joined(separator: " · "), Styles.dim)
                lines += text.wrapped(width: width - titleX).map { $0.indented(by: titleX) }
            }
        }
        return lines
    }

    /// Above the stories while the dots are hidden: who has voted (never how), and how to
    /// show them. An anonymous session's dots carry no name: it counts the dots placed.
    func hiddenDotsHeading(width: Int) -> String {
        let hidden = "Dots hidden until everyone has voted or /reveal · "
        if session.anonymous {
            let placed = session.dotsPlacedInAll
            // Resumed, no one is here until the room says so: no share to count against yet.
            if session.roster.isEmpty { return hidden + "\(placed) \(placed == 1 ? "dot" : "dots") placed" }
            return hidden + "\(placed) of \(session.roster.count * session.plan.dots) placed"
        }
        let voted = session.voted
        if voted.isEmpty { return hidden + "no one has voted yet" }
        return hidden + fitNames("voted: " + voted.joined(separator: ", "), width: width - DisplayWidth.of(hidden))
    }

    /// One story on the board: its number and dots (nil: hidden), its title (`titleRows` lines
    /// at most) and who told it, then the cues linked to it and what would change our mind.
    func card(number: Int, story: Contribution, dots: Int?, first: Bool, width: Int, titleRows: Int) -> [Line] {
        var head = StyledText()
        head.append(String(number), first ? Styles.selected : Styles.number)
        if let dots {
            head.append("  ", Styles.text)
            head.append(dots == 0 ? "no dots" : String(repeating: "●", count: min(dots, 10)) + (dots > 10 ? "+" : ""), Styles.label)
            if dots > 0 { head.append(" \(dots)", Styles.emphasis) }
        }
        if let author = story.author, !session.anonymous { head.append(" · " + author, Styles.dim) }
        var lines = head.clipped(width: width, rows: 1)
        // The story's title (its first line, or its opening words cut at a word).
        lines += StyledText(StoryTitle(story.text).title, Styles.text).clipped(width: width, rows: titleRows)
        let cues = session.cueLinks.filter { $0.story == story.id }.map(\.cue)
        let minds = session.mindChangers.filter { $0.story == story.id }.map { $0.text.replacingNewlines() }
        for (label, said) in [("cues: ", cues), ("would change our mind: ", minds)] where !said.isEmpty {
            lines += StyledText(label + said.joined(separator: " · "), Styles.dim).clipped(width: width, rows: 3)
        }
        return lines
    }
}
