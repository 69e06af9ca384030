import Foundation

/// A story's title and body for a report and the screen: the first line of a story of several lines, the
/// rest its body; a one-line story is cut at a word boundary, with "…", and keeps its whole
/// text as the body when cut, none when not: the body never repeats the title.
public struct StoryTitle: Equatable, Sendable {
    public var title: String
    public var body: String

    public init(title: String, body: String) {
        self.title = title
        self.body = body
    }

    /// Titles are at most this many characters before the "…".
    public static let limit = 60

    public init(_ text: String) {
        // Split on LF as a scalar: a line feed before a combining mark is still a line break.
        let scalars = text.unicodeScalars
        var lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        while let first = lines.first, first.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeFirst() }
        let rest = lines.dropFirst().drop { $0.allSatisfy(\.isWhitespace) }
        let first = lines.first ?? ""
        title = Self.cut(first)
        // A first line cut short is still said whole in the body.
        let lead = title == first.trimmingCharacters(in: .whitespaces) ? [] : [first]
        body = (lead + rest).joined(separator: "\n")
    }

    /// At most `limit` characters, cut after a whole word, then "…".
    public static func cut(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > limit else { return trimmed }
        let head = trimmed.prefix(limit)
        let space = head.lastIndex(where: \.isWhitespace)
        let words = space.map { head[..<$0] } ?? head
        return words.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)) + "…"
    }
}
