import SensemakingCore

/// The timer the back row reads: the time left in digits three rows tall (a block-character
/// font), and under them the minutes left in words in the last minutes. In the last two
/// minutes and over time the panel turns into a solid reversed band, so the change shows
/// without colour.
struct BigTimer: Equatable {
    /// Three rows of digits, then one of words, each as wide as the panel.
    var rows: [String]
    var width: Int
    /// The last two minutes, or over time.
    var urgent: Bool

    static let height = 4
    /// The last minutes, when the words say how many are left.
    static let wordsFrom = 5 * 60
    static let urgentFrom = 2 * 60

    /// The panel for a running timebox, nil with none (Welcome, Close: the time spent stays
    /// in the header).
    init?(_ state: AppState) {
        let box = state.session.timebox
        guard let left = box.remaining(at: state.now) else { return nil }
        let over = left <= 0
        let digits = BigDigits.rows((over ? "+" : "") + clock(abs(left)))
        var words: String
        if over {
            words = "time is up"
        } else if left < 60 {
            words = "under a minute left"
        } else if left <= Self.wordsFrom {
            let minutes = left / 60
            words = "\(minutes) minute\(minutes == 1 ? "" : "s") left"
        } else {
            words = "left"
        }
        if box.paused { words += " · paused" }
        urgent = left <= Self.urgentFrom
        // A column of band either side when reversed, so the digits stand inside it.
        let pad = urgent ? 1 : 0
        width = max(DisplayWidth.of(digits[0]), DisplayWidth.of(words)) + 2 * pad
        let width = width
        func right(_ text: String) -> String {
            String(repeating: " ", count: width - pad - DisplayWidth.of(text)) + text + String(repeating: " ", count: pad)
        }
        rows = digits.map(right) + [right(words)]
    }

    var digitStyle: Style { urgent ? Style(.error, bold: true, reverse: true) : Style(.title, bold: true) }
    var wordStyle: Style { urgent ? Style(.error, bold: true, reverse: true) : Style(.dim) }
}

/// A font of digits three rows tall in full and half blocks, three columns each.
enum BigDigits {
    static let glyphs: [Character: [String]] = [
        "0": ["█▀█", "█ █", "▀▀▀"],
        "1": ["▀█ ", " █ ", "▀▀▀"],
        "2": ["▀▀█", "█▀▀", "▀▀▀"],
        "3": ["▀▀█", " ▀█", "▀▀▀"],
        "4": ["█ █", "▀▀█", "  ▀"],
        "5": ["█▀▀", "▀▀█", "▀▀▀"],
        "6": ["█▀▀", "█▀█", "▀▀▀"],
        "7": ["▀▀█", "  █", "  ▀"],
        "8": ["█▀█", "█▀█", "▀▀▀"],
        "9": ["█▀█", "▀▀█", "▀▀▀"],
        ":": ["▄", "▄", " "],
        "+": [" ▄ ", "▀█▀", "   "],
    ]

    /// `text` (digits, ":" and "+") in three rows, a column between glyphs.
    static func rows(_ text: String) -> [String] {
        (0..<3).map { row in
            text.map { glyphs[$0]?[row] ?? " " }.joined(separator: " ")
        }
    }
}
