/// How a cell is drawn. Colour is never the only signal: every role also has a
/// weight or reverse video that reads on a monochrome projector.
public enum Role: Equatable, Sendable, Hashable, CaseIterable {
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
public struct Cell: Equatable, Sendable {
    public var character: Character { didSet { key = Self.key(character) } }
    public var style: Style
    public var continuation: Bool
    /// The character's UTF-8 bytes packed with their count when there are at most 7, else 0.
    /// The painter compares every cell of a frame with the last on every key; equal keys
    /// settle most comparisons without comparing Characters (which normalise).
    private var key: UInt64

    public init(_ character: Character = " ", style: Style = .plain, continuation: Bool = false) {
        self.character = character
        self.style = style
        self.continuation = continuation
        self.key = Self.key(character)
    }

    private static func key(_ character: Character) -> UInt64 {
        var key: UInt64 = 0, count: UInt64 = 0
        for byte in character.utf8 {
            if count == 7 { return 0 }
            key |= UInt64(byte) << (8 * count)
            count += 1
        }
        return key | count << 56
    }

    public static func == (a: Cell, b: Cell) -> Bool {
        guard a.style == b.style, a.continuation == b.continuation else { return false }
        // Same bytes: the same Character. Different bytes may still be canonically equal.
        if a.key == b.key, a.key != 0 { return true }
        return a.character == b.character
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

    /// The screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<size.height).map { y in
            var line = ""
            for cell in row(y) where !cell.continuation { line.append(cell.character) }
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
            set(column, y, Cell(isNoBreakSpace(character) ? " " : character, style: style))
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
