import SensemakingCore

/// Welcome: the title, the purpose, who has arrived and the plan, before the first stage.
extension FrameBuilder {
    /// The title, the purpose, who is here and the plan; when they do not all fit, the
    /// title goes first, then the plan, then the purpose: who is here always shows.
    mutating func drawWelcome(top: Int, bottom: Int) {
        let labelWidth = 10
        func section(_ label: String, _ body: String, _ style: Style = Styles.text) -> [Line] {
            var text = StyledText()
            text.append(label.padding(toLength: labelWidth, withPad: " ", startingAt: 0), Styles.label)
            text.append(body, style)
            return text.wrapped(width: contentWidth, indent: labelWidth)
        }
        let title = StyledText(session.header.title, Styles.question).wrapped(width: contentWidth)
        let purpose = session.plan.purpose.isEmpty ? [] : section("Purpose", session.plan.purpose)
        let roster = session.roster
        let here = roster.isEmpty
            ? section("Here", "no one yet: type the first name and press Enter", Styles.dim)
            : section("Here (\(roster.count))", roster.joined(separator: ", "), Styles.emphasis)
        let stages = session.plan.stages
        let minutes = stages.reduce(0) { $0 + $1.minutes }
        let list = stages.enumerated().map { "\($0.offset + 1) \($0.element.displayName)" }.joined(separator: " · ")
        let plan = stages.isEmpty ? [] : section("Plan", list + " — \(minutes) minutes", Styles.dim)
        var follows: [Line] = []
        if let earlier = session.header.followUp {
            let count = earlier.items.count
            follows = section("Follows", earlier.previousTitle + " · Review next: \(count) " + (count == 1 ? "item" : "items"))
        }
        let rows = bottom - top
        // How devices join (`--serve`): its QR code only when there is room for it and the rest.
        let others = [title, follows, purpose, here, plan].filter { !$0.isEmpty }
        let join = welcomeJoinLines(rows: rows - others.map(\.count).reduce(0, +) - others.count)
        // Display order, and the order in which sections are dropped when space is short.
        var sections = [(0, title), (4, follows), (1, purpose), (2, here), (5, join), (3, plan)].filter { !$0.1.isEmpty }
        func height() -> Int { sections.map(\.1.count).reduce(0, +) + sections.count - 1 }
        for drop in [0, 3, 1, 4] where height() > rows && sections.count > 1 {
            sections.removeAll { $0.0 == drop }
        }
        var lines: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(.blank) }
            lines += section.1
        }
        drawTopAnchored(lines, top: top, bottom: bottom)
    }

    /// Lines from the top; when they do not fit, the last row says how many are left out.
    mutating func drawTopAnchored(_ lines: [Line], top: Int, bottom: Int) {
        let rows = bottom - top
        guard rows > 0 else { return }
        if lines.count <= rows {
            for (offset, line) in lines.enumerated() { paint(line, row: top + offset) }
            return
        }
        for (offset, line) in lines.prefix(rows - 1).enumerated() { paint(line, row: top + offset) }
        frame.put("… \(lines.count - rows + 1) more lines", Styles.dim, x: left, y: bottom - 1)
    }
}
