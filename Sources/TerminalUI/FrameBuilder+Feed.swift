import Foundation
import SensemakingCore

/// The visible page of a list, bottom-anchored: page 0 ends with the newest line, page
/// k + 1 ends where page k began, and the last page starts with the first line, so paging
/// from one end to the other shows every line.
struct FeedWindow {
    /// Visible lines, oldest first.
    var lines: [Line]
    /// Blocks whose first line is above the window.
    var above: Int
    /// Blocks entirely below the window.
    var below: Int
    /// The page shown, after keeping the one asked for within what there is.
    var page: Int
    /// Whether the page shown is not the first: lines are above it.
    var more: Bool
}

/// The feed: a stage's contributions, newest at the bottom, paged back with PgUp; the
/// paged window the other screens' lists share.
extension FrameBuilder {
    /// Page `requested` of blocks of lines given newest first, in `rows` (a page after the
    /// first, or every page with `hintOnFirst`, keeps its last row for "↓ N more · PgDn"). Only as many blocks are laid out as
    /// the pages up to the one asked for need; `total` is how many there are in all.
    func window(rows: Int, page requested: Int, total: Int, hintOnFirst: Bool = false,
                newestFirst blocks: some Sequence<[Line]>) -> FeedWindow {
        var reversed: [Line] = []
        // Per block, the index in `reversed` of its first (oldest) line.
        var firstLines: [Int] = []
        var iterator = blocks.makeIterator()
        var page = 0
        var start = 0
        var end = 0
        var more = true
        while true {
            let rowsHere = page == 0 && !hintOnFirst ? max(1, rows) : max(1, rows - 1)
            while reversed.count <= start + rowsHere, let block = iterator.next() {
                reversed.append(contentsOf: block.reversed())
                firstLines.append(reversed.count - 1)
            }
            if start + rowsHere >= reversed.count {
                // The first page: it starts with the first line and fills its rows.
                if page > 0 { start = max(0, reversed.count - rowsHere) }
                end = reversed.count
                more = false
                break
            }
            end = start + rowsHere
            // A block cut at the top of the page shows from its first line on the next page,
            // unless it alone fills this one.
            if let block = firstLines.firstIndex(where: { $0 >= end - 1 }), firstLines[block] > end - 1 {
                let previous = block > 0 ? firstLines[block - 1] : -1
                if previous >= start { end = previous + 1 }
            }
            if page >= requested { break }
            start = end
            page += 1
        }
        let lines = Array(reversed[start..<end].reversed())
        let shownOrBelow = firstLines.filter { $0 < end }.count
        let below = firstLines.filter { $0 < start }.count
        return FeedWindow(lines: lines, above: max(0, total - shownOrBelow), below: below, page: page, more: more)
    }

    /// Paints a window from `top`, with "↑ N earlier · PgUp" on the rule above and, on a
    /// page back, "↓ N more · PgDn" (or, at the end of a split's whole list, "↓ back to the
    /// top · PgDn") on its last row; reports the page to the frame.
    mutating func drawWindow(_ feed: FeedWindow, top: Int, bottom: Int, ruleRow: Int, ruleLabel: String?,
                             noun: String = "earlier", pageOffset: Int = 0) {
        for (offset, line) in feed.lines.enumerated() where top + offset < bottom {
            paint(line, row: top + offset)
        }
        let up = feed.above > 0 ? "↑ \(feed.above) \(noun) · PgUp" : nil
        drawRule(row: ruleRow, leftLabel: up, rightLabel: ruleLabel)
        // A split's whole list shown to its end: PgDn goes back to its live view, which opens
        // with the top part; nothing to say when the whole list is on this one page.
        let splitEnd = pageOffset > 0 && feed.below == 0
        if feed.page + pageOffset > 0, !(splitEnd && feed.above == 0) {
            let text = feed.below > 0 ? "↓ \(feed.below) more · PgDn" : splitEnd ? "↓ back to the top · PgDn" : "↓ more · PgDn"
            frame.fill(row: bottom - 1, from: left, to: right, style: .plain)
            frame.put(text, Styles.dim, x: left + 2, y: bottom - 1)
        }
        frame.scrolled = Scrolled(page: feed.page + pageOffset, more: feed.more)
    }

    // MARK: Contributions

    /// "7 retrospection notes", for the rule above the stage's contributions.
    func countLabel() -> String? {
        let count = stats.captured
        if count == 0 { return nil }
        // One kind names itself ("4 actions"); curated kinds side by side are contributions.
        return "\(count) " + plural(stats.capturedKind?.label ?? "contribution", count)
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
        let feed = contributionWindow(rows: bottom - top, total: total)
        drawWindow(feed, top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: ruleLabel)
    }

    /// The current stage's contributions in a window of `rows`, laid out newest first
    /// and only as far back as the window and the scroll reach.
    func contributionWindow(rows: Int, total: Int) -> FeedWindow {
        let builder = self
        let width = contentWidth
        return window(rows: rows, page: state.scroll, total: total,
                      newestFirst: newestFirst(inStage: session.current).map { builder.block($0, width: width) })
    }

    var emptyText: String {
        if let holder = session.turnHolder { return "Nothing yet. \(holder) begins: type below and press Enter." }
        return "Nothing yet."
    }

    /// The lines a contribution may take on the screen: a long one is clipped with "…" so
    /// that it does not push every other off (the log and the report keep it whole).
    var clipRows: Int { height < 20 ? 3 : height < 40 ? 4 : 6 }

    /// A contribution: "#12 Ana (as a GP · 2019 · edited): text", wrapped with the lines
    /// after the first indented under the name, `clipRows` lines at most.
    func block(_ contribution: Contribution, width: Int, showWhen: Bool = true) -> [Line] {
        var text = StyledText()
        let number = "#\(contribution.id)"
        text.append(number, Styles.meta)
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
            text.append((named ? " " : "") + "(" + tags.joined(separator: " · ") + ")", Styles.meta)
            named = true
        }
        text.append(named ? ": " : "", Styles.text)
        text.append(contribution.text, Styles.text)
        return text.clipped(width: width, rows: clipRows, indent: DisplayWidth.of(number) + 1)
    }

    func tagParts(_ contribution: Contribution, showWhen: Bool) -> [String] {
        var parts: [String] = []
        // Only the tags its kind means: an owner on an action, a story on a reply.
        let tags = contribution.fittingTags
        if let identity = tags.speakingAs { parts.append("as \(identity)") }
        if showWhen, let when = tags.when { parts.append(when) }
        if let owner = tags.owner, owner != contribution.author { parts.append("owner: \(owner)") }
        if let due = tags.due { parts.append("due \(due)") }
        // The room sees a reply as one, not as another story.
        if let story = tags.replyTo { parts.append("reply to #\(story)") }
        if contribution.edited { parts.append("edited") }
        return parts
    }
}
