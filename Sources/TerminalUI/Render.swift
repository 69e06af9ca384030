import Foundation
import SensemakingCore

/// The smallest screen the view lays out; below it, one centred message says so.
public let minimumSize = Size(width: 60, height: 16)

/// The whole screen for a state: pure, the same state and size always give the same frame.
///
/// Rows, top to bottom: the header bar (title, stage k of n with a progress marker, the
/// timer), the stage's name, its question and other prompts, a rule, the stage's area
/// (contributions, the plausibility board, the timeline, the synthesis), the turn banner,
/// the input box, the message line and the status line. Only what is visible is laid out:
/// contributions are walked from the newest back until the area is full.
///
/// `theme` does not change the frame: every role carries its own weight or reverse video,
/// and the painter adds the theme's colours.
public func render(_ state: AppState, size: Size, theme: Theme) -> Frame {
    renderWhole(state, size: size, theme: theme).frame
}

/// The whole frame, and where its input box went (nil when there is none: help, a screen
/// too small), for `Renderer` to redraw the box alone on the next key.
func renderWhole(_ state: AppState, size: Size, theme: Theme) -> (frame: Frame, input: Range<Int>?) {
    var frame = Frame(size: size)
    guard size.width > 0, size.height > 0 else { return (frame, nil) }
    if size.width < minimumSize.width || size.height < minimumSize.height {
        drawTooSmall(&frame)
        return (frame, nil)
    }
    // Moved, not copied: a live copy made the first cell written duplicate the whole grid.
    var screen = Screen(state: state, frame: consume frame, theme: theme)
    let input = screen.draw()
    return (screen.frame, input)
}

func drawTooSmall(_ frame: inout Frame) {
    let size = frame.size
    let text = "Make the window at least \(minimumSize.width)×\(minimumSize.height) — now \(size.width)×\(size.height)"
    let lines = TextLayout.wrap(text, width: max(2, size.width)).map(\.text)
    let top = max(0, (size.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < size.height {
        let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
        frame.put(line, Styles.emphasis, x: x, y: top + offset)
    }
    frame.cursor = nil
}

/// The styles of the screen. Every role has a weight, reverse video or underline, so
/// nothing depends on colour alone.
enum Styles {
    static let header = Style(.header, reverse: true)
    static let headerBold = Style(.header, bold: true, reverse: true)
    /// Overtime: a bold hole in the reversed header bar.
    static let overtime = Style(.error, bold: true)
    static let stageName = Style(.title, bold: true, underline: true)
    static let question = Style(.title, bold: true)
    static let dim = Style(.dim)
    static let number = Style(.accent, bold: true)
    static let author = Style(.normal, bold: true)
    static let text = Style.plain
    static let label = Style(.accent, bold: true)
    static let banner = Style(.banner, reverse: true)
    static let bannerBold = Style(.banner, bold: true, reverse: true)
    static let prompt = Style(.accent, bold: true)
    static let input = Style(.input)
    static let error = Style(.error, bold: true)
    static let errorBand = Style(.error, bold: true, reverse: true)
    static let ok = Style(.ok, bold: true)
    static let emphasis = Style(.normal, bold: true)
    static let selected = Style(.selected, bold: true)
}

/// What the screen needs to know about the current stage's contributions, counted in one
/// pass over the stage's own (through the session's per-stage index; drawing walks back
/// from the newest only).
struct StageStats {
    /// Live contributions and notes.
    var live = 0
    /// Live contributions of a kind the stage allows (not notes).
    var captured = 0
    /// Their kind when they all share one, for the rule's noun ("4 actions"); nil when mixed.
    var capturedKind: ContributionKind?
    /// Who has made a live contribution (not a note).
    var speakers = Set<String>()

    /// Nothing counted: for redraws that never read the counts.
    init() {}

    init(_ session: Session) {
        let kinds = session.stage.kinds
        var mixed = false
        let contributions = session.contributions
        // Fields read in place: copying each contribution out (its strings retained) cost
        // more than the rest of the count.
        for index in session.contributionsByStage[session.current] where !contributions[index].retracted {
            live += 1
            let kind = contributions[index].kind
            if kinds.contains(kind) {
                captured += 1
                if capturedKind == nil, !mixed { capturedKind = kind } else if capturedKind != kind { mixed = true; capturedKind = nil }
            }
            if contributions[index].kind != .note, let author = contributions[index].author { speakers.insert(author) }
        }
    }
}

struct Screen {
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
    /// Content starts after a one-column margin and ends one column before the edge.
    var left: Int { 1 }
    var contentWidth: Int { width - 2 }
    var spacious: Bool { height >= 30 }

    /// Draws everything; returns the rows of the input box, if there is one.
    @discardableResult
    mutating func draw() -> Range<Int>? {
        drawHeader()
        if state.showHelp {
            drawHelp(top: 1, bottom: height - 1)
            frame.fill(row: height - 1, style: Styles.banner)
            frame.put(" Help — press any key to close it", Styles.bannerBold, x: 0, y: height - 1)
            frame.cursor = nil
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

    // MARK: Header

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

    /// A rule across the content with labels on it: "── ↑ 3 more · PgUp ───── Timeline ──".
    mutating func drawRule(row: Int, leftLabel: String?, rightLabel: String?) {
        frame.put(String(repeating: "─", count: contentWidth), Styles.dim, x: left, y: row)
        if let leftLabel {
            frame.put(" \(leftLabel) ", Styles.label, x: left + 2, y: row, limit: width - 1)
        }
        if let rightLabel {
            let text = " \(rightLabel) "
            let x = width - 1 - 2 - DisplayWidth.of(text)
            if x > left + 2 + (leftLabel.map { DisplayWidth.of($0) + 3 } ?? 0) {
                frame.put(text, Styles.dim, x: x, y: row)
            }
        }
    }

    // MARK: Painting lines

    mutating func paint(_ line: Line, row: Int, x: Int? = nil, limit: Int? = nil) {
        if let fill = line.fill { frame.fill(row: row, style: fill) }
        frame.put(line.characters, styles: line.styles, x: (x ?? left) + line.indent, y: row, limit: limit ?? width - 1)
    }

    // MARK: Banner

    mutating func drawBanner(row: Int) {
        frame.fill(row: row, style: Styles.banner)
        var main = StyledText()
        var side = ""
        if session.stage == .welcome {
            main.append(" Type a name and press Enter · /next to begin ", Styles.bannerBold)
            let count = session.roster.count
            side = count == 0 ? "no one here yet" : "\(count) here"
        } else if let holder = session.turnHolder, let turn = session.turn {
            let dots = session.stage.element == .plausibility
            main.append(" \(holder)", Styles.bannerBold)
            main.append(" — your turn\(dots ? " to place \(session.plan.dots) dots" : "") · \(turn + 1) of \(session.roster.count) ", Styles.bannerBold)
            side = waitingText(dots: dots)
        } else {
            main.append(" No one is here — /join NAME adds a participant ", Styles.bannerBold)
        }
        let end = frame.put(main.characters, styles: main.styles, x: 0, y: row, limit: width)
        if !side.isEmpty {
            let room = width - end - 3
            let text = fitNames(side, width: room)
            if !text.isEmpty {
                frame.put(text, Styles.banner, x: width - 1 - DisplayWidth.of(text), y: row)
            }
        }
    }

    /// Who has not yet spoken in this stage (or placed dots, in Plausibility); nothing in an
    /// anonymous session, where contributions carry no names.
    func waitingText(dots: Bool) -> String {
        if session.anonymous { return "" }
        let roster = session.roster
        var done = Set<String>()
        if dots {
            for name in roster where !session.dotsPlaced(by: name).isEmpty { done.insert(name) }
        } else {
            done = stats.speakers
        }
        let waiting = roster.filter { !done.contains($0) }
        if waiting.isEmpty { return dots ? "all dots placed" : "everyone has spoken" }
        return (dots ? "no dots yet: " : "yet to speak: ") + waiting.joined(separator: ", ")
    }

    /// "yet to speak: Ana, Ben, Chi" cut to a width at a name, with "+N" for the rest.
    func fitNames(_ text: String, width room: Int) -> String {
        if DisplayWidth.of(text) <= room { return text }
        guard let colon = text.range(of: ": ") else { return "" }
        let label = String(text[..<colon.upperBound])
        let names = text[colon.upperBound...].components(separatedBy: ", ")
        for keep in stride(from: names.count - 1, through: 1, by: -1) {
            let candidate = label + names.prefix(keep).joined(separator: ", ") + " +\(names.count - keep)"
            if DisplayWidth.of(candidate) <= room { return candidate }
        }
        let count = label.replacingOccurrences(of: ": ", with: "") + ": \(names.count)"
        return DisplayWidth.of(count) <= room ? count : ""
    }

    // MARK: Input

    struct InputLayout {
        var lines: [Line]
        var first: Int
        var rows: Int
        var cursorLine: Int
        var cursorColumn: Int
        var placeholder: String?
        /// What the next key's layout can start from (plain drafts only).
        var reusable: InputReuse?
        /// Leading lines that are the last layout's, unchanged (0 without a last layout).
        var kept = 0
    }

    /// A plain (ASCII) draft as last laid out: its clusters, their widths and its breaks,
    /// at a width. The next draft shares most of it; only what follows the first difference
    /// is measured again.
    struct InputReuse {
        var characters: [Character]
        var widths: [Int]
        var breaks: [TextLayout.Break]
        var room: Int
        /// The first line shown.
        var first: Int
    }

    var inputX: Int { left + 2 }

    /// The input box grows to 2, 4 or 6 rows with the screen's height. `reusing` the last
    /// key's layout, a plain draft is measured and broken again only from the first
    /// cluster that differs (`Renderer`); the layout is the same either way.
    func inputLayout(reusing last: InputReuse? = nil) -> InputLayout {
        let maxRows = height >= 40 ? 6 : height >= 24 ? 4 : 2
        let box = state.input
        if box.isEmpty {
            return InputLayout(lines: [.blank], first: 0, rows: 1, cursorLine: 0, cursorColumn: 0, placeholder: placeholder)
        }
        let room = width - inputX - 1 - 1  // one column left for the cursor at the end of a line
        // Re-cluster: characters typed one scalar at a time join here as the terminal draws them.
        // ASCII other than CR never joins a neighbour, so a plain draft is taken as it is.
        let last = last.flatMap { $0.room == room ? $0 : nil }
        var same = 0
        if let last {
            let old = last.characters, new = box.characters, end = min(old.count, new.count)
            // By bytes: `==` on Characters is canonical equivalence, and U+212A KELVIN SIGN
            // equals "K" (so do U+037E and ";", U+1FEF and "`").
            while same < end, old[same].utf8.elementsEqual(new[same].utf8) { same += 1 }
        }
        let plain = box.characters[same...].allSatisfy { $0.isASCII && $0 != "\r" }
        let characters = plain ? box.characters : Array(box.text)
        let cursor = plain ? box.cursor : box.cursor >= box.characters.count ? characters.count
            : String(box.characters[..<box.cursor]).count
        let styles = Array(repeating: Styles.input, count: characters.count)
        var widths: [Int]
        var breaks: [TextLayout.Break]
        var kept = 0
        if plain, let last {
            kept = TextLayout.settled(last.breaks, before: same)
            widths = Array(last.widths[..<same])
            widths.reserveCapacity(characters.count)
            for character in characters[same...] { widths.append(DisplayWidth.of(character)) }
            breaks = TextLayout.breaks(characters, widths: widths, first: room, rest: room, reusing: last.breaks, same: same)
        } else {
            widths = characters.map(DisplayWidth.of)
            breaks = TextLayout.breaks(characters, widths: widths, first: room, rest: room)
        }
        let lines = breaks.map { Line(characters: characters[$0.range], styles: styles[$0.range]) }
        var cursorLine = 0
        for (index, piece) in breaks.enumerated() where piece.range.lowerBound <= cursor { cursorLine = index }
        let piece = breaks[cursorLine]
        let cursorColumn = DisplayWidth.of(characters: characters[piece.range.lowerBound..<min(cursor, piece.range.upperBound)])
        let rows = min(lines.count, maxRows)
        var first = max(0, lines.count - rows)
        if cursorLine < first { first = cursorLine }
        // Only a plain draft is kept, so a reused prefix is plain too and only the rest is checked.
        let reuse = plain ? InputReuse(characters: characters, widths: widths, breaks: breaks, room: room, first: first) : nil
        return InputLayout(lines: lines, first: first, rows: rows, cursorLine: cursorLine, cursorColumn: cursorColumn,
                           placeholder: nil, reusable: reuse, kept: kept)
    }

    var placeholder: String {
        switch session.stage {
        case .welcome:
            return "type a name and press Enter; /next to begin"
        default:
            if let holder = session.turnHolder {
                if session.stage.element == .plausibility { return "\(holder): /dots 1 2 3, or type the narrative" }
                if session.stage == .review { return "\(holder), type an update · /mark 1 done NOTE" }
                return "\(holder), type here and press Enter · /pass to pass"
            }
            return "/join NAME adds a participant"
        }
    }

    /// Draws the box's rows from `firstRow` on (the ones above are on the frame already).
    mutating func drawInput(_ input: InputLayout, top: Int, from firstRow: Int = 0) {
        for row in firstRow..<input.rows {
            let index = input.first + row
            let y = top + row
            let marker: String
            if row == 0 && input.first > 0 {
                marker = "↑"
            } else if row == input.rows - 1 && index < input.lines.count - 1 {
                marker = "↓"
            } else {
                marker = index == 0 ? "›" : " "
            }
            frame.put(marker, Styles.prompt, x: left, y: y)
            paint(input.lines[index], row: y, x: inputX)
        }
        if let placeholder = input.placeholder {
            frame.put(TextLayout.truncate(placeholder, width: width - inputX - 2), Styles.dim, x: inputX + 1, y: top)
        }
        frame.cursor = Point(x: inputX + input.cursorColumn, y: top + input.cursorLine - input.first)
    }

    // MARK: Message and status

    func messageLines() -> [Line] {
        guard let message = state.message else { return [] }
        let text: StyledText
        switch message {
        case .error(let body):
            text = StyledText("✗ Error: " + body, Styles.error)
        case .info(let body):
            text = StyledText("  " + body, Styles.text)
        }
        var lines = text.wrapped(width: contentWidth, indent: 2)
        if lines.count > 2 {
            let second = lines[1]
            let cut = TextLayout.truncate(String(second.characters) + " " + String(lines[2].characters), width: contentWidth - 2)
            lines = [lines[0], Line(StyledText(cut, second.styles.first ?? Styles.text), indent: 2)]
        }
        return lines
    }

    mutating func drawStatus(row: Int) {
        var x = left
        switch state.save {
        case .saved:
            x = frame.put("✓ saved", Styles.ok, x: x, y: row)
            if !state.logName.isEmpty {
                x = frame.put("  " + TextLayout.truncate(state.logName, width: max(0, contentWidth - 12)), Styles.dim, x: x, y: row)
            }
        case .notSaved(let reason, let pending):
            let head = "✗ NOT SAVED: "
            let tail = " (\(pending) waiting) — /saveas PATH "
            let room = contentWidth - DisplayWidth.of(head) - DisplayWidth.of(tail) - 1
            let why = room >= 8 ? TextLayout.truncate(reason, width: room) : ""
            x = frame.put(" " + head + why + tail, Styles.errorBand, x: x - 1, y: row, limit: width - 1)
            if !state.logName.isEmpty, x + 2 + DisplayWidth.of(state.logName) <= width - 1 {
                x = frame.put("  " + state.logName, Styles.dim, x: x, y: row)
            }
        }
        var hints = ["F1 help", "Alt-Enter new line", "Enter send", "PgUp/PgDn scroll"]
        if let hint = viewHint { hints.insert(hint.replacingOccurrences(of: ":", with: ""), at: 1) }
        var chosen: [String] = []
        for hint in hints {
            let candidate = (chosen + [hint]).joined(separator: " · ")
            if x + 3 + DisplayWidth.of(candidate) <= width - 1 { chosen.append(hint) } else { break }
        }
        if !chosen.isEmpty {
            let text = chosen.joined(separator: " · ")
            frame.put(text, Styles.dim, x: width - 1 - DisplayWidth.of(text), y: row)
        }
    }
}
