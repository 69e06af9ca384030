import Foundation
import SensemakingCore
import Testing
import TestSupport
@testable import TerminalUI

/// `Renderer` redraws only the input box or the clock when nothing else changed; whatever
/// the room does, its frame must be the one `render` draws from scratch.
@Suite struct RendererTests {
    /// What a room might do next, weighted towards typing, as a workshop is.
    enum Step: CaseIterable {
        case type, words, enter, backspace, left, right, home, newline, paste, tick, longWait
        case next, back, help, toggle, pageUp, pageDown, resize, command, message
    }

    static func act(_ step: Step, _ room: inout Room, _ size: inout Size, _ rng: inout SplitMix64) {
        switch step {
        case .type: room.type(Pieces.text(&rng, pieces: 1 + Int(rng.next() % 3)))
        case .words:
            // Plain ASCII, the drafts whose layout is reused key to key.
            let words = ["we", "system", "care", "interdisciplinary", String(repeating: "x", count: 45), ".", ","]
            room.type(words[Int(rng.next() % UInt64(words.count))] + (rng.next() % 4 == 0 ? "" : " "))
        case .enter: room.enter()
        case .backspace: room.press(CursesKey.backspace)
        case .left: room.press(CursesKey.left)
        case .right: room.press(CursesKey.right)
        case .home: room.press(CursesKey.home)
        case .newline: room.type("\u{1B}\r")  // Alt-Enter
        case .paste: room.paste(Pieces.text(&rng, pieces: 5 + Int(rng.next() % 40)))
        case .tick: room.wait(Double(rng.next() % 1000) / 1000)
        case .longWait: room.wait(Double(30 + rng.next() % 900))
        case .next: room.say("/next")
        case .back: room.say("/back")
        case .help: room.press(CursesKey.f0 + 1)
        case .toggle: room.type("\t")
        case .pageUp: room.press(CursesKey.pageUp)
        case .pageDown: room.press(CursesKey.pageDown)
        case .resize:
            let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 60, height: 16),
                         Size(width: 120, height: 40), Size(width: 40, height: 10)]
            size = sizes[Int(rng.next() % UInt64(sizes.count))]
        case .command:
            let commands = ["/timer 1", "/timer pause", "/timer resume", "/as the council", "/join Dev", "/pass", "/undo", "/dots 1 2"]
            room.say(commands[Int(rng.next() % UInt64(commands.count))])
        case .message: room.say("/nonsense")
        }
    }

    /// A frame drawn on a copy of the last one rather than whole: the renderer names rows
    /// only then (`.all` is a whole render, `.none` nothing drawn).
    static func isPartial(_ change: Renderer.Change) -> Bool {
        if case .rows = change { return true }
        return false
    }

    @Test func everyFrameIsTheWholeRender() {
        var redraws = 0, frames = 0
        for seed in UInt64(1)...24 {
            var rng = SplitMix64(seed: seed)
            var room = seed % 2 == 0 ? Scenario.identity() : Room(participants: ["Ana", "Ben", "美咲"])
            var size = Size(width: 80, height: 24)
            var renderer = Renderer()
            var shown = renderer.render(room.state, size: size, theme: .dark).frame
            for _ in 0..<150 {
                // Typing most of the time; everything else now and then.
                let roll = rng.next() % 100
                let step: Step = roll < 25 ? .type : roll < 50 ? .words : roll < 57 ? .tick : roll < 62 ? .backspace
                    : Step.allCases[Int(rng.next() % UInt64(Step.allCases.count))]
                Self.act(step, &room, &size, &rng)
                let (frame, change) = renderer.render(room.state, size: size, theme: .dark)
                let whole = render(room.state, size: size, theme: .dark)
                // Compared as Bools: a failure prints two texts, not two grids of cells.
                let same = frame == whole
                // The rows it names are the only ones that differ from the frame on screen.
                let all = frame.changedCells(since: shown), named = frame.changedCells(since: shown, rows: change.rows)
                #expect(same, "seed \(seed), after \(step):\n\(frame.text)\n---\n\(whole.text)")
                #expect(all == named, "seed \(seed), after \(step): \(change) leaves out changed cells")
                if !same || all != named { break }
                shown = frame
                frames += 1
                if Self.isPartial(change) { redraws += 1 }
            }
        }
        // The property means something only if the partial path ran, and often.
        #expect(redraws > frames / 3, "\(redraws) partial redraws of \(frames) frames")
    }

    @Test func aKeyRedrawsTheInputBoxOnly() {
        var room = Scenario.identity()
        var renderer = Renderer()
        let size = Size(width: 100, height: 30)
        let before = renderer.render(room.state, size: size, theme: .dark).frame
        room.type("x")
        let (after, change) = renderer.render(room.state, size: size, theme: .dark)
        // Row 27 of 30: above the message line (28) and the status line (29).
        #expect(change == .rows([27..<28]), "\(change)")
        #expect(after == render(room.state, size: size, theme: .dark))
        let rows = (0..<size.height).filter { after.row($0) != before.row($0) }
        #expect(rows.count == 1 && after.cursor != before.cursor)
    }

    /// The change a quarter second later (none) and a second later, with its frame held
    /// equal to `render`.
    func aSecondLater(_ room: inout Room) -> Renderer.Change {
        var renderer = Renderer()
        let size = Size(width: 80, height: 24)
        _ = renderer.render(room.state, size: size, theme: .dark)
        room.wait(0.25)
        #expect(renderer.render(room.state, size: size, theme: .dark).change == .none)
        room.wait(1)
        let (frame, change) = renderer.render(room.state, size: size, theme: .dark)
        #expect(frame == render(room.state, size: size, theme: .dark))
        return change
    }

    /// On Welcome the time spent is in the header: a second redraws its row alone.
    @Test func anIdleTickWithinTheSecondChangesNothing() {
        var room = Scenario.welcome()
        #expect(aSecondLater(&room) == .rows([0..<1]))
    }

    /// The big timer's digits sit beside the prompts: a second draws the frame again.
    @Test func aSecondOfTheBigTimerDrawsTheFrame() {
        var room = Scenario.identity()
        #expect(aSecondLater(&room) == .all)
    }

    /// A draft longer than the box scrolls it line by line; the rows kept from the last
    /// frame must be the ones that still show the same line.
    @Test func aLongDraftScrollsAsTheWholeRenderDoes() {
        for size in [Size(width: 80, height: 24), Size(width: 60, height: 16), Size(width: 120, height: 40)] {
            var room = Scenario.identity()
            room.feed(.character("\u{15}"))  // Ctrl-U: an empty box
            var renderer = Renderer()
            _ = renderer.render(room.state, size: size, theme: .dark)
            var redraws = 0
            var rng = SplitMix64(seed: UInt64(size.width))
            let words = ["we", "system", "care", "interdisciplinary", "a", "leadership,"]
            for step in 0..<400 {
                if step % 37 == 36 {
                    room.press(CursesKey.backspace)
                } else {
                    room.type(words[Int(rng.next() % UInt64(words.count))] + " ")
                }
                let (frame, change) = renderer.render(room.state, size: size, theme: .dark)
                let same = frame == render(room.state, size: size, theme: .dark)
                #expect(same, "\(size.width)x\(size.height), step \(step):\n\(frame.text)")
                if !same { break }
                if Self.isPartial(change) { redraws += 1 }
            }
            #expect(room.state.input.text.count > 2_000 && redraws > 350, "\(redraws) partial redraws")
        }
    }

    /// Three characters are canonically equal to ASCII ones; put before a run of their twin
    /// in a long draft, they must not pass for it (found by an independent review).
    @Test(arguments: ["\u{212A}", "\u{037E}", "\u{1FEF}"])
    func aCanonicalTwinOfASCIIIsNotTakenForIt(_ twin: String) {
        let ascii = twin == "\u{212A}" ? "K" : twin == "\u{037E}" ? ";" : "`"
        var room = Scenario.identity()
        room.feed(.character("\u{15}"))
        let size = Size(width: 80, height: 24)
        var renderer = Renderer()
        _ = renderer.render(room.state, size: size, theme: .dark)
        for text in [String(repeating: ascii, count: 150), "a"] {
            room.type(text)
            _ = renderer.render(room.state, size: size, theme: .dark)
        }
        room.press(CursesKey.home)
        _ = renderer.render(room.state, size: size, theme: .dark)
        room.type(twin)
        let frame = renderer.render(room.state, size: size, theme: .dark).frame
        let whole = render(room.state, size: size, theme: .dark)
        let same = frame == whole
        #expect(same, "\(frame.text)\n---\n\(whole.text)")
    }
}
