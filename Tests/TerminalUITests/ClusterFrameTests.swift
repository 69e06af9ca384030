import SensemakingCore
import Testing
import TestSupport
@testable import TerminalUI

/// Issue #13: 10,000 texts that join special characters and controls to their neighbours in
/// one grapheme cluster (Prepend, Extend, ZWJ, flags, jamo, CR LF) are pasted as a room would,
/// drafted in the box and then said; no frame ever holds a scalar that acts on a terminal.
@Suite("Frames hold no control, whatever the clusters")
struct ClusterFrameTests {
    /// Listed here, not asked of `Sanitizer`, so the check holds if the sanitizer is wrong.
    static func acts(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true                                      // C0 (line feeds too), DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true     // bidi
        case 0x200B, 0x2060, 0xFEFF, 0x180E, 0xFFF9...0xFFFB, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Every cluster the frame shows, as its text dump holds them; the layout invariants (each
    /// cluster 1 or 2 columns, rows no wider than the screen) on every eighth frame, since
    /// they cost an expectation per cell.
    static func check(_ frame: Frame, _ text: String, invariants: Bool) {
        if let scalar = frame.text.unicodeScalars.first(where: { $0 != "\n" && acts($0) }) {
            Issue.record("\(text.debugDescription): the frame holds U+\(String(scalar.value, radix: 16))")
        }
        if invariants { checkInvariants(frame) }
    }

    @Test func pastedClustersNeverReachTheTerminal() {
        var random = SplitMix64(seed: 1316)
        let sizes = [Size(width: 80, height: 24), Size(width: 60, height: 16), Size(width: 120, height: 40), Size(width: 200, height: 60)]
        var room = Room(participants: ["Ana", "Ben", "Chi", "Dev"])
        var said = 0
        for index in 0..<10_000 {
            // A fresh room every 250 texts, one stage further each time: each step of the
            // reducer and view costs more with every contribution, and a stream of 250 already
            // fills every size.
            if index % 250 == 0 {
                said += room.state.session.contributions.count
                room = Room(participants: ["Ana", "Ben", "Chi", "Dev"])
                for _ in 0...(index / 250) % 7 { room.say("/next") }
            }
            let text = ClusterText.text(using: &random)
            let size = sizes[index % sizes.count]
            // Said, then pasted again: one frame shows the text in the stream and in the box.
            room.paste(text)
            room.enter()
            // A refused line stays in the box; the paste starts afresh.
            room.send(.key(.clearInput))
            room.paste(text)
            Self.check(render(room.state, size: size, theme: index % 2 == 0 ? .dark : .contrast), text,
                       invariants: index % 8 == 0)
            room.send(.key(.clearInput))
            if !room.state.session.contributions.isEmpty, index % 3 == 0 { room.say("/pass") }
        }
        said += room.state.session.contributions.count
        #expect(said > 5_000)
    }
}
