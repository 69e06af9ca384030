/// The log's escaper, for other writers of Markdown (the export): text escaped here renders
/// as exactly its characters under CommonMark, GFM and Obsidian. See `MarkdownText`.
public enum MarkdownEscaping {
    /// One line: a line break in `text` becomes a space. Spaces at either end are kept
    /// (as `&#32;`), so the result can stand anywhere in a paragraph, heading or table cell.
    public static func escapeLine(_ text: String) -> String {
        MarkdownText.escapeInline(text)
    }

    /// Each line of `text` escaped; join them with `"\\\n"` plus the indentation of the
    /// block they stand in, so line breaks stay line breaks.
    public static func escapeLines(_ text: String) -> [String] {
        MarkdownText.escapeLines(text)
    }
}
