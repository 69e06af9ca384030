public struct Size: Equatable, Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A page of a list, counted back from the newest, and whether more is above it.
public struct Scrolled: Equatable, Sendable {
    public var page = 0
    public var more = false
    /// From a live view that cut its top part short, the page PgDn shows next.
    public var down: Int?
}

public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int
}

/// A grid of cells, the whole screen, produced by the pure view and painted by the
/// terminal adapter; `text` is its plain dump for golden tests.
public struct Frame: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (the input box), or nil to hide it.
    public var cursor: Point?
    /// The page of the screen's list this frame shows, for the front end to report back
    /// (`Action.scrolled`): PgUp then stops at the top and PgDn moves at once after Home.
    /// Nil when the frame shows no list (help, a screen too small).
    public var scrolled: Scrolled?
    /// Clusters too long to sit in a cell, each once; cells refer to them by index.
    private var spilled: [Character] = []

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// The cluster a cell of this frame shows.
    public func character(of cell: Cell) -> Character {
        if let index = cell.spillIndex { return spilled[index] }
        return cell.inlineCharacter ?? " "
    }

    /// The cluster at a column and row.
    public func character(_ x: Int, _ y: Int) -> Character {
        character(of: self[x, y])
    }

    /// Whether a cell of this frame and one of `other` show the same thing. Inline cells are
    /// compared as bits; a spilled cluster by its bytes, since each frame numbers its own.
    func sameCell(_ cell: Cell, as otherCell: Cell, of other: Frame) -> Bool {
        if cell.spillIndex == nil && otherCell.spillIndex == nil { return cell == otherCell }
        guard cell.style == otherCell.style, cell.continuation == otherCell.continuation else { return false }
        return character(of: cell).utf8.elementsEqual(other.character(of: otherCell).utf8)
    }

    /// Equal when they show the same: same size, cursor and clusters in the same styles.
    public static func == (a: Frame, b: Frame) -> Bool {
        guard a.size == b.size, a.cursor == b.cursor, a.scrolled == b.scrolled else { return false }
        for index in a.cells.indices where !a.sameCell(a.cells[index], as: b.cells[index], of: b) { return false }
        return true
    }

    /// A cell showing `character`: inline when it fits, else spilled into this frame.
    mutating func cell(_ character: Character, style: Style) -> Cell {
        if character.utf8.count <= Cell.inlineLimit { return Cell(character, style: style) }
        let index = spilled.firstIndex { $0.utf8.elementsEqual(character.utf8) } ?? {
            spilled.append(character)
            return spilled.count - 1
        }()
        return Cell(spilled: index, style: style)
    }

    /// The screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<size.height).map { y in
            var line = ""
            for cell in row(y) where !cell.continuation { line.append(character(of: cell)) }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

// MARK: Drawing

extension Frame {
    /// Sets one cell, keeping wide characters whole: overwriting either half of a
    /// 2-column cluster blanks its other half.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let old = self[x, y]
        if old.continuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        }
        if !old.continuation, x + 1 < size.width, self[x + 1, y].continuation {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
        self[x, y] = cell
    }

    /// Writes characters from column `x` of row `y`, stopping before column `limit`
    /// (the frame's width when nil). A 2-column cluster that would cross the limit is
    /// left out and its column painted blank; clusters of width 0 are left out.
    /// Returns the column after the last one written.
    @discardableResult
    mutating func put<C: Collection<Character>, S: Collection<Style>>(
        _ characters: C, styles: S, x: Int, y: Int, limit: Int? = nil
    ) -> Int {
        let end = min(limit ?? size.width, size.width)
        var column = x
        var styleIndex = styles.startIndex
        for character in characters {
            let style = styleIndex < styles.endIndex ? styles[styleIndex] : .plain
            if styleIndex < styles.endIndex { styleIndex = styles.index(after: styleIndex) }
            // MARK: Fast path — printable ASCII, most of every frame, goes into a cell unmeasured
            // Measured (docs/performance.md, "Typing (fourth round)", steps 4–5, with the input
            // box's relayout): a typed key with a 500-character draft went from 0.332 M to
            // 0.140 M instructions (callgrind). The reference is the general path below
            // (`FrameTests.printableASCIIIsPutAsAnyClusterIs`).
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F, column >= 0, column < end {
                set(column, y, Cell(ascii: byte, style: style))
                column += 1
                continue
            }
            // End of the fast path: any cluster, measured.
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column < 0 {
                // Left of the frame: only a wide cluster's right half can show, as a blank.
                if column + w > 0 { set(0, y, Cell(" ", style: style)) }
                column += w
                continue
            }
            if column + w > end {
                if column < end { set(column, y, Cell(" ", style: style)) }
                return end
            }
            // A no-break space only keeps words together; the terminal gets a plain space.
            set(column, y, isNoBreakSpace(character) ? Cell(" ", style: style) : cell(character, style: style))
            if w == 2 { set(column + 1, y, Cell(" ", style: style, continuation: true)) }
            column += w
        }
        return column
    }

    /// U+00A0 has no canonical equivalent, so its bytes decide; comparing Characters
    /// normalised every non-ASCII cell of every frame.
    private func isNoBreakSpace(_ character: Character) -> Bool {
        character.utf8.count == 2 && character.utf8.elementsEqual([0xC2, 0xA0])
    }

    /// Writes a string in one style; see `put(_:styles:x:y:limit:)`.
    @discardableResult
    mutating func put(_ text: String, _ style: Style, x: Int, y: Int, limit: Int? = nil) -> Int {
        put(text, styles: repeatElement(style, count: text.unicodeScalars.count), x: x, y: y, limit: limit)
    }

    /// Paints columns `from..<to` of a row as blanks in a style.
    mutating func fill(row y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        let lower = max(0, x), upper = min(end ?? size.width, size.width)
        guard y >= 0, y < size.height, lower < upper else { return }
        for column in lower..<upper { set(column, y, Cell(" ", style: style)) }
    }

    /// Blanks whole rows.
    mutating func clear(rows: Range<Int>) {
        let lower = max(0, rows.lowerBound) * size.width, upper = min(size.height, rows.upperBound) * size.width
        guard lower < upper else { return }
        cells.withUnsafeMutableBufferPointer { cells in
            for index in lower..<upper { cells[index] = .blank }
        }
    }
}

// MARK: Fast path — the painter compares and copies only the rows the renderer names
// Measured (docs/performance.md, "Typing (fourth round)", step 3, with CursesScreen's direct
// ASCII painting): a typed key at 100×30 went from 0.78 M to 0.145 M instructions (callgrind).
// The reference is `sameCell` on every cell (`FrameTests`, `PaintedScreenTests`).

extension Frame {
    /// Where this frame differs from `old` (all of it when there is no old frame of the same
    /// size): the indices in `cells` a painter must paint, left to right and top to bottom
    /// within each of `rows` in the order given, continuation halves left out. `rows`, when
    /// given, are the only rows that can differ (`Renderer.Change`). Runs in this module so
    /// that the comparison is inlined: the painter calls it on every key.
    func changedCells(since old: Frame?, rows: [Range<Int>]? = nil) -> [Int] {
        var changed: [Int] = []
        guard let old, old.size == size else {
            for index in cells.indices where !cells[index].continuation { changed.append(index) }
            return changed
        }
        let width = size.width
        let ranges = rows?.map { (max(0, $0.lowerBound) * width)..<(min(size.height, $0.upperBound) * width) }
            ?? [0..<cells.count]
        cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { previous in
                for range in ranges where !range.isEmpty {
                    for index in range where !new[index].continuation {
                        if new[index] == previous[index], new[index].spillIndex == nil { continue }
                        if !sameCell(new[index], as: previous[index], of: old) { changed.append(index) }
                    }
                }
            }
        }
        return changed
    }

    /// Takes whole rows, the cursor and the spilled clusters from `other`, a frame of the same
    /// size that differs from this one in those rows only and whose spilled clusters extend
    /// this one's (the renderer's frames between two whole renders).
    mutating func copy(rows: [Range<Int>], from other: Frame) {
        guard other.size == size else {
            self = other
            return
        }
        let width = size.width
        for range in rows {
            let lower = max(0, range.lowerBound) * width, upper = min(size.height, range.upperBound) * width
            if lower < upper { cells.replaceSubrange(lower..<upper, with: other.cells[lower..<upper]) }
        }
        cursor = other.cursor
        spilled = other.spilled
    }
}
