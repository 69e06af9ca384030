import SensemakingCore
import Testing
import TestSupport
@testable import TerminalUI

/// Cells hold up to 15 bytes of a cluster inline and the frame the longer ones: whatever is
/// put must read back byte for byte, and frames compare by what they show.
@Suite struct FrameTests {
    @Test func everyClusterReadsBackByteForByte() {
        var rng = SplitMix64(seed: 15)
        let long = ["👨‍👩‍👧‍👦", "👩🏽‍❤️‍💋‍👨🏿", "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}"]
        for _ in 0..<400 {
            var characters = Array(Pieces.text(&rng, pieces: 1 + Int(rng.next() % 12)).filter { $0 != "\n" })
            if rng.next() % 3 == 0 { characters.insert(Character(long[Int(rng.next() % 3)]), at: Int(rng.next() % UInt64(characters.count + 1))) }
            var frame = Frame(size: Size(width: 200, height: 1))
            frame.put(characters, styles: repeatElement(Style.plain, count: characters.count), x: 0, y: 0)
            var shown: [Character] = []
            for x in 0..<200 where !frame[x, 0].continuation { shown.append(frame.character(x, 0)) }
            let drawn = characters.filter { DisplayWidth.of($0) > 0 }.map { $0 == "\u{A0}" ? " " : $0 }
            #expect(shown.prefix(drawn.count).map { Array($0.utf8) } == drawn.map { Array($0.utf8) })
        }
    }

    @Test func longClustersAreHeldOnceAndComparedByBytes() {
        let family: Character = "👨‍👩‍👧‍👦"  // 25 bytes
        #expect(family.utf8.count > Cell.inlineLimit)
        var a = Frame(size: Size(width: 10, height: 1))
        a.put("\(family)x\(family)", .plain, x: 0, y: 0)
        #expect(a.character(0, 0) == family && a.character(3, 0) == family && a.character(2, 0) == "x")
        #expect(a[0, 0].spillIndex == 0 && a[3, 0].spillIndex == 0)
        // Another frame numbers its own spilled clusters: equal by what they show.
        var b = Frame(size: Size(width: 10, height: 1))
        b.put("👩‍👩‍👧‍👦", .plain, x: 6, y: 0)
        b.put("\(family)x\(family)", .plain, x: 0, y: 0)
        b.put("     ", .plain, x: 5, y: 0)
        #expect(b[0, 0].spillIndex == 1)
        #expect(a == b)
        #expect(a.sameCell(a[0, 0], as: b[0, 0], of: b))
        var c = a
        c.put("👩‍👩‍👧‍👦", .plain, x: 0, y: 0)
        #expect(a != c)
        #expect(!a.sameCell(a[0, 0], as: c[0, 0], of: c))
    }

    @Test func cellsAreStyledSpacesOrNot() {
        var frame = Frame(size: Size(width: 4, height: 1))
        frame.put("a 日", Style(.accent, bold: true), x: 0, y: 0)
        #expect(!frame[0, 0].isSpace && frame[1, 0].isSpace && !frame[2, 0].isSpace && frame[3, 0].continuation)
        #expect(frame[1, 0] != .blank && frame[1, 0].style.bold)
        #expect(frame.text == "a 日")
    }

    @Test func changedCellsAreWhatAPainterMustPaint() {
        var a = Frame(size: Size(width: 6, height: 2))
        a.put("ab日👨‍👩‍👧‍👦", .plain, x: 0, y: 0)
        #expect(a.changedCells(since: nil) == [0, 1, 2, 4] + Array(6..<12))
        #expect(a.changedCells(since: a).isEmpty)
        var b = Frame(size: Size(width: 6, height: 2))
        b.put("👩‍👩‍👧‍👦", .plain, x: 0, y: 1)   // spilled first: its own numbering
        b.put("ab日👨‍👩‍👧‍👦", .plain, x: 0, y: 0)
        b.put("  ", .plain, x: 0, y: 1)
        #expect(b.changedCells(since: a).isEmpty)
        b.put("x", Style(.accent), x: 1, y: 0)
        b.put("Z", .plain, x: 5, y: 1)
        #expect(b.changedCells(since: a) == [1, 11])
        #expect(b.changedCells(since: Frame(size: Size(width: 5, height: 2))).count == 10)
    }

    @Test func copyingTheChangedRowsGivesTheNewFrame() {
        var a = Frame(size: Size(width: 8, height: 3))
        a.put("one 👨‍👩‍👧‍👦", .plain, x: 0, y: 0)
        a.cursor = Point(x: 1, y: 2)
        var b = a
        b.put("two 👩‍👩‍👧‍👦 x", Style(.input), x: 0, y: 1)
        b.cursor = Point(x: 3, y: 1)
        var shown = a
        shown.copy(rows: [1..<2], from: b)
        #expect(shown == b && shown.text == b.text)
        #expect(shown.changedCells(since: b).isEmpty)
        var other = a
        other.copy(rows: [0..<1], from: b)   // row 1 left out: not the new frame
        #expect(other != b)
    }

    /// `put`'s fast path for printable ASCII against what any cluster gets: the cell
    /// `Cell(_:style:)` makes, in one column, nothing at or past the limit or left of the frame.
    @Test func printableASCIIIsPutAsAnyClusterIs() {
        let style = Style(.accent, bold: true)
        for byte in UInt8(0x20)..<0x7F {
            let character = Character(Unicode.Scalar(byte))
            #expect(Cell(ascii: byte, style: style) == Cell(character, style: style))
            for x in [-1, 0, 3, 4] {
                // A wide cluster in columns 3 and 4, to be half overwritten.
                var frame = Frame(size: Size(width: 5, height: 1))
                frame.put("日", .plain, x: 3, y: 0)
                var expected = frame
                let next = frame.put([character], styles: [style], x: x, y: 0, limit: 4)
                if x >= 0 && x < 4 { expected.set(x, 0, Cell(character, style: style)) }
                #expect(next == min(x + 1, 4) && frame == expected, "\(byte) at \(x)")
            }
        }
    }

    /// The painter's fast path against the plainly right answer: every cell of the new frame
    /// compared with the old by what it shows, whichever rows the change was made in.
    @Test func theNamedRowsHoldEveryChangedCell() {
        var rng = SplitMix64(seed: 16)
        let roles = Role.allCases
        func text(_ rng: inout SplitMix64) -> String {
            Pieces.text(&rng, pieces: 1 + Int(rng.next() % 6)).replacingOccurrences(of: "\n", with: " ")
        }
        func style(_ rng: inout SplitMix64) -> Style {
            Style(roles[Int(rng.next() % UInt64(roles.count))], bold: rng.next() % 2 == 0)
        }
        for _ in 0..<500 {
            let size = Size(width: 1 + Int(rng.next() % 24), height: 1 + Int(rng.next() % 6))
            var old = Frame(size: size)
            for y in 0..<size.height { old.put(text(&rng), style(&rng), x: Int(rng.next() % 4) - 1, y: y) }
            var new = old
            var changed = Set<Int>()
            for _ in 0..<Int(rng.next() % 4) {
                let y = Int(rng.next() % UInt64(size.height))
                new.put(text(&rng), style(&rng), x: Int(rng.next() % UInt64(size.width + 1)) - 1, y: y)
                changed.insert(y)
            }
            let rows = changed.sorted().map { $0..<($0 + 1) }
            let reference = new.cells.indices.filter {
                !new.cells[$0].continuation && !new.sameCell(new.cells[$0], as: old.cells[$0], of: old)
            }
            #expect(new.changedCells(since: old, rows: rows) == reference)
            #expect(new.changedCells(since: old) == reference)
            var shown = old
            shown.copy(rows: rows, from: new)
            #expect(shown == new && shown.text == new.text)
        }
    }
}
