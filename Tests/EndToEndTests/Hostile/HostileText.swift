import Foundation
import SensemakingCore

/// One hostile text, named for the report, that the suite sends into every place a text can
/// enter the program.
struct HostileText: Sendable, CustomStringConvertible {
    var name: String
    var text: String
    var description: String { name }

    /// What reaches argv: no NUL (the C strings end there).
    var argument: String { text.replacingOccurrences(of: "\u{0}", with: "") }

    /// On one line, for names and tags: what the user would type or paste after the command.
    func line(_ limit: Int) -> String {
        String(argument.prefix(limit))
    }

    /// Whether a person could type it (no control characters but line feeds): the others
    /// are pasted, or given in files and arguments.
    var typeable: Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }
}

extension HostileText {
    /// Markdown and HTML that would break the log's structure or run in a browser, terminal
    /// control that would reach the projector, and Unicode that hides or reorders text.
    static let all: [HostileText] = markdown + terminal + unicode + clusters

    static let markdown: [HostileText] = [
        .init(name: "ATX heading", text: "# heading\n###### six"),
        .init(name: "setext =", text: "Setext title\n==="),
        .init(name: "setext -", text: "Setext two\n---"),
        .init(name: "bullet lists", text: "- dash item\n* star item\n+ plus item"),
        .init(name: "ordered lists", text: "1. one\n2) two\n10. ten"),
        .init(name: "block quotes", text: "> quoted\n>> nested"),
        .init(name: "indented code", text: "    indented code\n\ttabbed code"),
        .init(name: "backtick fence", text: "```swift\nlet fenced = true\n```"),
        .init(name: "tilde fence", text: "~~~\ntilde fenced\n~~~"),
        .init(name: "thematic breaks", text: "***\n___\n- - -"),
        .init(name: "GFM table", text: "| a | b |\n|---|:-:|\n| 1 | 2 |"),
        .init(name: "emphasis", text: "*em* **strong** _u_ __uu__ ~~struck~~ ~sub~"),
        .init(name: "code spans", text: "`code` ``double ` tick``"),
        .init(name: "links and images", text: "[link](http://x.org \"t\") ![img](x.png) [ref][1]\n\n[1]: http://evil.example"),
        .init(name: "autolinks", text: "<http://auto.example> www.example.org https://bare.example ana@example.org"),
        .init(name: "script", text: "<script>alert(1)</script>"),
        .init(name: "img onerror", text: "<img src=x onerror=alert(1)>"),
        .init(name: "javascript links", text: "[click](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>"),
        .init(name: "HTML comments", text: "<!-- open --> close --> and <!-- never closed"),
        .init(name: "forged token", text: "<!-- sm:contribution seq=1 id=9 stage=1 kind=identity --> forged"),
        .init(name: "trailing backslash", text: "ends in a backslash\\"),
        .init(name: "hard break spaces", text: "two spaces  \nand a backslash\\\nbreak"),
        .init(name: "entities", text: "&lt;b&gt; &amp; &#60;script&#62; &#x3C; &copy;"),
        .init(name: "Obsidian and math", text: "$x$ $$y$$ ==mark== %%hidden%% #tag [[wiki]] ^note"),
        .init(name: "HTML block", text: "<div>\n\n**inside html**\n\n</div>"),
        .init(name: "task list", text: "- [ ] task\n- [x] done"),
        .init(name: "escapes", text: "\\*not em\\* \\\\ \\` \\<"),
        .init(name: "style and iframe", text: "<style>body{display:none}</style><iframe src=x></iframe>"),
        .init(name: "JSON quotes", text: "\" ' & < > \\\" \\u0000 }]"),
    ]

    static let terminal: [HostileText] = [
        .init(name: "CSI clear screen", text: "\u{1B}[2J\u{1B}[Hcleared"),
        .init(name: "CSI cursor moves", text: "\u{1B}[10;10Hmoved\u{1B}[5A\u{1B}[2K"),
        .init(name: "SGR colours", text: "\u{1B}[31;1;5mred\u{1B}[0m \u{1B}[38;5;196mred256"),
        .init(name: "OSC 0 title", text: "\u{1B}]0;pwned-title\u{7}after"),
        .init(name: "OSC 2 title with ST", text: "\u{1B}]2;pwned-two\u{1B}\\after"),
        .init(name: "OSC 8 link", text: "\u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
        .init(name: "OSC 52 clipboard", text: "\u{1B}]52;c;cHduZWQ=\u{7}after"),
        .init(name: "one-byte CSI", text: "\u{9B}2J\u{9B}31mC1 csi"),
        .init(name: "C1 OSC, DCS, ST", text: "\u{9D}0;c1title\u{9C}\u{90}dcs\u{9C}\u{85}nel"),
        .init(name: "BEL", text: "bell\u{7}\u{7}ring"),
        .init(name: "backspace overwrite", text: "rm -rf /\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}harmless"),
        .init(name: "carriage-return overwrite", text: "visible text\rHIDDEN"),
        .init(name: "reset and save cursor", text: "\u{1B}c\u{1B}7\u{1B}8\u{1B}[?1049lreset"),
        .init(name: "DEL and NUL", text: "del\u{7F}nul\u{0}end"),
        .init(name: "tabs VT FF", text: "a\tb\u{B}c\u{C}d"),
    ]

    static let unicode: [HostileText] = [
        .init(name: "bidi override", text: "access\u{202E}nimda\u{202C} level"),
        .init(name: "bidi isolates", text: "\u{2066}lri\u{2069} \u{2067}rli\u{2069} \u{2068}fsi\u{2069}"),
        .init(name: "bidi embeddings and marks", text: "\u{202A}lre\u{202B}rle\u{202C} a\u{200E}b\u{200F}c\u{61C}d"),
        .init(name: "zero-width", text: "zero\u{200B}width\u{2060}joiner\u{FEFF}bom\u{180E}"),
        .init(name: "line separators", text: "a\u{2028}b\u{2029}c"),
        .init(name: "scripts and emoji", text: "Zoë 日本語 👩\u{200D}👩\u{200D}👧 مرحبا e\u{301} می\u{200C}خواهم"),
    ]

    /// Issue #13: a special character that shares a grapheme cluster with its neighbour is
    /// not equal to itself as a `Character`. An escaper deciding per cluster let each of
    /// these through as live markup.
    static let clusters: [HostileText] = [
        .init(name: "Prepend before <img", text: "\u{600}<img src=x onerror=alert(1)>"),
        .init(name: "Prepend before <svg", text: "\u{890}<svg onload=alert(1)>"),
        .init(name: "Prepend before <iframe", text: "\u{D4E}<iframe src=javascript:alert(1)></iframe>"),
        .init(name: "marks after & and quotes", text: "&\u{301}lt;b&\u{301}gt; \"\u{301} onmouseover=alert(1) '\u{FE0F} x"),
        .init(name: "marks after line feeds", text: "one\n\u{301}# not a heading\n\u{200D}- not a list\n\u{FE0F}> not a quote"),
        .init(name: "flags and jamo around markup", text: "🇬🇧<b>flag</b>🇫🇷 \u{1100}\u{1161}<u>jamo</u>\u{11A8} *\u{301}em*\u{301}"),
    ]
}

/// What must never reach the screen, a log's texts or an export, listed here on its own
/// rather than asked of `Sanitizer`, so that the checks still hold if the sanitizer is wrong.
enum Hostile {
    static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false                                 // the one line break kept
        case 0x00...0x1F, 0x7F...0x9F: true              // C0 (CR included), DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true   // bidi
        case 0x200B, 0x2060, 0xFEFF, 0x180E, 0xFFF9...0xFFFB: true            // zero-width
        case 0x2028, 0x2029: true                        // line separators
        default: false
        }
    }

    static func scalars(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter(isHostile)
    }
}
