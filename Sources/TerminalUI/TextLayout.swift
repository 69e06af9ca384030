/// One line of wrapped text, and what the wrapping took out after it.
public struct WrappedLine: Equatable, Sendable {
    public var text: String
    /// What followed this line in the original: "\n" (a line break), " " (the one space
    /// the line broke at), or "" (a word too long for a line, broken inside it, or the end).
    /// So `lines.map { $0.text + $0.separator }.joined()` is the original text.
    public var separator: String
}

/// Word wrapping and truncation by display width, never splitting a grapheme cluster and
/// never putting a 2-column cluster across the right edge.
public enum TextLayout {
    /// Wraps at spaces (never at a no-break space, U+00A0); a word longer than the line is
    /// broken between clusters; a line break always breaks. Every line is at most `width` columns (for `width` >= 2).
    public static func wrap(_ text: String, width: Int) -> [WrappedLine] {
        let characters = Array(text)
        return breaks(characters, widths: characters.map(DisplayWidth.of), first: width, rest: width).map {
            WrappedLine(text: String(characters[$0.range]), separator: $0.separator.text)
        }
    }

    /// The text cut to `width` columns, ending in "…" when something was cut. Line breaks
    /// become spaces.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        // Foundation's search only when there is a line feed at all: this runs for the status
        // line of every frame.
        let flat = text.utf8.contains(UInt8(ascii: "\n")) && text.contains("\n") ? text.replacingNewlines() : text
        if DisplayWidth.of(flat) <= width { return flat }
        var out = ""
        var used = 0
        for character in flat {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// The text cut to `width` columns as `truncate` cuts it, but not inside a word: the
    /// last word that does not fit goes whole, with the punctuation and spaces before it, so
    /// the back row reads "· What others may remember…" rather than "…remember differentl…".
    /// A word ends at a space (or a line break, which `truncate` makes one), at punctuation
    /// that no letter or digit follows ("doesn't" and "well-being" are one word each), and
    /// beside a wide character, as `wrap` breaks; a first word too long for the width is cut
    /// as `truncate` cuts it.
    public static func truncateAtWord(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        // `truncate` gives the text (line breaks made spaces) whole when it fits.
        let flat = text.replacingNewlines()
        guard width > 0, cut != flat else { return cut }
        let characters = Array(flat)
        var words = cut.dropLast()
        let count = words.count
        func boundary(at index: Int) -> Bool {
            guard index > 0, index < characters.count else { return true }
            let before = characters[index - 1], next = characters[index]
            if next == " " || DisplayWidth.of(before) == 2 || DisplayWidth.of(next) == 2 { return true }
            guard next.isPunctuation else { return false }
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            return !(after?.isLetter == true || after?.isNumber == true)
        }
        if !boundary(at: count) {
            guard let space = words.lastIndex(of: " ") else { return cut }
            words = words[..<space]
        }
        while let last = words.last, last.isWhitespace || last.isPunctuation { words.removeLast() }
        // Only a bullet or nothing left: the cut inside the word says more.
        guard words.contains(where: { $0.isLetter || $0.isNumber }) else { return cut }
        return String(words) + "…"
    }

    enum Separator {
        case newline, space, none
        var text: String {
            switch self {
            case .newline: "\n"
            case .space: " "
            case .none: ""
            }
        }
    }

    /// Marks that never start a line (a small kinsoku rule).
    static let closingPunctuation: Set<Character> = [
        "。", "、", "，", "．", "」", "』", "）", "】", "〕", "〉", "》", "！", "？", "：", "；", "ー", "…",
        ".", ",", "!", "?", ":", ";", ")",
    ]

    struct Break {
        var range: Range<Int>
        var separator: Separator
        /// The last index the line's end was decided on (the count of the text for the last
        /// line): a text that differs only after it breaks this line the same way (`InputReuse`).
        var examined: Int

        /// Where the next line starts: after the space or line feed taken out, if any.
        var next: Int { range.upperBound + (separator == .none ? 0 : 1) }
    }

    /// Where lines break, in indices of `characters`. A line breaks at the last space that
    /// fits (the space is taken out) or, in text without spaces such as Chinese or Japanese,
    /// before or after any 2-column cluster; a word with no such place is broken between
    /// clusters. The first line may be narrower or wider than the rest (a hanging indent).
    /// Linear in the length of the text.
    ///
    /// `after`: the first lines of this text, already laid out; the rest follow them.
    static func breaks(_ characters: [Character], widths: [Int], first: Int, rest: Int,
                       after laidOut: [Break] = []) -> [Break] {
        var result = laidOut
        let count = characters.count
        var start = result.last?.next ?? 0
        var column = 0
        /// The latest place to break: before `index`, taking out the space there or not,
        /// with `column` the width of the line up to that place (the space included).
        var opportunity: (index: Int, space: Bool, column: Int)?
        var limit = max(1, laidOut.isEmpty ? first : rest)
        var i = start
        func newLine(_ range: Range<Int>, _ separator: Separator, next: Int) {
            result.append(Break(range: range, separator: separator, examined: i))
            start = next
            column = 0
            opportunity = nil
            limit = max(1, rest)
        }
        while i < count {
            let character = characters[i]
            if character == "\n" {
                newLine(start..<i, .newline, next: i + 1)
                i += 1
                continue
            }
            let w = widths[i]
            if character == " " {
                if column + 1 > limit {
                    newLine(start..<i, .space, next: i + 1)
                } else {
                    column += 1
                    opportunity = (i, true, column)
                }
                i += 1
                continue
            }
            if i > start, w == 2 || (widths[i - 1] == 2 && characters[i - 1] != " "),
               !closingPunctuation.contains(character), character != "\u{A0}", characters[i - 1] != "\u{A0}" {
                opportunity = (i, false, column)
            }
            if column + w > limit {
                if let place = opportunity, place.index > start {
                    let carried = column - place.column
                    if place.space {
                        newLine(start..<place.index, .space, next: place.index + 1)
                    } else {
                        newLine(start..<place.index, .none, next: place.index)
                    }
                    column = carried
                    continue  // this cluster again, on the new line
                }
                if column > 0 {
                    newLine(start..<i, .none, next: i)
                    continue
                }
                // A cluster wider than the whole line (width 1): it stands alone.
            }
            column += w
            i += 1
        }
        result.append(Break(range: start..<count, separator: .none, examined: count))
        return result
    }
}
