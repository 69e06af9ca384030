import SensemakingCore

/// The header bar (title, stage k of n, the timer), then the stage's name, its question and
/// its other prompts.
extension FrameBuilder {
    mutating func drawHeader() {
        frame.fill(row: 0, style: Styles.header)
        // With the big timer under it, the header leaves the time to the big digits.
        let (timer, over) = bigTimer == nil ? timerText() : ("", false)
        let timerWidth = DisplayWidth.of(timer)
        let gaps = timer.isEmpty ? 3 : 6
        var stageLabel = stageText(marker: true)
        var titleRoom = width - 2 - timerWidth - DisplayWidth.of(stageLabel) - gaps
        // The progress marker gives way before the title is cut.
        if titleRoom < max(12, DisplayWidth.of(session.header.title)) {
            stageLabel = stageText(marker: false)
            titleRoom = width - 2 - timerWidth - DisplayWidth.of(stageLabel) - gaps
        }
        let title = TextLayout.truncate(session.header.title, width: max(0, titleRoom))
        frame.put(title, Styles.headerBold, x: left, y: 0)
        let timerX = width - 1 - timerWidth
        if !timer.isEmpty { frame.put(timer, over ? Styles.overtime : Styles.headerBold, x: timerX, y: 0) }
        frame.put(stageLabel, Styles.header, x: timerX - (timer.isEmpty ? 0 : 3) - DisplayWidth.of(stageLabel), y: 0)
    }

    /// The big timer, when a timebox runs and the width leaves the prompts room beside it
    /// (not over help and `/qr`, which keep the header's).
    var bigTimer: BigTimer? {
        guard !state.showHelp, !state.showJoin, let timer = BigTimer(state), contentWidth - timer.width - 2 >= 30 else { return nil }
        return timer
    }

    /// Paints the big timer at the right end of the rows from `top`.
    mutating func drawBigTimer(_ timer: BigTimer, top: Int) {
        let x = width - 1 - timer.width
        for (offset, row) in timer.rows.enumerated() {
            frame.put(row, offset < 3 ? timer.digitStyle : timer.wordStyle, x: x, y: top + offset)
        }
    }

    /// "Stage 2 of 7 ●●○○○○○", "Welcome · 7 stages ○○○○○○○", "Close ●●●●●●●".
    func stageText(marker: Bool) -> String {
        let count = session.plan.stages.count
        let done: Int
        let label: String
        switch session.stage {
        case .welcome:
            done = 0
            label = "Welcome · \(count) stage\(count == 1 ? "" : "s")"
        case .review:
            done = 0
            label = "Review · then \(count) stage\(count == 1 ? "" : "s")"
        case .close:
            done = count
            label = "Close"
        case .element:
            done = session.planNumber(ofStage: session.current) ?? 0
            label = "Stage \(done) of \(count)"
        }
        guard marker, count > 0, count <= 12 else { return label }
        return label + " " + String(repeating: "●", count: done) + String(repeating: "○", count: count - done)
    }

    func timerText() -> (String, over: Bool) { TerminalUI.timerText(state) }

    // MARK: Stage name, question, prompts

    struct Top {
        var stageRow: Int
        var meaning: Int?
        var question: [Line]
        var questionTop: Int
        var prompts: [String]
        var promptsTop: Int
        var timer: BigTimer?
        /// The columns the stage's name, question and prompts may take (beside the timer).
        var textWidth: Int
        var rule: Int
        var area: Range<Int>
    }

    func layoutTop(bottom: Int) -> Top {
        let prompts = session.stage.prompts
        let timer = bigTimer
        let textWidth = timer.map { contentWidth - $0.width - 2 } ?? contentWidth
        let question = StyledText(prompts.first ?? "", Styles.question).wrapped(width: textWidth)
        var questionRows = min(question.count, spacious ? 3 : 2)
        var others = Array(prompts.dropFirst())
        var meaning = spacious && session.stage.element != nil
        // Rows beside the timer that would stay blank show more prompts.
        let besideTimer = timer == nil ? 0 : BigTimer.height - 1 - (meaning ? 1 : 0) - questionRows
        var promptRows = min(others.count, max(spacious ? 4 : height >= 22 ? 2 : 0, besideTimer))
        let gap = spacious ? 1 : 0
        func topRows() -> Int {
            max(1 + (meaning ? 1 : 0) + questionRows + promptRows, timer == nil ? 0 : BigTimer.height)
        }
        func areaRows() -> Int { bottom - (1 + gap + topRows() + 1) }
        while areaRows() < 4 {
            if promptRows > 0 { promptRows -= 1 } else if meaning { meaning = false } else if questionRows > 1 { questionRows -= 1 } else { break }
        }
        others = Array(others.prefix(promptRows))
        var row = 1 + gap
        let stageRow = row
        row += 1
        let meaningRow: Int? = meaning ? row : nil
        if meaning { row += 1 }
        var shown = Array(question.prefix(questionRows))
        if question.count > questionRows, var last = shown.popLast() {
            last = Line(StyledText(TextLayout.truncate(String(last.characters) + " …", width: textWidth - last.indent), Styles.question), indent: last.indent)
            shown.append(last)
        }
        let questionTop = row
        row += shown.count
        let promptsTop = row
        row = stageRow + topRows()
        return Top(stageRow: stageRow, meaning: meaningRow, question: shown, questionTop: questionTop,
                   prompts: others, promptsTop: promptsTop, timer: timer, textWidth: textWidth,
                   rule: row, area: (row + 1)..<bottom)
    }

    mutating func drawTop(_ top: Top) {
        let name = session.stage.name
        let end = left + top.textWidth
        var x = frame.put(name, Styles.stageName, x: left, y: top.stageRow)
        if let element = session.stage.element, top.meaning == nil {
            let meaning = "  " + element.meaning
            if x + DisplayWidth.of(meaning) <= end - viewHintWidth {
                x = frame.put(meaning, Styles.dim, x: x, y: top.stageRow)
            }
        }
        if let hint = viewHint, x + 2 + DisplayWidth.of(hint) <= end {
            frame.put(hint, Styles.dim, x: end - DisplayWidth.of(hint), y: top.stageRow)
        }
        if let row = top.meaning, let element = session.stage.element {
            frame.put(TextLayout.truncateAtWord(element.meaning, width: top.textWidth), Styles.dim, x: left, y: row)
        }
        for (offset, line) in top.question.enumerated() { paint(line, row: top.questionTop + offset) }
        for (offset, prompt) in top.prompts.enumerated() {
            frame.put(TextLayout.truncateAtWord("· " + prompt, width: top.textWidth), Styles.dim, x: left, y: top.promptsTop + offset)
        }
        if let timer = top.timer { drawBigTimer(timer, top: top.stageRow) }
    }

    /// Retrospection says which key switches its view, Close which turns its page.
    var viewHint: String? {
        if session.stage == .close { return "Tab: next page" }
        guard session.stage.element == .retrospection else { return nil }
        return state.retrospectionView == .list ? "Tab: timeline" : "Tab: list"
    }

    var viewHintWidth: Int { viewHint.map { DisplayWidth.of($0) + 2 } ?? 0 }
}
