import Foundation
import PropertyBased
import SensemakingCore
@testable import SessionLog
import Testing
import TestSupport

/// GitHub's own parser (cmark-gfm, through Python's `cmarkgfm`) renders escaped records, and
/// we check that user text came out as text only: the same characters, no element of its own.
/// Skipped when python3 or cmarkgfm is missing (`python3 -m pip install cmarkgfm`).
@Suite("Escaping, checked by cmark-gfm")
struct MarkdownParserTests {
    static let python: String? = {
        guard let python = Spawn.which("python3"),
              let check = try? Spawn.run([python, "-c", "import cmarkgfm"]), check.status == 0 else { return nil }
        return python
    }()

    /// Renders each document with CommonMark and with GFM (tables, strikethrough, autolinks,
    /// task lists); for each it answers the tags left once HTML comments are removed, and
    /// the text, with `<br />` as a line feed and entities decoded.
    static let script = #"""
    import sys, json, re, html, cmarkgfm
    from cmarkgfm.cmark import Options
    docs = json.load(open(sys.argv[1], encoding="utf-8"))
    out = []
    for doc in docs:
        row = []
        for rendered in (cmarkgfm.markdown_to_html(doc, options=Options.CMARK_OPT_UNSAFE),
                         cmarkgfm.github_flavored_markdown_to_html(doc, options=Options.CMARK_OPT_UNSAFE)):
            body = re.sub(r"<!--.*?-->", "", rendered, flags=re.S)
            body = body.replace("<br />\n", "\n")
            tags = re.findall(r"</?([a-zA-Z0-9]+)", body)
            text = html.unescape(re.sub(r"<[^>]*>", "", body))
            row.append({"tags": tags, "text": text})
        out.append(row)
    json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
    """#

    struct Rendered: Decodable {
        var tags: [String]
        var text: String
    }

    static func render(_ documents: [String]) throws -> [[Rendered]] {
        let python = try #require(python)
        let directory = NSTemporaryDirectory() + "cmark-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try script.write(toFile: directory + "/render.py", atomically: true, encoding: .utf8)
        try JSONEncoder().encode(documents).write(to: URL(fileURLWithPath: directory + "/in.json"))
        let run = try Spawn.run([python, directory + "/render.py", directory + "/in.json", directory + "/out.json"])
        #expect(run.status == 0, "\(run.errors)")
        return try JSONDecoder().decode([[Rendered]].self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/out.json")))
    }

    @Test("Contributions render as exactly their text, with line breaks and nothing else",
          .enabled(if: python != nil, "python3 with cmarkgfm is not installed"))
    func contributions() throws {
        var texts: [String] = []
        var names: [String] = []
        var random: any SeededRandomNumberGenerator = Xoshiro()
        while texts.count < 3000 {
            let text = AdversarialText.sanitized(using: &random)
            // A text that ends with an empty line (only `strip` lets one through) leaves a
            // visible backslash at the end: still text, but not equal. The decoder is exact.
            let name = AdversarialText.sanitized(using: &random, multiline: false)
            if text.hasSuffix("\n") || name.isEmpty { continue }
            texts.append(text)
            names.append(name)
        }
        let documents = zip(texts, names).map { text, name in
            let item = Contribution(id: 3, author: name, stage: 1, kind: .identity, text: text, time: EscapeTests.header.started)
            return LogFormat.encode(Record(time: EscapeTests.header.started, event: .contributed(item, advancesTurn: true)),
                                    number: 1, in: Session(header: EscapeTests.header))
        }
        let rendered = try Self.render(documents)
        for (index, outputs) in rendered.enumerated() {
            for output in outputs {
                let expectedTags = ["ul", "li", "strong", "strong"] + ["li", "ul"]
                #expect(output.tags == expectedTags, "tags \(output.tags) for \(documents[index].debugDescription)")
                let expectedText = "\n#3 \(names[index]): \(texts[index]) \n\n"
                #expect(sameScalars(output.text, expectedText),
                        "\(output.text.debugDescription) ≠ \(expectedText.debugDescription) from \(documents[index].debugDescription)")
            }
        }
    }

    @Test("Stage titles, names in bold and a whole scripted log render without stray structure",
          .enabled(if: python != nil, "python3 with cmarkgfm is not installed"))
    func headingsAndNames() throws {
        var random: any SeededRandomNumberGenerator = Xoshiro()
        var titles: [String] = []
        while titles.count < 1000 {
            let title = AdversarialText.sanitized(using: &random, multiline: false)
            if !title.isEmpty { titles.append(title) }
        }
        let documents = titles.map { "## 1. " + MarkdownText.escapeInline($0) + "\n\n- **" + MarkdownText.escapeInline($0) + "** joined.\n" }
        for (index, outputs) in try Self.render(documents).enumerated() {
            for output in outputs {
                #expect(output.tags == ["h2", "h2", "ul", "li", "strong", "strong", "li", "ul"], "\(documents[index].debugDescription)")
                #expect(sameScalars(output.text, "1. \(titles[index])\n\n\(titles[index]) joined.\n\n"),
                        "\(output.text.debugDescription) from \(documents[index].debugDescription)")
            }
        }
    }

    /// Issue #13: 10,000 texts that put each special character next to a scalar that joins
    /// it into one grapheme cluster, as the core lets them in, written as log records.
    @Test("Text with Prepend, Extend, ZWJ, flags and jamo beside special characters renders as itself",
          .enabled(if: python != nil, "python3 with cmarkgfm is not installed"))
    func clusters() throws {
        var random = SplitMix64(seed: 1313)
        var texts: [String] = []
        while texts.count < 10_000 {
            if case .success(let text) = Sanitizer.clean(ClusterText.text(using: &random), as: .contribution) { texts.append(text) }
        }
        let documents = texts.map { text in
            let item = Contribution(id: 3, author: "Ana", stage: 1, kind: .identity, text: text, time: EscapeTests.header.started)
            return LogFormat.encode(Record(time: EscapeTests.header.started, event: .contributed(item, advancesTurn: true)),
                                    number: 1, in: Session(header: EscapeTests.header))
        }
        // And the log reads each back, scalar for scalar.
        let log = LogFormat.header(EscapeTests.header) + texts.enumerated().map { offset, text in
            LogFormat.encode(EscapeTests.record(text, id: offset + 1), number: offset + 1, in: Session(header: EscapeTests.header))
        }.joined()
        let records = try LogFormat.decode(log).records
        #expect(records.count == texts.count)
        for (record, text) in zip(records, texts) {
            guard case .contributed(let item, _) = record.event else { Issue.record("not a contribution"); continue }
            #expect(sameScalars(item.text, text), "\(text.debugDescription) came back as \(item.text.debugDescription)")
        }
        for (index, outputs) in try Self.render(documents).enumerated() {
            for output in outputs {
                #expect(output.tags == ["ul", "li", "strong", "strong", "li", "ul"], "tags \(output.tags) for \(documents[index].debugDescription)")
                #expect(sameScalars(output.text, "\n#3 Ana: \(texts[index]) \n\n"),
                        "\(output.text.debugDescription) from \(documents[index].debugDescription)")
            }
        }
    }
}
