/// How a cell is drawn. Colour is never the only signal: every role also has a
/// weight or reverse video that reads on a monochrome projector.
public enum Role: UInt8, Equatable, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case header       // the top bar
    case title        // the stage name and question
    case accent       // numbers, markers
    case banner       // whose turn it is
    case input        // the input box
    case error        // NOT SAVED, command errors
    case ok           // "saved"
    case selected
}

public struct Style: Equatable, Sendable, Hashable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// One terminal cell: a grapheme cluster that is 1 or 2 columns wide, or the right half
/// of a wide one (`continuation`), which the painter skips.
///
/// Plain bits, no references: a frame is copied, compared and painted cell by cell on every
/// key, and a `Character` in each cell made every copy retain and every comparison call out.
/// The cluster's UTF-8 bytes are held inline when there are at most 15 (nearly all: ZWJ
/// emoji of two people, flags, skin tones, letters with marks); a longer cluster is held by
/// its frame (`Frame.character(of:)`), and the cell keeps its index there.
public struct Cell: Equatable, Sendable {
    /// Bytes 0–7 of the cluster, or the index of a spilled one.
    private var low: UInt64
    /// Bytes 8–14 of the cluster, and in the top byte their count (1–15), or `spilled`.
    private var high: UInt64
    /// The style and `continuation` as bits, so that comparing two cells is comparing three
    /// integers: role in bits 0–7, then bold, reverse, underline, continuation.
    private var bits: UInt32

    public var style: Style {
        get {
            Style(Role(rawValue: UInt8(truncatingIfNeeded: bits)) ?? .normal, bold: bits & 1 << 8 != 0,
                  reverse: bits & 1 << 9 != 0, underline: bits & 1 << 10 != 0)
        }
        set { bits = Self.bits(newValue, continuation: continuation) }
    }

    public var continuation: Bool {
        get { bits & 1 << 11 != 0 }
        set { bits = newValue ? bits | 1 << 11 : bits & ~(1 << 11) }
    }

    private static func bits(_ style: Style, continuation: Bool) -> UInt32 {
        UInt32(style.role.rawValue) | (style.bold ? 1 << 8 : 0) | (style.reverse ? 1 << 9 : 0)
            | (style.underline ? 1 << 10 : 0) | (continuation ? 1 << 11 : 0)
    }

    private static let spilled: UInt64 = 0xFF
    static let inlineLimit = 15

    /// A cell for a cluster of at most `inlineLimit` UTF-8 bytes; longer ones go through
    /// `Frame`, which holds them.
    init(_ character: Character = " ", style: Style = .plain, continuation: Bool = false) {
        var low: UInt64 = 0, high: UInt64 = 0, count: UInt64 = 0
        for byte in character.utf8 {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else if count < 15 {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }
        precondition(count <= 15, "a cluster over 15 bytes belongs in Frame.spill")
        self.low = low
        self.high = high | count << 56
        self.bits = Self.bits(style, continuation: continuation)
    }

    /// A cell for one ASCII byte.
    init(ascii byte: UInt8, style: Style) {
        low = UInt64(byte)
        high = 1 << 56
        bits = Self.bits(style, continuation: false)
    }

    /// A cell for the `index`th cluster its frame spilled.
    init(spilled index: Int, style: Style) {
        low = UInt64(index)
        high = Self.spilled << 56
        bits = Self.bits(style, continuation: false)
    }

    /// The index in the frame's spilled clusters, or nil when the cluster is inline.
    var spillIndex: Int? {
        high >> 56 == Self.spilled ? Int(low) : nil
    }

    /// The cluster, when it is held inline.
    var inlineCharacter: Character? {
        let count = Int(high >> 56)
        guard count != Int(Self.spilled) else { return nil }
        var bytes = (low, high)
        let text = withUnsafeBytes(of: &bytes) { raw in
            // Little-endian words: byte i of the cluster is at i (low) or 8 + (i - 8) (high).
            String(decoding: raw.prefix(count), as: UTF8.self)
        }
        return Character(text)
    }

    /// The byte of a one-byte (ASCII) cluster, nil for any other.
    public var asciiByte: UInt8? {
        high == 1 << 56 && low < 0x80 ? UInt8(low) : nil
    }

    /// A single space (a blank, whatever its style).
    var isSpace: Bool {
        low == 0x20 && high == 1 << 56
    }

    public static let blank = Cell()
}

public struct Size: Equatable, Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A grid of cells, the whole screen, produced by the pure view and painted by the
/// terminal adapter; `text` is its plain dump for golden tests.
public struct Frame: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (the input box), or nil to hide it.
    public var cursor: Point?
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
        guard a.size == b.size, a.cursor == b.cursor else { return false }
        for index in a.cells.indices where !a.sameCell(a.cells[index], as: b.cells[index], of: b) { return false }
        return true
    }

    /// Where this frame differs from `old` (all of it when there is no old frame of the same
    /// size): the indices in `cells` a painter must paint, left to right, top to bottom,
    /// continuation halves left out. `rows`, when given, are the only rows that can differ
    /// (`Renderer.Change`). Runs in this module so that the comparison is inlined: the
    /// painter calls it on every key.
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

    /// Blanks whole rows.
    mutating func clear(rows: Range<Int>) {
        let lower = max(0, rows.lowerBound) * size.width, upper = min(size.height, rows.upperBound) * size.width
        guard lower < upper else { return }
        cells.withUnsafeMutableBufferPointer { cells in
            for index in lower..<upper { cells[index] = .blank }
        }
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
            // Printable ASCII, most of every frame: one column, straight into a cell.
            let utf8 = character.utf8
            if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F, column >= 0, column < end {
                set(column, y, Cell(ascii: byte, style: style))
                column += 1
                continue
            }
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
}
