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
        // Split on LF as a scalar, not a Character: a line feed before a combining mark is
        // still a line break. In UTF-8 the byte 0x0A is that scalar and nothing else.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        while let first = lines.first, first.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeFirst() }
        let rest = lines.dropFirst().drop { $0.allSatisfy(\.isWhitespace) }
        let first = lines.first ?? ""
        title = Self.cut(first)
        // A first line cut short is still said whole in the body.
        let lead = title == Self.trimmed(first[...], Self.isSpace) ? [] : [first]
        body = (lead + rest).joined(separator: "\n")
    }

    /// At most `limit` characters, cut after a whole word, then "…".
    public static func cut(_ line: String) -> String {
        let trimmed = Self.trimmed(line[...], isSpace)
        let head = trimmed.prefix(limit)
        // At most `limit` characters: whole (a long line is not counted to its end).
        guard head.endIndex < trimmed.endIndex else { return trimmed }
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
