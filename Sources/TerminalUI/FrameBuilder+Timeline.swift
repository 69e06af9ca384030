import SensemakingCore

/// Retrospection's timeline: the memories by the moment they date, side by side when they
/// share one.
extension FrameBuilder {
    mutating func drawTimeline(top: Int, bottom: Int, ruleRow: Int) {
        let stage = session.current
        let notes = session.items(inStage: stage)
        if notes.isEmpty {
            drawRule(row: ruleRow, leftLabel: nil, rightLabel: "Timeline")
            frame.put(TextLayout.truncate("Nothing yet. /when 2019 dates the next note; notes take their place in time.", width: contentWidth),
                      Styles.dim, x: left, y: top)
            return
        }
        let timeline = Timeline(notes.filter { $0.kind != .note })
        var blocks: [[Line]] = []
        for entry in timeline.entries {
            var labels: [String] = []
            for note in entry.notes {
                if let when = note.tags.when, !labels.contains(when) { labels.append(when) }
            }
            var block = [Line("● " + labels.joined(separator: " / "), Styles.label)]
            block += columns(entry.notes, width: contentWidth - 2).map { $0.indented(by: 2) }
            blocks.append(block)
        }
        let facilitatorNotes = notes.filter { $0.kind == .note }
        let unplaced = timeline.unplaced + facilitatorNotes
        if !unplaced.isEmpty {
            blocks.append([Line(timeline.entries.isEmpty ? "Not yet placed in time (/when dates a note)" : "Not placed in time", Styles.label)])
            for note in unplaced { blocks.append(block(note, width: contentWidth - 2).map { $0.indented(by: 2) }) }
        }
        let feed = window(rows: bottom - top, page: state.scroll, total: blocks.count, newestFirst: blocks.reversed())
        drawWindow(feed, top: top, bottom: bottom, ruleRow: ruleRow, ruleLabel: "Timeline · \(timeline.entries.count) moments", noun: "more")
    }

    /// Memories of the same moment side by side, in columns, never merged.
    func columns(_ notes: [Contribution], width: Int) -> [Line] {
        Line.grid(notes.count, width: width, minimumWidth: 24) { index, columnWidth in
            block(notes[index], width: columnWidth, showWhen: false)
        } ?? notes.flatMap { block($0, width: width, showWhen: false) }
    }
}
