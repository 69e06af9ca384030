import SensemakingCore

/// The facilitator's own terminal (`sensemaking presenter`): the presenter view as a frame,
/// pure like `render`. Top to bottom: a bar with the title and whether all is saved, the
/// stage now with the big clock beside it, its question, the session's budget and whose
/// turn it is, who has and has not spoken, the next two stages, the devices, then as many of
/// the newest private notes as fit, and a status line (`status`: where it is connected, how
/// to leave). With no view yet (`view` nil) it shows the status alone.
public func renderPresenter(_ view: PresenterView?, status: String, size: Size) -> Frame {
    var frame = Frame(size: size)
    guard size.width > 0, size.height > 0 else { return frame }
    if isTooSmall(size) {
        drawTooSmall(&frame)
        return frame
    }
    var screen = PresenterScreen(frame: frame)
    screen.draw(view, status: status)
    return screen.frame
}

struct PresenterScreen {
    var frame: Frame
    var width: Int { frame.size.width }
    var height: Int { frame.size.height }
    /// The next row to write.
    private var row = 0

    init(frame: Frame) { self.frame = frame }

    mutating func draw(_ view: PresenterView?, status: String) {
        let bottom = height - 1
        frame.fill(row: bottom, style: Styles.banner)
        frame.put(" " + TextLayout.truncate(status, width: width - 2), Styles.banner, x: 0, y: bottom)
        frame.fill(row: 0, style: Styles.header)
        guard let view else {
            frame.put(" Presenter", Styles.headerBold, x: 0, y: 0)
            frame.cursor = nil
            return
        }
        let saved = view.save == "saved" ? "✓ saved" : view.save
        let savedWidth = min(DisplayWidth.of(saved), width / 2)
        frame.put(" Presenter · " + TextLayout.truncate(view.title, width: max(1, width - savedWidth - 16)), Styles.headerBold, x: 0, y: 0)
        frame.put(TextLayout.truncate(saved, width: savedWidth), view.save == "saved" ? Styles.header : Styles.errorBand,
                  x: width - 1 - savedWidth, y: 0)
        row = 2
        drawNow(view)
        line("Session: " + view.budget.text, view.budget.over > 0 ? Styles.error : Styles.emphasis)
        if let turn = view.ended ? "The session has ended." : view.turn.map({ "Turn: " + $0 }) { line(turn, Styles.emphasis) }
        gap()
        drawSpeaking(view)
        gap()
        if view.stages.count > 1 {
            line("Next", Styles.label)
            for stage in view.stages.dropFirst() {
                let number = stage.number.map { "\($0). " } ?? ""
                let minutes = stage.minutes.map { " · \($0) min" } ?? ""
                line("  " + number + stage.name + minutes + (stage.question.map { " — " + $0 } ?? ""), Styles.text)
            }
        }
        if !view.devices.isEmpty {
            line("Devices: " + view.devices.map { "\($0.number) \($0.name ?? "(no name)")" }.joined(separator: " · "), Styles.dim)
        }
        drawNotes(view.notes, bottom: bottom)
        frame.cursor = nil
    }

    /// The stage's name and question on the left, the big clock on the right.
    private mutating func drawNow(_ view: PresenterView) {
        guard let now = view.stages.first else { return }
        let digits = view.timer.left.map { left in BigDigits.rows((left <= 0 ? "+" : "") + clock(abs(left))) } ?? []
        let clockWidth = digits.first.map { DisplayWidth.of($0) } ?? 0
        let textWidth = width - 2 - (clockWidth > 0 ? clockWidth + 2 : 0)
        let top = row
        for (offset, digitRow) in digits.enumerated() {
            frame.put(digitRow, view.timer.over ? Styles.errorBand : Style(.title, bold: true),
                      x: width - 1 - clockWidth, y: top + offset)
        }
        let words = view.timer.text
        frame.put(words, view.timer.over ? Styles.error : Styles.dim, x: width - 1 - DisplayWidth.of(words), y: top + digits.count)
        let heading = "Now: " + (now.number.map { "\($0). " } ?? "") + now.name + (now.minutes.map { " · \($0) min" } ?? "")
        frame.put(TextLayout.truncate(heading, width: textWidth), Styles.stageName, x: 1, y: row)
        row += 1
        let question = TextLayout.wrap(now.question ?? "", width: max(2, textWidth)).prefix(2)
        for wrapped in question where !wrapped.text.isEmpty {
            frame.put(wrapped.text, Styles.question, x: 1, y: row)
            row += 1
        }
        row = max(row, top + digits.count + 1)
        gap()
    }

    private mutating func drawSpeaking(_ view: PresenterView) {
        let speaking = view.speaking
        if view.anonymous {
            line("Said in this stage: \(speaking.countHere) (an anonymous session shows no names)", Styles.text)
        } else {
            line("Spoken here: " + names(speaking.spokenHere), Styles.text)
            line("Not yet here: " + names(speaking.silentHere), speaking.silentHere.isEmpty ? Styles.text : Styles.emphasis)
            line("Not yet at all: " + names(speaking.silentOverall), speaking.silentOverall.isEmpty ? Styles.text : Styles.emphasis)
            if !speaking.balance.isEmpty {
                line("Balance: " + speaking.balance.map { "\($0.participant) \($0.contributions) (\($0.percent)%)" }
                    .joined(separator: " · "), Styles.dim)
            }
        }
    }

    /// The newest notes that fit above `bottom`, oldest of them first, one line each.
    private mutating func drawNotes(_ notes: [PresenterView.Note], bottom: Int) {
        guard row + 1 < bottom - 1 else { return }
        gap()
        line(notes.isEmpty ? "Private notes: none yet" : "Private notes (never on the room's screen)", Styles.label)
        let room = max(0, bottom - row)
        for note in notes.suffix(room) {
            line("  #\(note.id) (\(note.stage)) \(note.text)", Styles.text)
        }
    }

    /// A blank row between parts, when the screen has rows to spare.
    private mutating func gap() {
        if height >= 24 { row += 1 }
    }

    private func names(_ list: [String]) -> String { list.isEmpty ? "—" : list.joined(separator: ", ") }

    /// One line of text at the left margin, cut to the width, if a row is left above the status.
    private mutating func line(_ text: String, _ style: Style) {
        guard row < height - 1 else { return }
        frame.put(TextLayout.truncate(text, width: width - 2), style, x: 1, y: row)
        row += 1
    }
}
