import SensemakingCore

/// The input box: the draft wrapped into 1 to 6 rows, scrolled to keep the cursor in view.
extension FrameBuilder {
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

    var inputX: Int { left + 2 }

    /// The input box grows to 2, 4 or 6 rows with the screen's height. `reusing` the last
    /// key's layout (`Renderer`), a plain draft is measured and broken again only from the
    /// first cluster that differs (`InputReuse`); the layout is the same either way.
    func inputLayout(reusing last: InputReuse? = nil) -> InputLayout {
        let maxRows = height >= 40 ? 6 : height >= 24 ? 4 : 2
        let box = state.input
        if box.isEmpty {
            return InputLayout(lines: [.blank], first: 0, rows: 1, cursorLine: 0, cursorColumn: 0, placeholder: placeholder)
        }
        let room = width - inputX - 1 - 1  // one column left for the cursor at the end of a line
        let draft = InputReuse.measure(box, room: room, reusing: last)
        let characters = draft.characters, breaks = draft.breaks, cursor = draft.cursor
        let styles = Array(repeating: Styles.input, count: characters.count)
        let lines = breaks.map { Line(characters: characters[$0.range], styles: styles[$0.range]) }
        var cursorLine = 0
        for (index, piece) in breaks.enumerated() where piece.range.lowerBound <= cursor { cursorLine = index }
        let piece = breaks[cursorLine]
        let cursorColumn = DisplayWidth.of(characters: characters[piece.range.lowerBound..<min(cursor, piece.range.upperBound)])
        let rows = min(lines.count, maxRows)
        var first = max(0, lines.count - rows)
        if cursorLine < first { first = cursorLine }
        let reuse = draft.plain ? InputReuse(characters: characters, widths: draft.widths, breaks: breaks, room: room, first: first) : nil
        return InputLayout(lines: lines, first: first, rows: rows, cursorLine: cursorLine, cursorColumn: cursorColumn,
                           placeholder: nil, reusable: reuse, kept: draft.kept)
    }

    var placeholder: String {
        switch session.stage {
        case .welcome:
            return "type a name and press Enter; /next to begin"
        default:
            if let holder = session.turnHolder {
                if session.stage.element == .plausibility {
                    // The reveal closes the vote: what is left to type is the narrative.
                    return session.revealed ? "\(holder), type the narrative · /pass to pass" : "\(holder): /dots 1 2 3, or type the narrative"
                }
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
}
