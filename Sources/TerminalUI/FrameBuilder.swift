import SensemakingCore

/// Builds one frame for a state: lays the screen out top to bottom and draws each part onto
/// `frame`. Each screen's area lives in its own file (`FrameBuilder+Board.swift`, ...).
struct FrameBuilder {
    let state: AppState
    var frame: Frame
    let theme: Theme
    let stats: StageStats

    /// `stats` is only read by the stage's area and the banner; a redraw of the header or
    /// the input box alone passes an empty one rather than walk the stage's contributions.
    init(state: AppState, frame: Frame, theme: Theme, stats: StageStats? = nil) {
        self.state = state
        self.frame = frame
        self.theme = theme
        self.stats = stats ?? StageStats(state.session)
    }

    var session: Session { state.session }
    var width: Int { frame.size.width }
    var height: Int { frame.size.height }
    /// Content starts after a one-column margin and ends one column before the edge; a
    /// column of a side-by-side view (`FrameBuilder+Beside.swift`) narrows them.
    var left = 1
    /// The width of a column, when the builder draws one (nil: the whole screen's).
    var columnWidth: Int?
    var contentWidth: Int { columnWidth ?? width - 2 }
    /// The column after the content.
    var right: Int { left + contentWidth }
    var spacious: Bool { height >= 30 }

    /// Draws everything; returns the rows of the input box, if there is one.
    @discardableResult
    mutating func draw() -> Range<Int>? {
        drawHeader()
        if state.showHelp {
            drawHelp(top: 1, bottom: height - 1)
            drawOverlayBanner("Help")
            return nil
        }
        if state.showJoin {
            drawJoinScreen(top: 1, bottom: height - 1)
            drawOverlayBanner("Join")
            return nil
        }
        let status = height - 1
        let messageLines = self.messageLines()
        let messageTop = status - max(1, messageLines.count)
        let input = inputLayout()
        let inputTop = messageTop - input.rows
        let banner = inputTop - 1

        let top = layoutTop(bottom: banner)
        drawTop(top)
        drawArea(top: top.area.lowerBound, bottom: top.area.upperBound, ruleRow: top.rule)
        drawBanner(row: banner)
        drawInput(input, top: inputTop)
        for (offset, line) in messageLines.enumerated() { paint(line, row: messageTop + offset) }
        drawStatus(row: status)
        return inputTop..<(inputTop + input.rows)
    }

    /// The last row of a screen laid over the session (help, join): how to close it, and no
    /// input box, so no cursor.
    mutating func drawOverlayBanner(_ name: String) {
        frame.fill(row: height - 1, style: Styles.banner)
        frame.put(" \(name) — press any key to close it", Styles.bannerBold, x: 0, y: height - 1)
        frame.cursor = nil
    }

    /// The stage's own screen between the rule under the prompts and the turn banner.
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
                if roomBeside {
                    drawBeside(top: top, bottom: bottom, ruleRow: ruleRow) { $0.drawBoard(top: top, bottom: bottom, ruleRow: ruleRow) }
                } else {
                    drawBoard(top: top, bottom: bottom, ruleRow: ruleRow)
                }
            } else if stage.element == .retrospection, state.retrospectionView == .timeline {
                if roomBeside {
                    drawBeside(top: top, bottom: bottom, ruleRow: ruleRow) { $0.drawTimeline(top: top, bottom: bottom, ruleRow: ruleRow) }
                } else {
                    drawTimeline(top: top, bottom: bottom, ruleRow: ruleRow)
                }
            } else {
                drawContributions(top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: countLabel())
            }
        }
    }

    // MARK: Rules and lines

    /// A rule across the content with labels on it: "── ↑ 3 more · PgUp ───── Timeline ──".
    mutating func drawRule(row: Int, leftLabel: String?, rightLabel: String?) {
        frame.put(String(repeating: "─", count: contentWidth), Styles.dim, x: left, y: row)
        if let leftLabel {
            frame.put(" \(leftLabel) ", Styles.label, x: left + 2, y: row, limit: right)
        }
        if let rightLabel {
            let text = " \(rightLabel) "
            let x = right - 2 - DisplayWidth.of(text)
            if x > left + 2 + (leftLabel.map { DisplayWidth.of($0) + 3 } ?? 0) {
                frame.put(text, Styles.dim, x: x, y: row)
            }
        }
    }

    mutating func paint(_ line: Line, row: Int, x: Int? = nil, limit: Int? = nil) {
        if let fill = line.fill { frame.fill(row: row, style: fill) }
        frame.put(line.characters, styles: line.styles, x: (x ?? left) + line.indent, y: row, limit: limit ?? right)
    }
}
