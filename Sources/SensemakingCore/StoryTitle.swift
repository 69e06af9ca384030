import Foundation

/// A story's title and body for a report and the screen: the first line of a story of several lines, the
/// rest its body; a one-line story is cut at a word boundary, with "…", and keeps its whole
/// text as the body when cut, none when not: the body never repeats the title.
public struct StoryTitle: Equatable, Sendable {
    public var title: String
    public var body: String
}

// An extension, so that the memberwise `init(title:body:)` stays for the tests.
extension StoryTitle {
    /// Titles are at most this many characters before the "…".
    public static let limit = 60

    public init(_ text: String) {
        // The first line that is not blank (or else the last), and what follows it, as slices
        // of the text: a body is the text itself from its next line that is not blank.
        var (first, rest) = Self.firstLine(text[...])
        while let next = rest, first.allSatisfy(\.isWhitespace) { (first, rest) = Self.firstLine(next) }
        while let next = rest {
            let (line, after) = Self.firstLine(next)
            guard line.allSatisfy(\.isWhitespace) else { break }
            rest = after
        }
        let line = Self.trimmed(first, Self.isSpace)
        title = Self.cut(line)
        // A first line cut short is still said whole in the body.
        body = [title == line ? nil : first, rest].compactMap { $0 }.joined(separator: "\n")
    }

    /// What comes before the first line feed of `text`, and what comes after it (nil when
    /// there is none). Cut at the LF scalar, not a Character: CR LF is one Character, and its
    /// CR stays on the line before. In UTF-8 the byte 0x0A is that scalar and nothing else.
    static func firstLine(_ text: Substring) -> (line: Substring, rest: Substring?) {
        guard let feed = text.utf8.firstIndex(of: UInt8(ascii: "\n")) else { return (text, nil) }
        let scalars = text.unicodeScalars
        return (Substring(scalars[..<feed]), Substring(scalars[scalars.index(after: feed)...]))
    }

    /// A trimmed line of at most `limit` characters as it is; a longer one cut after a whole
    /// word, then "…" (a long line is not counted to its end).
    static func cut(_ line: String) -> String {
        let head = line.prefix(limit)
        guard head.endIndex < line.endIndex else { return line }
        let space = head.lastIndex(where: \.isWhitespace)
        let words = space.map { head[..<$0] } ?? head
        return Self.trimmed(words) { isSpace($0) || isPunctuation($0) } + "…"
    }

    // Trimming by scalar properties rather than Foundation's `trimmingCharacters(in:)`, which
    // copies every line through NSString: that copy was 40% of a 5,000-contribution export
    // (docs/performance.md, "The house"). The same scalars as Foundation's `.whitespaces` and
    // `.punctuationCharacters`, checked against them scalar by scalar in TitleTests.

    /// `.whitespaces`: the space separators (Zs), the tab and, as in Foundation, the zero-width space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// `.punctuationCharacters`: the punctuation categories (P*).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }

    /// `text` without the scalars at either end that `drop` holds, per scalar as Foundation trims.
    static func trimmed(_ text: Substring, _ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !drop($0) }),
              let end = scalars.lastIndex(where: { !drop($0) }) else { return "" }
        return String(Substring(scalars[start...end]))
    }
}
