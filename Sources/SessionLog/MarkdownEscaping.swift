/// The log's escaper, for other writers of Markdown (the export): text escaped here renders
/// as exactly its characters under CommonMark, GFM and Obsidian. One entry point per context;
/// all three escape per Unicode scalar through `MarkdownText`'s one definition.
public enum MarkdownEscaping {
    /// Inline: a text inside a paragraph, heading, list item or emphasis. A line feed becomes
    /// a space; spaces at either end are kept (as `&#32;`), so the result can stand anywhere.
    public static func inline(_ text: String) -> String {
        MarkdownText.escapeInline(text)
    }

    /// Line: a text in a place that must stay one line but still shows where its lines were
    /// (a table cell): a line feed becomes " / ".
    public static func line(_ text: String) -> String {
        MarkdownText.escapeInline(text, lineBreak: " / ")
    }

    /// Block: each line of `text` escaped, joined by a hard line break and `indent` (the
    /// indentation of the block they stand in, "" or "> " or "  "), so lines stay lines.
    public static func block(_ text: String, indent: String) -> String {
        MarkdownText.escapeBlock(text, separator: MarkdownText.lineBreak + indent)
    }
}
