import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

/// A workshop driven the way the terminal drives it: keys through `InputDecoder` one
/// scalar at a time, then `reduce`. States are never poked; they are what the room did.
struct Room {
    var state: AppState
    var decoder = InputDecoder()
    var clock: Date

    static let start = Date(timeIntervalSince1970: 1_710_406_800)  // 2024-03-14 09:00 UTC

    init(title: String = Plan.defaultTitle, participants: [String] = [], anonymous: Bool = false,
         plan: Plan = .standard, logName: String = "sensemaking-20240314-090000.md", followUp: FollowUp? = nil) {
        let header = SessionHeader(title: title, plan: plan, participants: participants,
                                   anonymous: anonymous, started: Room.start, followUp: followUp)
        state = AppState(session: Session(header: header), logName: logName, now: Room.start)
        clock = Room.start
    }

    mutating func send(_ action: Action) {
        _ = reduce(&state, action)
    }

    mutating func feed(_ input: RawInput) {
        for action in decoder.feed(input) { send(action) }
    }

    /// Types text as a terminal delivers it: scalar by scalar.
    mutating func type(_ text: String) {
        for scalar in text.unicodeScalars { feed(.character(scalar)) }
    }

    mutating func enter() { feed(.character("\r")) }

    /// Types a line and presses Enter.
    mutating func say(_ line: String) {
        type(line)
        enter()
    }

    /// A bracketed paste, as the terminal sends it.
    mutating func paste(_ text: String) {
        type("\u{1B}[200~")
        for scalar in text.unicodeScalars { feed(.character(scalar)) }
        type("\u{1B}[201~")
    }

    mutating func press(_ code: Int32) { feed(.keyCode(code)) }

    mutating func wait(_ seconds: TimeInterval) {
        clock += seconds
        send(.tick(clock))
    }

    /// Says each line, a minute apart.
    mutating func round(_ lines: [String]) {
        for line in lines {
            wait(60)
            say(line)
        }
    }

    /// Renders as the loop does, and reports the page shown back to the core as it does.
    mutating func show(_ size: Size) -> Frame {
        let frame = render(state, size: size, theme: .dark)
        if let scrolled = frame.scrolled { send(.scrolled(page: scrolled.page, more: scrolled.more)) }
        return frame
    }

    /// Every frame from the top of the list (Home) down to the live view, a PgDn at a time.
    mutating func pagesDown(_ size: Size) -> [Frame] {
        press(CursesKey.home)
        var frames = [show(size)]
        while state.scroll > 0 && frames.count < 500 {
            press(CursesKey.pageDown)
            frames.append(show(size))
        }
        return frames
    }

    /// Every frame from the live view up to the top, a PgUp at a time, until PgUp stops.
    mutating func pagesUp(_ size: Size) -> [Frame] {
        press(CursesKey.end)
        var frames = [show(size)]
        while frames.count < 500 {
            let before = state.scroll
            press(CursesKey.pageUp)
            frames.append(show(size))
            if state.scroll == before { break }
        }
        return frames
    }

    func frame(_ width: Int, _ height: Int, theme: Theme = .dark) -> Frame {
        render(state, size: Size(width: width, height: height), theme: theme)
    }
}

/// Whether a frame shows the time: in the header, or in big digits under it while a timebox runs.
func showsTime(_ frame: Frame) -> Bool {
    let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
    let big = (1...3).allSatisfy { y in
        (y..<min(rows.count, y + 2)).contains { rows[$0].filter { "█▀▄".contains($0) }.count >= 6 }
    }
    return rows[0].contains(/\d\d:\d\d/) || big
}

/// The sizes every golden is drawn at: a projector's 80×24, 120×40 and 200×60 (where the board
/// and the timeline have the stream beside them) and the minimum.
let goldenSizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60), minimumSize]

/// Checks what every frame must be, whatever it shows: each row is exactly the width in
/// columns, a continuation cell always follows a 2-column cluster, no row of the text
/// dump is wider than the frame, and the cursor is inside.
func checkInvariants(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
    let size = frame.size
    for y in 0..<size.height {
        var x = 0
        while x < size.width {
            let cell = frame[x, y]
            #expect(!cell.continuation, "row \(y) col \(x): a continuation without a wide cluster before it", sourceLocation: sourceLocation)
            let w = DisplayWidth.of(frame.character(of: cell))
            #expect(w == 1 || w == 2, "row \(y) col \(x): cluster of width \(w)", sourceLocation: sourceLocation)
            if w == 2 {
                #expect(x + 1 < size.width && frame[x + 1, y].continuation, "row \(y) col \(x): wide cluster without its second half", sourceLocation: sourceLocation)
                x += 2
            } else {
                x += 1
            }
        }
    }
    let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == size.height, sourceLocation: sourceLocation)
    for (index, line) in lines.enumerated() {
        #expect(DisplayWidth.of(line) <= size.width, "row \(index) is \(DisplayWidth.of(line)) columns wide", sourceLocation: sourceLocation)
    }
    if let cursor = frame.cursor {
        #expect(cursor.x >= 0 && cursor.x < size.width && cursor.y >= 0 && cursor.y < size.height, sourceLocation: sourceLocation)
    }
}

enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// Compares `frame.text` with `Goldens/NAME-WxH.txt`; with UPDATE_GOLDENS=1, writes it.
    static func check(_ name: String, _ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
        checkInvariants(frame, sourceLocation: sourceLocation)
        let file = directory.appendingPathComponent("\(name)-\(frame.size.width)x\(frame.size.height).txt")
        // The text, then where the cursor is (the terminal's cursor is not in the text).
        let cursor = frame.cursor.map { "[cursor \($0.x),\($0.y)]" } ?? "[cursor hidden]"
        let text = frame.text + "\n" + cursor + "\n"
        if updating {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            #expect(throws: Never.self, sourceLocation: sourceLocation) { try text.write(to: file, atomically: true, encoding: .utf8) }
            return
        }
        guard let golden = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No golden \(file.lastPathComponent): run with UPDATE_GOLDENS=1 and check it by eye", sourceLocation: sourceLocation)
            return
        }
        if golden != text {
            Issue.record("\(file.lastPathComponent) differs:\n\(diff(golden, text))", sourceLocation: sourceLocation)
        }
    }

    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<none>"
            let right = index < b.count ? String(b[index]) : "<none>"
            if left != right { out.append("row \(index)\n  golden: \(left)\n  actual: \(right)") }
        }
        return out.joined(separator: "\n")
    }
}

/// The frame's weights, one letter a cell: `R` reversed and bold, `r` reversed, `B` bold,
/// `f` faint, `.` plain text, a space for a plain blank. The hierarchy at a glance.
func weights(_ frame: Frame) -> String {
    (0..<frame.size.height).map { y in
        String(frame.row(y).map { cell -> Character in
            let style = cell.style
            if style.reverse { return style.bold ? "R" : "r" }
            if cell.isSpace && !style.underline { return " " }
            if style.bold { return "B" }
            if style.faint { return "f" }
            return "."
        })
    }.joined(separator: "\n")
}
