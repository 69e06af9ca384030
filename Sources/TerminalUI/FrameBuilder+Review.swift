import SensemakingCore

extension FrameBuilder {
    /// A follow-up's Review: what the earlier session left open, numbered for `/mark`, each
    /// with what the room says became of it; the updates said here underneath.
    mutating func drawReview(top: Int, bottom: Int, ruleRow: Int) {
        let review = Synthesis.reviewed(session)
        let marked = review.filter { $0.mark != nil }.count
        let label = review.isEmpty ? nil : "\(marked) of \(review.count) reviewed"
        drawSplit(head: reviewLines(review, width: contentWidth), headLabel: label, tailLabel: "updates",
                  top: top, bottom: bottom, ruleRow: ruleRow)
    }

    /// "2 done · 1 in progress · 1 to review", in the order of the statuses.
    func reviewCounts(_ review: [Synthesis.Reviewed]) -> String {
        var parts: [String] = []
        for status in ReviewStatus.allCases {
            let count = review.filter { $0.mark?.status == status }.count
            if count > 0 { parts.append("\(count) \(status.label)") }
        }
        let open = review.filter { $0.mark == nil }.count
        if open > 0 { parts.append("\(open) not reviewed") }
        return parts.joined(separator: " · ")
    }

    /// A status as a word with a sign, so it never depends on colour.
    static func statusText(_ mark: ReviewMark?) -> String {
        switch mark?.status {
        case .done: "✓ done"
        case .inProgress: "… in progress"
        case .dropped: "✗ dropped"
        case .carried: "→ carried forward"
        case nil: "○ to review"
        }
    }

    func reviewLines(_ review: [Synthesis.Reviewed], width: Int) -> [Line] {
        guard let followUp = session.header.followUp else { return [] }
        if review.isEmpty {
            return [Line("\(followUp.previousTitle) left no actions, cues or signals to review.", Styles.dim)]
        }
        let numberWidth = String(review.count).count
        let statusWidth = DisplayWidth.of(Self.statusText(ReviewMark(status: .carried)))
        let textX = numberWidth + 2 + statusWidth + 2
        var lines: [Line] = []
        for entry in review {
            var text = StyledText()
            let number = String(entry.number)
            text.append(String(repeating: " ", count: numberWidth - number.count) + number + "  ", Styles.number)
            let status = Self.statusText(entry.mark)
            text.append(status + String(repeating: " ", count: statusWidth - DisplayWidth.of(status) + 2),
                        entry.mark == nil ? Styles.dim : Styles.label)
            var item = entry.item.kind.heading + ": " + entry.item.text.replacingNewlines()
            if let owner = entry.item.owner { item += " — " + owner }
            text.append(TextLayout.truncate(item, width: width - textX), Styles.text)
            lines.append(Line(text))
            var said = entry.item.history.map { "before: " + $0 }
            if let note = entry.mark?.note { said.append(note.replacingNewlines()) }
            for line in said {
                lines += StyledText(line, Styles.dim).wrapped(width: width - textX).map { $0.indented(by: textX) }
            }
        }
        return lines
    }
}
