import SensemakingCore

extension FrameBuilder {
    /// Every key, with what it does; `@NAME` and `//` are here too, since they are typed.
    static let keys: [(key: String, effect: String)] = [
        ("Enter", "send; a line starting with / is a command"),
        ("Alt-Enter, Ctrl-J", "a new line in the text"),
        ("← → ↑ ↓ Home End", "move in the text"),
        ("Backspace, Delete", "erase a character"),
        ("Ctrl-W, Ctrl-U", "erase a word, the whole text"),
        ("PgUp, PgDn", "scroll the contributions"),
        ("Tab, Ctrl-T", "Retrospection: list or timeline; Close: next page"),
        ("F1", "this help"),
        ("Esc", "clear the message"),
        ("Ctrl-C twice", "leave; everything is saved"),
        ("@NAME text", "a contribution from NAME, out of turn"),
        ("//text", "a line that starts with /"),
    ]

    /// The same keys, short, for a paragraph when the screen is small.
    static let shortKeys: [(key: String, effect: String)] = [
        ("Enter", "send"), ("Alt-Enter/Ctrl-J", "new line"), ("← → ↑ ↓ Home End Bksp Del", "edit"),
        ("Ctrl-W/Ctrl-U", "erase word/all"), ("PgUp/PgDn", "scroll"),
        ("Tab/Ctrl-T", "timeline, page"), ("F1", "help"), ("Esc", "clear"),
        ("Ctrl-C twice", "leave"), ("@NAME", "out of turn"), ("//", "literal /"),
    ]

    /// The help screen between the header and the closing band: commands and keys, in the
    /// richest layout that fits (effects beside commands, in one column or several; keys as
    /// a table or a paragraph).
    mutating func drawHelp(top: Int, bottom: Int) {
        frame.put("Help: every command and key", Styles.stageName, x: left, y: top)
        let bodyTop = top + (spacious ? 2 : 1)
        let lines = helpLines(width: contentWidth, rows: bottom - bodyTop)
        for (offset, line) in lines.enumerated() where bodyTop + offset < bottom {
            paint(line, row: bodyTop + offset)
        }
    }

    func helpLines(width: Int, rows: Int) -> [Line] {
        enum Keys { case table(Int), paragraph }
        // From the richest to the most compact.
        let candidates: [(columns: Int, effects: Bool, keys: Keys)] = [
            (1, true, .table(1)), (1, true, .table(2)), (2, true, .table(1)), (2, true, .table(2)),
            (1, true, .paragraph), (2, true, .paragraph), (3, true, .paragraph),
            (2, false, .table(1)), (3, false, .table(1)), (4, false, .table(1)),
            (2, false, .table(2)), (3, false, .table(2)),
            (2, false, .paragraph), (3, false, .paragraph), (4, false, .paragraph),
        ]
        var last: [Line] = []
        for candidate in candidates {
            guard let commands = commandTable(columns: candidate.columns, effects: candidate.effects, width: width) else { continue }
            let keys: [Line]
            switch candidate.keys {
            case .table(let columns):
                guard let table = keyTable(columns: columns, width: width) else { continue }
                keys = table
            case .paragraph:
                keys = keyParagraph(width: width)
            }
            for spaced in [true, false] {
                let lines = commands + (spaced ? [.blank] : []) + keys
                if lines.count <= rows { return lines }
                last = lines
            }
        }
        return last
    }

    /// Commands in `columns` columns, with their effects or not; nil when too wide.
    func commandTable(columns: Int, effects: Bool, width: Int) -> [Line]? {
        table(CommandParser.usage.map { ($0.usage, $0.effect) }, columns: columns, effects: effects,
              style: Styles.emphasis, width: width)
    }

    /// Keys in `columns` columns, with their effects; nil when too wide.
    func keyTable(columns: Int, width: Int) -> [Line]? {
        table(Self.keys.map { ($0.key, $0.effect) }, columns: columns, effects: true, style: Styles.label, width: width)
    }

    /// Entries (a command or key in `style`, then its effect when `effects`) filling
    /// `columns` columns top to bottom, three spaces apart; nil when wider than `width`.
    func table(_ entries: [(name: String, effect: String)], columns: Int, effects: Bool, style: Style, width: Int) -> [Line]? {
        let perColumn = (entries.count + columns - 1) / columns
        let groups = stride(from: 0, to: entries.count, by: perColumn).map {
            Array(entries[$0..<min(entries.count, $0 + perColumn)])
        }
        let gap = 3
        let nameWidths = groups.map { $0.map { DisplayWidth.of($0.name) }.max() ?? 0 }
        let effectWidths = groups.map { $0.map { DisplayWidth.of($0.effect) }.max() ?? 0 }
        let widths = groups.indices.map { nameWidths[$0] + (effects ? 2 + effectWidths[$0] : 0) }
        if widths.reduce(0, +) + gap * (groups.count - 1) > width { return nil }
        return (0..<perColumn).map { row in
            var text = StyledText()
            for (index, group) in groups.enumerated() where row < group.count {
                let entry = group[row]
                if index > 0 {
                    // Pad the previous column out to its width.
                    let used = DisplayWidth.of(characters: text.characters)
                    let start = widths[..<index].reduce(0, +) + gap * index
                    text.append(String(repeating: " ", count: max(0, start - used)), Styles.text)
                }
                text.append(entry.name, style)
                if effects {
                    text.append(String(repeating: " ", count: nameWidths[index] - DisplayWidth.of(entry.name) + 2), Styles.text)
                    text.append(entry.effect, Styles.text)
                }
            }
            return Line(text)
        }
    }

    func keyParagraph(width: Int) -> [Line] {
        var text = StyledText()
        for (index, entry) in Self.shortKeys.enumerated() {
            if index > 0 { text.append(" · ", Styles.dim) }
            text.append(entry.key, Styles.label)
            text.append(" " + entry.effect, Styles.text)
        }
        return text.wrapped(width: width)
    }
}
