import SensemakingCore

/// The header bar (title, stage k of n, the timer), then the stage's name, its question and
/// its other prompts.
extension FrameBuilder {
    mutating func drawHeader() {
        frame.fill(row: 0, style: Styles.header)
        let (timer, over) = timerText()
        let stage = stageText(marker: true)
        let timerWidth = DisplayWidth.of(timer)
        var stageLabel = stage
        var titleRoom = width - 2 - timerWidth - DisplayWidth.of(stageLabel) - 6
        if titleRoom < 12 {
            stageLabel = stageText(marker: false)
            titleRoom = width - 2 - timerWidth - DisplayWidth.of(stageLabel) - 6
        }
        let title = TextLayout.truncate(session.header.title, width: max(0, titleRoom))
        frame.put(title, Styles.headerBold, x: left, y: 0)
        let timerX = width - 1 - timerWidth
        frame.put(timer, over ? Styles.overtime : Styles.headerBold, x: timerX, y: 0)
        frame.put(stageLabel, Styles.header, x: timerX - 3 - DisplayWidth.of(stageLabel), y: 0)
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
        var rule: Int
        var area: Range<Int>
    }

    func layoutTop(bottom: Int) -> Top {
        let prompts = session.stage.prompts
        let question = StyledText(prompts.first ?? "", Styles.question).wrapped(width: contentWidth)
        var questionRows = min(question.count, spacious ? 3 : 2)
        var others = Array(prompts.dropFirst())
        var promptRows = min(others.count, spacious ? 4 : height >= 22 ? 2 : 0)
        var meaning = spacious && session.stage.element != nil
        let gap = spacious ? 1 : 0
        func areaRows() -> Int {
            bottom - (1 + gap + 1 + (meaning ? 1 : 0) + questionRows + promptRows + 1)
        }
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
            last = Line(StyledText(TextLayout.truncate(String(last.characters) + " …", width: contentWidth - last.indent), Styles.question), indent: last.indent)
            shown.append(last)
        }
        let questionTop = row
        row += shown.count
        let promptsTop = row
        row += others.count
        return Top(stageRow: stageRow, meaning: meaningRow, question: shown, questionTop: questionTop,
                   prompts: others, promptsTop: promptsTop, rule: row, area: (row + 1)..<bottom)
    }

    mutating func drawTop(_ top: Top) {
        let name = session.stage.name
        var x = frame.put(name, Styles.stageName, x: left, y: top.stageRow)
        if let element = session.stage.element, top.meaning == nil {
            let meaning = "  " + element.meaning
            if x + DisplayWidth.of(meaning) <= width - 1 - viewHintWidth {
                x = frame.put(meaning, Styles.dim, x: x, y: top.stageRow)
            }
        }
        if let hint = viewHint {
            frame.put(hint, Styles.dim, x: width - 1 - DisplayWidth.of(hint), y: top.stageRow)
        }
        if let row = top.meaning, let element = session.stage.element {
            frame.put(TextLayout.truncate(element.meaning, width: contentWidth), Styles.dim, x: left, y: row)
        }
        for (offset, line) in top.question.enumerated() { paint(line, row: top.questionTop + offset) }
        for (offset, prompt) in top.prompts.enumerated() {
            frame.put(TextLayout.truncate("· " + prompt, width: contentWidth), Styles.dim, x: left, y: top.promptsTop + offset)
        }
    }

    /// Retrospection says which key switches its view.
    var viewHint: String? {
        guard session.stage.element == .retrospection else { return nil }
        return state.retrospectionView == .list ? "Tab: timeline" : "Tab: list"
    }

    var viewHintWidth: Int { viewHint.map { DisplayWidth.of($0) + 2 } ?? 0 }
}
