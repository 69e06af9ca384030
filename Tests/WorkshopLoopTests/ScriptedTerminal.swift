import Foundation
import SensemakingCore
import TerminalPort
import TerminalUI

/// A terminal for the loop's tests, as ratatui's `TestBackend` stands in for a real one:
/// reads come from a script, and every frame is kept with what the test wants to know at
/// the moment it was drawn (`snapshot`, typically the log's bytes).
final class ScriptedTerminal: Terminal {
    struct Drawn {
        var frame: Frame
        var rows: [Range<Int>]?
        /// How many reads the loop had made before this frame.
        var reads: Int
        /// `snapshot()` when the frame was drawn.
        var snapshot: String
    }

    private(set) var size: Size
    private var script: [RawRead]
    private(set) var reads = 0
    private(set) var drawn: [Drawn] = []
    private(set) var beeps = 0
    private(set) var stopped = false
    let inbox = Inbox()
    var inputPending: Bool { false }
    var terminationRequested = false
    /// Taken at every draw.
    var snapshot: () -> String = { "" }
    /// What a read gives once the script is done: by default the terminal's end.
    var whenDone: (Inbox) -> RawRead = { _ in .endOfInput }

    /// A `whenDone` that blocks in the inbox's wait, as a read on an idle keyboard does, until
    /// another thread posts (then `.posted`) or a minute passes (then the terminal's end).
    static func waitForPosts(_ inbox: Inbox) -> RawRead {
        inbox.wait(for: nil, timeoutMilliseconds: 60_000) == .posted ? .posted : .endOfInput
    }

    init(size: Size = Size(width: 80, height: 24), script: [RawRead]) {
        self.size = size
        self.script = script
    }

    /// Each scalar of `text` as a key; "\r" is Enter.
    static func keys(_ text: String) -> [RawRead] {
        text.unicodeScalars.map { .input(.character($0)) }
    }

    var unread: Int { script.count }

    func read(timeoutMilliseconds: Int32) -> RawRead {
        reads += 1
        guard !script.isEmpty else { return whenDone(inbox) }
        let next = script.removeFirst()
        if case .resize(let size) = next { self.size = size }
        return next
    }

    func draw(_ frame: Frame, rows: [Range<Int>]?) {
        drawn.append(Drawn(frame: frame, rows: rows, reads: reads, snapshot: snapshot()))
    }

    func beep() { beeps += 1 }

    func stop() { stopped = true }
}
