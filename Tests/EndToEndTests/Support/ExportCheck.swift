import Foundation
import SensemakingCore
import Testing
import TestSupport

/// Exports a log with the real binary in all three formats and checks that each text came
/// out literally and as text only.
struct ExportCheck {
    let log: String
    let directory: String
    let context: String

    init(_ log: String, in directory: String, context: String) {
        self.log = log
        self.directory = directory
        self.context = context
    }

    /// Elements user text must never become in a rendered report, and that the report never
    /// makes itself.
    static let foreignTags: Set<String> = ["script", "iframe", "img", "style", "a", "code", "pre",
                                          "del", "input", "h4", "h5", "h6", "div", "span", "hr"]
    /// Elements the report makes itself, as many whatever the texts: user text must not add to them.
    /// (Lists and third-level headings vary with how many texts were kept.)
    static let ownTags = ["table", "tr", "blockquote", "h1", "h2"]
    /// Elements the HTML report makes itself (its stylesheet, the small print beside an item,
    /// its charts), which the Markdown report never does.
    static let htmlOwnTags: Set<String> = ["style", "span"]

    static func counts(_ tags: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for tag in tags where ownTags.contains(tag) { counts[tag, default: 0] += 1 }
        return counts
    }

    func export(_ format: String) throws -> String {
        let result = try Spawn.run([try Tmux.binary(), "export", log, "--format", format], in: directory)
        #expect(result.status == 0, "\(context): export \(format): \(result.error)")
        #expect(Hostile.scalars(in: result.output).isEmpty, "\(context): export \(format) holds a control")
        return result.output
    }

    func check(texts: [String], ownTags baseline: [String: Int]) throws {
        // Lines split per scalar: a line feed that a combining mark follows is one Character.
        let lines = texts.flatMap(ScalarText.lines)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }

        let html = try export("html")
        let lower = html.lowercased()
        for tag in ["<script", "<iframe", "<img", "<a ", "<div", "<input"] {
            #expect(!ScalarText.holds(lower, tag), "\(context): the HTML has \(tag)")
        }
        // The report makes one <style> and its charts (each `<figure><svg`); text makes none.
        #expect(lower.components(separatedBy: "<style").count <= 2, "\(context): a second <style> in the HTML")
        #expect(lower.components(separatedBy: "<svg").count == lower.components(separatedBy: "<figure><svg").count,
                "\(context): an <svg> that is not one of the report's charts")
        for line in lines { #expect(ScalarText.holds(html, ScalarText.htmlEscape(line)), "\(context): the HTML lacks \(line.debugDescription)") }
        // An HTML5 parser that is not ours: no element, attribute or handler the report does
        // not make itself.
        if let parsed = try HTMLParse.parse([html]).first {
            let foreign = Set(parsed.elements).intersection(Self.foreignTags.subtracting(Self.htmlOwnTags).union(["math", "object", "embed"]))
            #expect(foreign.isEmpty, "\(context): \(HTMLParse.parser) finds \(foreign.sorted()) in the HTML")
            let handlers = parsed.attributes.filter { $0.count > 1 && $0[1].lowercased().hasPrefix("on") }
            #expect(handlers.isEmpty, "\(context): \(HTMLParse.parser) finds handlers \(handlers)")
            for line in lines { #expect(ScalarText.holds(parsed.text, line), "\(context): the parsed HTML lacks \(line.debugDescription)") }
        }

        let json = try export("json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let strings = Set(Self.strings(in: object))
        for text in texts { #expect(strings.contains { $0.unicodeScalars.elementsEqual(text.unicodeScalars) }, "\(context): the JSON lacks \(text.debugDescription)") }

        let markdown = try export("markdown")
        guard let rendered = try CMark.render(markdown, in: directory) else { return }
        let foreign = Set(rendered.tags).intersection(Self.foreignTags)
        #expect(foreign.isEmpty, "\(context): the Markdown report renders \(foreign.sorted())")
        #expect(Self.counts(rendered.tags) == baseline, "\(context): the Markdown report's own elements changed")
        for line in lines { #expect(ScalarText.holds(rendered.text, line), "\(context): the rendered Markdown lacks \(line.debugDescription)") }
    }

    static func strings(in object: Any) -> [String] {
        switch object {
        case let string as String: [string]
        case let array as [Any]: array.flatMap { strings(in: $0) }
        case let dictionary as [String: Any]: dictionary.values.flatMap { strings(in: $0) }
        default: []
        }
    }
}

/// GitHub's Markdown (cmark-gfm through Python's cmarkgfm, as the log's own tests use it):
/// the tags of the rendered page and its text. Nil when cmarkgfm is not installed.
enum CMark {
    struct Rendered: Decodable {
        var tags: [String]
        var text: String
    }

    static let available: Bool = {
        (try? Spawn.run(["python3", "-c", "import cmarkgfm"], in: NSTemporaryDirectory()).status) == 0
    }()

    static let script = #"""
    import sys, json, re, html, cmarkgfm
    from cmarkgfm.cmark import Options
    doc = open(sys.argv[1], encoding="utf-8").read()
    body = cmarkgfm.github_flavored_markdown_to_html(doc, options=Options.CMARK_OPT_UNSAFE)
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S).replace("<br />\n", "\n")
    tags = [t.lower() for t in re.findall(r"</?([a-zA-Z0-9]+)", body)]
    text = html.unescape(re.sub(r"<[^>]*>", "", body))
    json.dump({"tags": tags, "text": text}, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
    """#

    static func render(_ markdown: String, in directory: String) throws -> Rendered? {
        guard available else { return nil }
        let stamp = UUID().uuidString.prefix(8)
        let (code, input, output) = ("\(directory)/cmark-\(stamp).py", "\(directory)/cmark-\(stamp).md", "\(directory)/cmark-\(stamp).json")
        try script.write(toFile: code, atomically: true, encoding: .utf8)
        try markdown.write(toFile: input, atomically: true, encoding: .utf8)
        let run = try Spawn.run(["python3", code, input, output], in: directory)
        guard run.status == 0 else { throw Spawn.Failure(description: "cmarkgfm: \(run.error)") }
        return try JSONDecoder().decode(Rendered.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
    }
}
