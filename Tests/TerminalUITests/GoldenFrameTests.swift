import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

/// The product's face: each golden is the frame's text at 80×24, 120×40 and the minimum
/// size. `UPDATE_GOLDENS=1 swift test --filter TerminalUITests` rewrites them; read them
/// by eye before committing.
@Suite struct GoldenFrameTests {
    @Test(arguments: GoldenScenario.allCases)
    func golden(_ scenario: GoldenScenario) {
        let room = scenario.room
        for size in goldenSizes {
            Golden.check(scenario.rawValue, room.frame(size.width, size.height))
        }
        checkProjectorEssentials(room.frame(80, 24), turn: scenario.hasTurn)
    }

    @Test(arguments: [Size(width: 50, height: 12), Size(width: 59, height: 16), Size(width: 80, height: 15)])
    func tooSmall(_ size: Size) {
        Golden.check("too-small", Scenario.identity().frame(size.width, size.height))
    }

    /// At 80×24 the stage, the timer and whose turn it is read without anything else: the
    /// header or the big digits carry the timer, and the banner is bold and reversed (no colour needed).
    func checkProjectorEssentials(_ frame: Frame, turn: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(showsTime(frame), "no timer in \(rows[0])", sourceLocation: sourceLocation)
        #expect(rows[0].contains(/Stage \d+ of \d+|Welcome|Review|Close/), sourceLocation: sourceLocation)
        guard turn else { return }
        let banner = rows.firstIndex { $0.contains("your turn") }
        #expect(banner != nil, "no turn banner", sourceLocation: sourceLocation)
        if let banner {
            let cells = frame.row(banner)
            #expect(cells.allSatisfy { $0.style.reverse }, "the banner is reversed across the row", sourceLocation: sourceLocation)
            #expect(cells.dropFirst().prefix(3).allSatisfy { $0.style.bold }, "the name is bold", sourceLocation: sourceLocation)
            #expect(rows[banner].contains(/your turn.* · \d+ of \d+/), sourceLocation: sourceLocation)
        }
    }
}
