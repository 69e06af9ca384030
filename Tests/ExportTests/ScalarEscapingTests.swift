import Foundation
import SensemakingCore
import Testing
import TestSupport
@testable import Export

/// Issue #13: every output that carries a person's text is checked by a parser that is not
/// ours, on texts that mix each medium's special characters with the scalars that join a
/// neighbour into one grapheme cluster (Prepend, Extend, SpacingMark, ZWJ, flags, jamo, CR LF).
@Suite("Escaping per scalar, checked by other parsers")
struct ScalarEscapingTests {
    static let python = Python.executable != nil
    static let cmark = Python.has("cmarkgfm")

    /// The reproduction, without any parser: U+0600 before `<img …>` left a live tag.
    @Test func prependedTagsAreEscaped() {
        for text in ClusterText.reproductions {
            let escaped = HTMLText.escape(text)
            // Per scalar: `contains("<")` on a String compares Characters and misses "\u{600}<".
            #expect(!escaped.unicodeScalars.contains("<"), "\(text.debugDescription) → \(escaped.debugDescription)")
            #expect(escaped.hasSuffix("&gt;"))
        }
        let html = HTMLReport.render(Report(Self.session(ClusterText.reproductions)))
        for tag in ["<img", "<svg onload", "<iframe"] {
            #expect(!ScalarText.holds(html, tag), "the report holds \(tag)")
        }
    }

    @Test func htmlEscapeIsThePerScalarDefinition() {
        var random = SplitMix64(seed: 13)
        for _ in 0..<10_000 {
            let text = ClusterText.text(using: &random)
            for lineBreaks in [false, true] {
                #expect(HTMLText.escape(text, lineBreaks: lineBreaks) == ScalarText.htmlEscape(text, lineBreaks: lineBreaks),
                        "\(text.debugDescription)")
            }
        }
    }

    /// 10,000 texts in text, attribute and SVG contexts; the parser must find exactly the
    /// page's own elements and attributes, and each text back as it was. CR and NUL are left
    /// out here: the HTML input stream itself turns them into LF and nothing, which is not escaping.
    @Test(.enabled(if: python, "python3 is not installed"))
    func htmlContextsHoldTextAsText() throws {
        var random = SplitMix64(seed: 1300)
        let texts = (0..<10_000).map { _ in
            String(String.UnicodeScalarView(ClusterText.text(using: &random).unicodeScalars.filter { $0 != "\r" && $0 != "\0" }))
        }
        let documents = texts.map { text in
            "<!DOCTYPE html><html><head><title>t</title></head><body><p>\(HTMLText.escape(text, lineBreaks: true))</p>"
                + "<p title=\"\(HTMLText.escape(text))\">x</p><svg><text>\(HTMLText.escape(text))</text></svg></body></html>"
        }
        let parsed = try HTMLParse.parse(documents)
        for (text, page) in zip(texts, parsed) {
            #expect(page.structure == ["html", "head", "title", "body", "p", "p", "svg", "text"],
                    "\(HTMLParse.parser): \(text.debugDescription) made \(page.structure)")
            #expect(page.attributes.map { $0[1] } == ["title"], "\(text.debugDescription) made \(page.attributes)")
            #expect(page.attributes.first?[2] == text, "\(text.debugDescription) as an attribute")
            #expect(page.text == "t" + text + "x" + text, "\(text.debugDescription) read back as \(page.text.debugDescription)")
        }
    }

    // MARK: The exports

    /// 10,000 texts through the core's Sanitizer, 25 to a session, one in every element.
    static let texts: [[String]] = {
        var random = SplitMix64(seed: 1313)
        var sessions: [[String]] = []
        while sessions.count < 400 {
            var texts: [String] = []
            while texts.count < 25 {
                if case .success(let text) = Sanitizer.clean(ClusterText.text(using: &random), as: .contribution) { texts.append(text) }
            }
            sessions.append(texts)
        }
        return sessions
    }()

    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let kinds: [ContributionKind] = [.identity, .memory, .action, .story, .signal, .cue, .narrative]

    /// A closed session with `texts` as contributions, spread over the seven elements, with
    /// dots on the stories so the ranking shows.
    static func session(_ texts: [String]) -> Session {
        let header = SessionHeader(title: "Escaping", plan: .standard, participants: ["Ana", "Ben"], anonymous: false, started: start)
        var session = Session(header: header)
        var stories: [Int] = []
        for (index, text) in texts.enumerated() {
            let stage = index % 7 + 1
            if kinds[index % 7] == .story { stories.append(index + 1) }
            let item = Contribution(id: index + 1, author: index % 2 == 0 ? "Ana" : "Ben", stage: stage, kind: kinds[index % 7],
                                    text: text, time: start + Double(index))
            session.apply(Record(time: start + Double(index), event: .contributed(item, advancesTurn: false)))
        }
        session.apply(Record(time: start + 100, event: .dotsPlaced(participant: "Ana", stories: stories, advancesTurn: false)))
        session.apply(Record(time: start + 101, event: .ended))
        return session
    }

    /// The same session with every text replaced by a plain word: the report's own structure.
    static func baseline(_ count: Int) -> Session { session(Array(repeating: "plain", count: count)) }

    @Test(.enabled(if: python, "python3 is not installed"))
    func htmlExportHoldsTextAsText() throws {
        let pages = Self.texts.map { HTMLReport.render(Report(Self.session($0))) }
        let parsed = try HTMLParse.parse(pages + [HTMLReport.render(Report(Self.baseline(25)))])
        let own = parsed.last!
        for (index, page) in parsed.dropLast().enumerated() {
            #expect(page.structure == own.structure, "\(HTMLParse.parser): session \(index) added elements")
            #expect(page.attributes.map { [$0[0], $0[1]] } == own.attributes.map { [$0[0], $0[1]] }, "session \(index) added attributes")
            for (number, text) in Self.texts[index].enumerated() {
                for shown in Self.shown(text, kind: Self.kinds[number % 7]) where !page.text.contains(shown) {
                    Issue.record("session \(index): the page does not read \(shown.debugDescription)")
                }
            }
        }
    }

    @Test(.enabled(if: cmark, "python3 with cmarkgfm is not installed"))
    func markdownExportHoldsTextAsText() throws {
        let documents = Self.texts.map { MarkdownReport.render(Report(Self.session($0))) }
        let parsed = try HTMLParse.parse(documents + [MarkdownReport.render(Report(Self.baseline(25)))], fromMarkdown: true)
        let own = parsed.last!
        for (index, page) in parsed.dropLast().enumerated() {
            // The only comments are the escaper's own `<!-- -->`, which keeps `a@b.org` from becoming a link.
            #expect(page.structure.filter { $0 != "#comment: " } == own.structure,
                    "cmark-gfm: session \(index) made \(page.structure) not \(own.structure)")
            #expect(page.attributes.isEmpty == own.attributes.isEmpty, "session \(index) added attributes \(page.attributes)")
            for (number, text) in Self.texts[index].enumerated() {
                // An action is a table cell, where a line break reads " / ".
                let kind = Self.kinds[number % 7]
                for shown in kind == .action ? [ScalarText.lines(text).joined(separator: " / ")] : Self.shown(text, kind: kind) where !page.text.contains(shown) {
                    Issue.record("session \(index): the rendered Markdown does not read \(shown.debugDescription)")
                }
            }
        }
    }

    /// What a report reads for a text: a story as its title and its body apart.
    static func shown(_ text: String, kind: ContributionKind) -> [String] {
        guard kind == .story else { return [text] }
        let titled = StoryTitle(text)
        return [titled.title, titled.body].filter { !$0.isEmpty }
    }

    @Test func jsonExportParsesBackEqual() throws {
        for texts in Self.texts {
            let json = JSONReport.render(Report(Self.session(texts)))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let said = try #require(object["contributions"] as? [[String: Any]]).compactMap { $0["text"] as? String }
            #expect(said.sorted() == texts.sorted())
        }
    }

    /// The JSON writer on raw text, before any Sanitizer: Foundation's parser reads it back.
    @Test func jsonStringsRoundTripAnyScalar() throws {
        var random = SplitMix64(seed: 1331)
        for _ in 0..<10_000 {
            let text = ClusterText.text(using: &random)
            var writer = JSONWriter()
            writer.array([text]) { $0.string($1) }
            let parsed = try JSONSerialization.jsonObject(with: Data(writer.out)) as? [String]
            #expect(parsed == [text], "\(text.debugDescription)")
        }
    }
}
