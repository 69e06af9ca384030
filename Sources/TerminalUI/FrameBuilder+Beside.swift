import SensemakingCore

/// From 120×40 a bigger screen shows more, not emptier space: the board (Plausibility) or
/// the timeline (Retrospection) on the left, the stage's stream beside it on the right.
extension FrameBuilder {
    static let besideSize = Size(width: 120, height: 40)

    /// Whether the screen is big enough for two columns.
    var roomBeside: Bool { width >= Self.besideSize.width && height >= Self.besideSize.height }

    /// `main` draws into the left three fifths as on a screen of that width, alone (the
    /// stream is not under it); the stream takes the rest. Both page with the same PgUp and
    /// PgDn: each keeps within what it has, so paging from Home to the live view shows every
    /// line of both.
    mutating func drawBeside(top: Int, bottom: Int, ruleRow: Int, main: (inout FrameBuilder) -> Void) {
        let gap = 3
        // Read before the frame moves out: the widths follow the frame's.
        let total = contentWidth
        let mainWidth = (total - gap) * 3 / 5
        // The frame is moved between the builders, never copied.
        var column = FrameBuilder(state: state, frame: Frame(size: Size(width: 0, height: 0)), theme: theme, stats: StageStats())
        swap(&column.frame, &frame)
        column.left = left
        column.columnWidth = mainWidth
        main(&column)
        let mainScrolled = column.frame.scrolled
        column.frame.scrolled = nil
        swap(&column.frame, &frame)

        var stream = FrameBuilder(state: state, frame: Frame(size: Size(width: 0, height: 0)), theme: theme, stats: stats)
        swap(&stream.frame, &frame)
        stream.left = left + mainWidth + gap
        stream.columnWidth = total - mainWidth - gap
        stream.drawContributions(top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: countLabel())
        swap(&stream.frame, &frame)
        frame.put("─┬─", Styles.dim, x: left + mainWidth, y: ruleRow)
        for row in top..<bottom { frame.put("│", Styles.dim, x: left + mainWidth + 1, y: row) }

        let streamScrolled = frame.scrolled ?? Scrolled()
        let main = mainScrolled ?? Scrolled()
        frame.scrolled = Scrolled(page: max(main.page, streamScrolled.page), more: main.more || streamScrolled.more)
    }
}
