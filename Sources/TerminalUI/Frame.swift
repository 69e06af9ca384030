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
    public var character: Character
    public var style: Style
    public var continuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, continuation: Bool = false) {
        self.character = character
        self.style = style
        self.continuation = continuation
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
