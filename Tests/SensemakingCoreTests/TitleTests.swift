import Foundation
import PropertyBased
import Testing
@testable import SensemakingCore

/// A story's title: the first line of a text of several, else at most 48 characters.
@Suite("Story titles")
struct TitleTests {
    static func title(_ text: String) -> String {
        Contribution(id: 1, author: nil, stage: 4, kind: .story, text: text, time: Date()).title
    }

    @Test func theFirstLineOfSeveral() {
        #expect(Self.title("The night shift\nWe stayed until six.") == "The night shift")
        #expect(Self.title("a\n") == "a")
        #expect(Self.title("\n\nAfter blank lines\nmore") == "After blank lines")
        // A long first line is kept whole: the writer chose it as the title.
        let long = String(repeating: "x", count: 60)
        #expect(Self.title(long + "\nrest") == long)
        // A line feed is its own Character even before a combining mark.
        #expect(Self.title("a\n\u{301}b") == "a")
    }

    @Test func theOpeningWordsOfOneLine() {
        #expect(Self.title("") == "")
        #expect(Self.title("One line") == "One line")
        let x48 = String(repeating: "x", count: 48)
        #expect(Self.title(x48) == x48)
        #expect(Self.title(x48 + "y") == String(repeating: "x", count: 47) + "…")
        // Characters, not bytes or scalars: accents, clusters and scripts count as one each.
        #expect(Self.title(String(repeating: "é", count: 48)) == String(repeating: "é", count: 48))
        #expect(Self.title(String(repeating: "e\u{301}", count: 49)) == String(repeating: "e\u{301}", count: 47) + "…")
        #expect(Self.title(String(repeating: "👩‍👩‍👧", count: 49)) == String(repeating: "👩‍👩‍👧", count: 47) + "…")
        #expect(Self.title(String(repeating: "x", count: 47) + "é" + "yy") == String(repeating: "x", count: 47) + "…")
    }

    /// The definition by Characters, the whole text split and counted: `title` walks at most
    /// 48 Characters of a text of one line, and must say the same.
    static func reference(_ text: String) -> String {
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        if text.contains("\n") || firstLine.count <= 48 { return firstLine }
        return String(firstLine.prefix(47)) + "…"
    }

    static let pieces = ["\n", "\r", "\r\n", "\n\n", " ", "a", "word ", "e\u{301}", "👩‍👩‍👧", "日本語", "\u{301}", "\n\u{301}",
                         String(repeating: "x", count: 30), String(repeating: "é", count: 20)]

    @Test func agreesWithTheDefinition() async {
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...12)) { picks in
            let text = picks.map { Self.pieces[$0] }.joined()
            #expect(Array(Self.title(text).utf8) == Array(Self.reference(text).utf8), "\(text.debugDescription)")
        }
    }

    /// `StoryTitle` as first written: lines split on LF scalars, the trimmed first line counted
    /// to its end. The title splits the UTF-8 and counts no further than the limit.
    static func storyReference(_ text: String) -> StoryTitle {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(Substring($0)) }
        while let first = lines.first, first.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeFirst() }
        let rest = lines.dropFirst().drop { $0.allSatisfy(\.isWhitespace) }
        let first = lines.first ?? ""
        let trimmed = StoryTitle.trimmed(first[...], StoryTitle.isSpace)
        var title = trimmed
        if trimmed.count > StoryTitle.limit {
            let head = trimmed.prefix(StoryTitle.limit)
            let words = head.lastIndex(where: \.isWhitespace).map { head[..<$0] } ?? head
            title = StoryTitle.trimmed(words) { StoryTitle.isSpace($0) || StoryTitle.isPunctuation($0) } + "…"
        }
        return StoryTitle(title: title, body: ((title == trimmed ? [] : [first]) + rest).joined(separator: "\n"))
    }

    @Test func storyTitlesAgreeWithTheirFirstDefinition() async {
        let pieces = Self.pieces + ["word, ", "— ", "\t", "\u{3000}", String(repeating: "y", count: 61)]
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...14)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            let story = StoryTitle(text), reference = Self.storyReference(text)
            #expect(Array(story.title.utf8) == Array(reference.title.utf8), "\(text.debugDescription)")
            #expect(Array(story.body.utf8) == Array(reference.body.utf8), "\(text.debugDescription)")
        }
    }

    /// StoryTitle trims by scalar properties, not Foundation: every scalar must be in the
    /// same set as Foundation's, and trimming must give Foundation's result.
    @Test func trimsTheScalarsFoundationTrims() async {
        for value in UInt32(0)...0x10FFFF {
            // Foundation's tables predate Unicode 16, whose new punctuation the standard library knows.
            guard let scalar = Unicode.Scalar(value), scalar.properties.age.map({ $0.major < 16 }) ?? true else { continue }
            #expect(StoryTitle.isSpace(scalar) == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(StoryTitle.isPunctuation(scalar) == CharacterSet.punctuationCharacters.contains(scalar), "U+\(String(value, radix: 16))")
        }
        let ends = [" ", "\t", "\u{200B}", "\u{3000}", "\u{A0}", ".", "…", "—", "\u{301}", "a", "é", "👩‍👩‍👧", "\n", "x y"]
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(ends.count - 1)).array(of: 0...8)) { picks in
            let text = picks.map { ends[$0] }.joined()
            #expect(StoryTitle.trimmed(text[...], StoryTitle.isSpace) == text.trimmingCharacters(in: .whitespaces))
            let both = CharacterSet.whitespaces.union(.punctuationCharacters)
            #expect(StoryTitle.trimmed(text[...]) { StoryTitle.isSpace($0) || StoryTitle.isPunctuation($0) }
                    == text.trimmingCharacters(in: both), "\(text.debugDescription)")
        }
    }
}
