import Foundation
import SensemakingCore

/// The message line (an error or a note, two lines at most) and the status line (saved or
/// NOT SAVED, the keys).
extension FrameBuilder {
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
