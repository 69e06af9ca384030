import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

/// Issue 16, reproduction 5: the stage, its question and the turn first; numbers, tags and
/// hints faint behind what people said.
@Suite struct HierarchyTests {
    /// The weights of the identity stage at 80×24, as a golden beside its text. The frame is
    /// the same in every theme (`ThemeTests`), so one golden holds for dark and light.
    @Test func theWeightsOfAStage() {
        let frame = Scenario.identity().frame(80, 24)
        let file = Golden.directory.appendingPathComponent("identity-weights-80x24.txt")
        let text = weights(frame) + "\n"
        if Golden.updating {
            #expect(throws: Never.self) { try text.write(to: file, atomically: true, encoding: .utf8) }
            return
        }
        let golden = try? String(contentsOf: file, encoding: .utf8)
        #expect(golden == text, "\(file.lastPathComponent) differs:\n\(Golden.diff(golden ?? "", text))")
    }

    @Test(arguments: [Theme.dark, .light])
    func numbersTagsAndHintsAreFaintAndTheStageIsBold(_ theme: Theme) {
        let frame = Scenario.identity().frame(80, 24, theme: theme)
        let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func cells(_ needle: String, row: Int) -> ArraySlice<Cell> {
            let line = rows[row]
            let start = DisplayWidth.of(String(line[..<line.range(of: needle)!.lowerBound]))
            return frame.row(row)[(frame.row(row).startIndex + start)...].prefix(DisplayWidth.of(needle))
        }
        let stage = rows.firstIndex { $0.hasPrefix(" Identity") }!
        #expect(cells("Identity", row: stage).allSatisfy { $0.style.bold && !$0.style.faint })
        #expect(frame.row(stage + 1).dropFirst().prefix(5).allSatisfy { $0.style.bold }, "the question is bold")
        let tagged = rows.firstIndex { $0.contains("(as the council)") }!
        #expect(cells("#2", row: tagged).allSatisfy { $0.style.faint && !$0.style.bold })
        #expect(cells("(as the council)", row: tagged).allSatisfy { $0.style.faint })
        #expect(cells("Ben", row: tagged).allSatisfy { $0.style.bold && !$0.style.faint })
        #expect(cells("F1 help", row: 23).allSatisfy { $0.style.faint })
        let banner = rows.firstIndex { $0.contains("your turn") }!
        #expect(cells("your turn", row: banner).allSatisfy { $0.style.bold })
        #expect(cells("1 of 5", row: banner).allSatisfy { !$0.style.bold && $0.style.reverse })
    }

    /// Faint survives the cell's bits, with every other attribute.
    @Test func faintIsKeptByACell() {
        for bits in 0..<32 {
            let style = Style(.dim, bold: bits & 1 != 0, reverse: bits & 2 != 0, underline: bits & 4 != 0, faint: bits & 8 != 0)
            #expect(Cell("x", style: style, continuation: bits & 16 != 0).style == style)
        }
    }
}
