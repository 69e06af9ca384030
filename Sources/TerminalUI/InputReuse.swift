import SensemakingCore

// MARK: Fast path — a typed key lays the draft out again from its first changed character only
// Measured (docs/performance.md, "Typing (fourth round)", steps 4–5, with Frame's ASCII cells):
// a typed key with a 500-character draft went from 0.332 M to 0.140 M instructions (callgrind).
// The reference is the draft laid out whole, `InputReuse.whole` (`BreakReuseTests`,
// `RendererTests`).

/// A plain (ASCII) draft as last laid out: its clusters, their widths and its breaks, at a
/// width. The next draft shares most of it; only what follows the first difference is
/// measured and broken again.
struct InputReuse {
    var characters: [Character]
    var widths: [Int]
    var breaks: [TextLayout.Break]
    var room: Int
    /// The first line shown.
    var first: Int

    /// A draft measured for the input box.
    struct Draft {
        var characters: [Character]
        /// The cursor, as an index in `characters`.
        var cursor: Int
        var widths: [Int]
        var breaks: [TextLayout.Break]
        /// Leading lines that are the last layout's, unchanged (0 without one).
        var kept = 0
        /// Taken as typed (ASCII other than CR), so the next key may reuse it.
        var plain: Bool
    }

    /// The draft in `box` at `room` columns. ASCII other than CR never joins a neighbour, so
    /// a plain draft is taken as it is and, `reusing` the last key's, measured and broken
    /// only from the first cluster that differs; any other is laid out `whole`.
    static func measure(_ box: InputBox, room: Int, reusing last: InputReuse?) -> Draft {
        let last = last.flatMap { $0.room == room ? $0 : nil }
        var same = 0
        if let last {
            let old = last.characters, new = box.characters, end = min(old.count, new.count)
            // By bytes: `==` on Characters is canonical equivalence, and U+212A KELVIN SIGN
            // equals "K" (so do U+037E and ";", U+1FEF and "`").
            while same < end, old[same].utf8.elementsEqual(new[same].utf8) { same += 1 }
        }
        // Only a plain draft is kept, so a reused prefix is plain too and only the rest is checked.
        guard box.characters[same...].allSatisfy({ $0.isASCII && $0 != "\r" }) else {
            // Re-clustered: characters typed one scalar at a time join here as the terminal draws them.
            let characters = Array(box.text)
            let cursor = box.cursor >= box.characters.count ? characters.count : String(box.characters[..<box.cursor]).count
            return whole(characters, cursor: cursor, room: room, plain: false)
        }
        let characters = box.characters
        guard let last else { return whole(characters, cursor: box.cursor, room: room, plain: true) }
        var widths = Array(last.widths[..<same])
        widths.reserveCapacity(characters.count)
        for character in characters[same...] { widths.append(DisplayWidth.of(character)) }
        let breaks = Self.breaks(characters, widths: widths, first: room, rest: room, reusing: last.breaks, same: same)
        return Draft(characters: characters, cursor: box.cursor, widths: widths, breaks: breaks,
                     kept: settled(last.breaks, before: same), plain: true)
    }

    /// The reference: a draft's clusters measured and broken whole.
    static func whole(_ characters: [Character], cursor: Int, room: Int, plain: Bool) -> Draft {
        let widths = characters.map(DisplayWidth.of)
        return Draft(characters: characters, cursor: cursor, widths: widths,
                     breaks: TextLayout.breaks(characters, widths: widths, first: room, rest: room), plain: plain)
    }

    /// How many of `previous`, the breaks of a text equal to this one before index `same`,
    /// stay as they are: those whose end was decided before `same`.
    static func settled(_ previous: [TextLayout.Break], before same: Int) -> Int {
        var kept = 0
        while kept < previous.count, previous[kept].examined < same { kept += 1 }
        return kept
    }

    /// The breaks of `characters`, `reusing` those of a text equal to it before index `same`
    /// (the draft one key ago): the lines whose end was decided before `same` are kept and
    /// the rest laid out after them. A line is laid out from its start alone, so this gives
    /// the breaks of the whole text (`BreakReuseTests`).
    static func breaks(_ characters: [Character], widths: [Int], first: Int, rest: Int,
                       reusing previous: [TextLayout.Break], same: Int) -> [TextLayout.Break] {
        let kept = Array(previous.prefix(settled(previous, before: same)))
        return TextLayout.breaks(characters, widths: widths, first: first, rest: rest, after: kept)
    }
}
