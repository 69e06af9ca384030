/// What an HTML5 parser that is not ours (html5lib, or Python's own html.parser where
/// html5lib is missing) makes of a document: every element and comment in document order,
/// every attribute, and the text a reader sees (`<br>` as a line feed).
public struct ParsedHTML: Decodable, Sendable {
    /// Tag names in document order, without namespaces; "#comment:" and its text for a comment.
    public var elements: [String]
    /// [tag, attribute name, value] for every attribute.
    public var attributes: [[String]]
    public var text: String

    /// Elements other than line breaks: what a text must never add to.
    public var structure: [String] { elements.filter { $0 != "br" } }
}

public enum HTMLParse {
    /// The parser's name, for messages.
    public static let parser: String = Python.has("html5lib") ? "html5lib" : "html.parser"

    /// Each document parsed. With `fromMarkdown`, each document is Markdown first rendered
    /// by cmark-gfm (GitHub's parser) with raw HTML allowed, as GitHub would show it.
    public static func parse(_ documents: [String], fromMarkdown: Bool = false) throws -> [ParsedHTML] {
        try Python.answer(script.replacingOccurrences(of: "FROM_MARKDOWN", with: fromMarkdown ? "True" : "False"),
                          input: documents, as: [ParsedHTML].self)
    }

    static let script = #"""
    import sys, json
    docs = json.load(open(sys.argv[1], encoding="utf-8"))
    if FROM_MARKDOWN:
        import cmarkgfm
        from cmarkgfm.cmark import Options
        docs = [cmarkgfm.github_flavored_markdown_to_html(d, options=Options.CMARK_OPT_UNSAFE).replace("<br />\n", "<br />") for d in docs]
    def plain(tag):
        return tag.split("}")[-1] if isinstance(tag, str) else "#comment"
    try:
        import html5lib
        def parse(doc):
            out = {"elements": [], "attributes": [], "text": []}
            def walk(el):
                tag = plain(el.tag)
                out["elements"].append(tag if tag != "#comment" else "#comment:" + (el.text or ""))
                if tag != "#comment":
                    for k, v in el.attrib.items():
                        out["attributes"].append([tag, plain(k), v])
                    if tag == "br":
                        out["text"].append("\n")
                    if el.text:
                        out["text"].append(el.text)
                    for child in el:
                        walk(child)
                if el.tail:
                    out["text"].append(el.tail)
            walk(html5lib.parse(doc, namespaceHTMLElements=False))
            return out
    except ImportError:
        from html.parser import HTMLParser
        class P(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.out = {"elements": [], "attributes": [], "text": []}
            def handle_starttag(self, tag, attrs):
                self.out["elements"].append(tag)
                for k, v in attrs:
                    self.out["attributes"].append([tag, k, v or ""])
                if tag == "br":
                    self.out["text"].append("\n")
            def handle_startendtag(self, tag, attrs):
                self.handle_starttag(tag, attrs)
            def handle_data(self, data):
                self.out["text"].append(data)
            def handle_comment(self, data):
                self.out["elements"].append("#comment:" + data)
        def parse(doc):
            p = P()
            p.feed(doc)
            p.close()
            return p.out
    result = []
    for doc in docs:
        parsed = parse(doc)
        parsed["text"] = "".join(parsed["text"])
        result.append(parsed)
    json.dump(result, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
    """#
}
