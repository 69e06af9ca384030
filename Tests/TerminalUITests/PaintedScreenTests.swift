import SensemakingCore
import Testing
import TestSupport
@testable import TerminalUI

/// The painter's copy of the screen, updated by the renderer's rows only, must always be
/// the frame it was given, and the cells it says to paint every cell that changed.
/// (Written by an independent review of the renderer, then moved onto `PaintedScreen`.)
@Suite struct PaintedScreenTests {
    @Test func theCopyIsAlwaysTheFramePainted() {
        var partial = 0
        for seed in UInt64(1)...40 {
            var rng = SplitMix64(seed: seed &* 7919)
            var room = seed % 2 == 0 ? Scenario.identity() : Room(participants: ["Ana", "Ben", "美咲"])
            var size = Size(width: 80, height: 24)
            var renderer = Renderer()
            var screen = PaintedScreen()
            for step in 0..<300 {
                let roll = rng.next() % 100
                let action: RendererTests.Step = roll < 25 ? .type : roll < 45 ? .words : roll < 52 ? .tick
                    : roll < 57 ? .backspace : roll < 62 ? .paste : roll < 66 ? .left
                    : RendererTests.Step.allCases[Int(rng.next() % UInt64(RendererTests.Step.allCases.count))]
                RendererTests.act(action, &room, &size, &rng)
                // Now and then the loop paints everything (a resize to the same size).
                let force = rng.next() % 20 == 0
                let (frame, change) = renderer.render(room.state, size: size, theme: .dark)
                if change == .none && !force { continue }
                let rows = force ? nil : change.rows
                if rows != nil { partial += 1 }
                let truth = frame.changedCells(since: screen.frame)
                let painted = screen.update(to: frame, rows: rows)
                let same = painted == truth && screen.frame == frame && screen.frame?.text == frame.text
                #expect(same, "seed \(seed), step \(step), \(action): \(painted.count) cells painted of \(truth.count)")
                if !same { break }
            }
        }
        #expect(partial > 1000, "\(partial) partial updates")
    }

    @Test func aResizeOrInvalidationPaintsEverything() {
        var screen = PaintedScreen()
        var small = Frame(size: Size(width: 4, height: 2))
        small.put("ab", .plain, x: 0, y: 0)
        #expect(screen.update(to: small, rows: nil).count == 8)
        #expect(screen.update(to: small, rows: nil).isEmpty)
        let big = Frame(size: Size(width: 5, height: 2))
        #expect(screen.resized(for: big))
        #expect(screen.update(to: big, rows: [0..<1]).count == 10)
        screen.invalidate()
        #expect(!screen.resized(for: big) && screen.update(to: big, rows: [0..<1]).count == 10)
    }
}
