/// The view's text: styled text, the lines it wraps into, and the helpers every screen
/// shares to cut, clip and place them. (Plain-text wrapping and truncation: `TextLayout`.)

/// Text with a style per cluster, wrapped and painted by the view.
struct StyledText {
    var characters: [Character] = []
    var styles: [Style] = []

    init() {}

    init(_ text: String, _ style: Style) {
        append(text, style)
    }

    mutating func append(_ text: String, _ style: Style) {
        for character in text {
            characters.append(character)
            styles.append(style)
        }
    }

    var isEmpty: Bool { characters.isEmpty }

    /// Wrapped into lines of `width` columns; lines after the first are indented by `indent`.
    func wrapped(width: Int, indent: Int = 0) -> [Line] {
        let widths = characters.map(DisplayWidth.of)
        return TextLayout.breaks(characters, widths: widths, first: width, rest: width - indent)
            .enumerated().map { offset, piece in
                Line(characters: characters[piece.range], styles: styles[piece.range], indent: offset == 0 ? 0 : indent)
            }
    }

    /// Cut to `width` columns, at a cluster.
    func truncated(width: Int) -> StyledText {
        var out = StyledText()
        var used = 0
        for (index, character) in characters.enumerated() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            out.characters.append(character)
            out.styles.append(styles[index])
            used += w
        }
        return out
    }

    /// Wrapped to `rows` lines at most (lines after the first indented by `indent`); the
    /// last ends with "…" when some is left out.
    func clipped(width: Int, rows: Int, indent: Int = 0) -> [Line] {
        let lines = wrapped(width: width, indent: indent)
        guard lines.count > rows, let last = lines.prefix(rows).last else { return lines }
        return Array(lines.prefix(rows - 1)) + [last.ellipsized(width: width)]
    }
}

/// One row of content, ready to paint at the content's left edge plus `indent`.
struct Line {
    var characters: ArraySlice<Character>
    var styles: ArraySlice<Style>
    var indent: Int = 0
    /// Paint the whole row in this style first (a band).
    var fill: Style?

    init(characters: ArraySlice<Character>, styles: ArraySlice<Style>, indent: Int = 0, fill: Style? = nil) {
        self.characters = characters
        self.styles = styles
        self.indent = indent
        self.fill = fill
    }

    init(_ text: StyledText, indent: Int = 0, fill: Style? = nil) {
        self.init(characters: text.characters[...], styles: text.styles[...], indent: indent, fill: fill)
    }

    init(_ text: String, _ style: Style, indent: Int = 0) {
        self.init(StyledText(text, style), indent: indent)
    }

    /// The same line, further in by `columns`.
    func indented(by columns: Int) -> Line {
        var line = self
        line.indent += columns
        return line
    }

    static let blank = Line(characters: [], styles: [])

    /// Cut to leave room in `width` for " …", which it then ends with: it says that more
    /// was left out. The cut falls between words (a title is not cut mid-phrase) unless
    /// that would leave less than half the line.
    func ellipsized(width: Int) -> Line {
        var text = StyledText()
        text.characters = Array(characters)
        text.styles = Array(styles)
        var kept = text.truncated(width: width - indent - 2)
        let count = kept.characters.count
        if count < text.characters.count, text.characters[count] != " ",
           let space = kept.characters.lastIndex(of: " "), space >= count / 2 {
            kept.characters.removeSubrange(space...)
            kept.styles.removeSubrange(space...)
        }
        var line = Line(kept, indent: indent)
        line.characters += [" ", "…"]
        line.styles += [Styles.dim, Styles.dim]
        return line
    }

    /// `count` blocks side by side in rows of as many columns of at least `minimumWidth`
    /// as fit, split by "│"; nil when only one fits.
    static func grid(_ count: Int, width: Int, minimumWidth: Int, blankBetweenRows: Bool = false,
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
}

extension String {
    /// Line breaks as spaces: for text shown on one line.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}

/// "1 story", "2 stories", "3 notes".
func plural(_ noun: String, _ count: Int) -> String {
    if count == 1 { return noun }
    return noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
}
