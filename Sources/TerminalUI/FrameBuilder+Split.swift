import SensemakingCore

/// The split view of Review, the board and Close: a fixed part on top, the stage's
/// contributions under it.
extension FrameBuilder {
    /// A fixed part on top (the board, the synthesis) and the stage's contributions under it.
    /// On page 0 (the live view) the top part shows as much as fits and the newest
    /// contributions stay in view; on the pages back (PgUp, Home) both are one list, paged
    /// like the feed, so every line can be reached.
    mutating func drawSplit(head: [Line], headLabel: String?, tailLabel: String, top: Int, bottom: Int, ruleRow: Int) {
        let rows = bottom - top
        let items = stats.live
        if state.scroll > 0 && items + head.count > 0 && !fits(head: head, rows: rows) {
            let feed = wholeList(head: head, tailLabel: tailLabel, rows: rows, page: state.scroll - 1)
            drawWindow(feed, top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: headLabel, noun: "more", pageOffset: 1)
            return
        }
        let headRows = min(head.count, headRoom(rows: rows))
        // The live view cut the top part short: PgDn goes on with the whole list, at its
        // second page when that starts no lower than where the live view stopped, else at its
        // first (pages back count from the newest: the first page is the highest).
        var down: Int?
        if head.count > headRows {
            for (offset, line) in head.prefix(headRows - 1).enumerated() { paint(line, row: top + offset) }
            frame.put("  ↓ \(head.count - headRows + 1) more · PgDn", Styles.dim, x: left, y: top + headRows - 1)
            let first = wholeList(head: head, tailLabel: tailLabel, rows: rows, page: AppState.scrollTop - 1)
            if first.page > 0, wholeList(head: head, tailLabel: tailLabel, rows: rows, page: first.page - 1).above <= headRows - 1 {
                down = first.page
            } else {
                down = first.page + 1
            }
        } else {
            for (offset, line) in head.enumerated() { paint(line, row: top + offset) }
        }
        drawRule(row: ruleRow, leftLabel: nil, rightLabel: headLabel)
        frame.scrolled = Scrolled(page: 0, more: head.count > headRows, down: down)
        guard items > 0 else { return }
        let separator = top + headRows
        let feed = contributionWindow(rows: bottom - separator - 1, total: items)
        drawWindow(feed, top: separator + 1, bottom: bottom, ruleRow: separator, ruleLabel: tailLabel)
        frame.scrolled = Scrolled(page: 0, more: head.count > headRows || feed.more, down: down)
    }

    /// The top part and the stage's contributions as one list, paged like the feed: `page`
    /// 0 ends with the newest contribution.
    func wholeList(head: [Line], tailLabel: String, rows: Int, page: Int) -> FeedWindow {
        let separator = ruleLine(tailLabel)
        let builder = self
        let width = contentWidth
        let items = stats.live
        let contributions = newestFirst(inStage: session.current).map { builder.block($0, width: width) }
        let headBlocks = (items > 0 ? [[separator]] : []) + head.reversed().map { [$0] }
        return window(rows: rows, page: page, total: items + headBlocks.count,
                      hintOnFirst: true, newestFirst: [AnySequence(contributions), AnySequence(headBlocks)].lazy.joined())
    }

    /// Whether the live view already shows every line of the top part and the contributions.
    func fits(head: [Line], rows: Int) -> Bool {
        head.count <= headRoom(rows: rows) && stats.live == 0
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
}
