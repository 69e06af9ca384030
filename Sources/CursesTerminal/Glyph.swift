import CNcursesw

/// What ncurses is given for one cell of a Frame, so that ncurses, the terminal and the
/// view agree on where every later column is.
///
/// Measured with ncurses 6.4 and tmux 3.3a: a `cchar_t` holds one spacing character and the
/// zero-width ones after it (setcchar silently drops the second emoji of a ZWJ sequence and
/// keeps a dangling ZWJ), and ncurses advances by `wcwidth` of the first character. Terminals
/// disagree about emoji sequences (tmux 3.3a: a ZWJ family is 2 columns, 👍🏽 is 4, ❤️ is 1;
/// newer terminals: 2, 2, 2). So a cell only ever holds what every terminal draws alike:
///
/// - a character and its combining marks (é as e + U+0301), when `wcwidth` matches the view;
/// - an emoji sequence (ZWJ, skin tone, VS16) as its first emoji alone, 👩‍👩‍👧 → 👩;
/// - a flag as its two letters, 🇫🇷 → FR;
/// - a cluster the view draws 2 wide whose first character is 1 wide (❤️) as that character
///   then a blank;
/// - what `wcwidth` does not know (emoji newer than the C library) as U+FFFD, padded to the
///   view's width.
struct Glyph: Equatable {
    /// One `cchar_t` per element, painted left to right; their widths add up to the view's.
    var cells: [[wchar_t]]

    static let replacement: wchar_t = 0xFFFD
    static let space: wchar_t = 0x20
    /// ncurses' CCHARW_MAX: a spacing character and up to four zero-width ones.
    static let maximumScalars = 5

    /// `width` is the view's: 2 when the frame's next cell is this one's continuation, else 1.
    static func of(_ character: Character, width: Int) -> Glyph {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return Glyph(cells: [[space]]) }
        let value = first.value
        if value >= 0x20 && value < 0x7F && scalars.count == 1 {
            return padded([wchar_t(value)], to: width)
        }
        if isRegionalIndicator(value) {
            let letters = scalars.prefix(2).filter { isRegionalIndicator($0.value) }
                .map { wchar_t($0.value - 0x1F1E6 + 0x41) }
            if letters.count == 2 && width == 2 { return Glyph(cells: letters.map { [$0] }) }
        }
        let firstWidth = Int(cn_wcwidth(wchar_t(bitPattern: value)))
        guard firstWidth >= 1, firstWidth <= width else {
            return padded([replacement], to: width)
        }
        var kept = [wchar_t(bitPattern: value)]
        for scalar in scalars.dropFirst() {
            if isVariationSelector(scalar.value) { continue }
            guard isCombiningMark(scalar), cn_wcwidth(wchar_t(bitPattern: scalar.value)) == 0 else { break }
            if kept.count < maximumScalars { kept.append(wchar_t(bitPattern: scalar.value)) }
        }
        return padded(kept, to: width, firstWidth: firstWidth)
    }

    private static func padded(_ cell: [wchar_t], to width: Int, firstWidth: Int = 1) -> Glyph {
        var cells = [cell]
        var column = firstWidth
        while column < width {
            cells.append([space])
            column += 1
        }
        return Glyph(cells: cells)
    }

    static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    static func isVariationSelector(_ value: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
