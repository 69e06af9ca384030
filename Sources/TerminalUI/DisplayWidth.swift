/// How many terminal columns text takes, by grapheme cluster (a Swift `Character`), the
/// way terminals draw it: 0, 1 or 2 per cluster, never more.
///
/// - 2: East Asian Wide and Fullwidth (CJK, Hangul, kana, fullwidth forms), emoji with
///   emoji presentation, any cluster with VS16 (U+FE0F), emoji ZWJ sequences, emoji with
///   a skin-tone modifier and flags (a pair of regional indicators).
/// - 0: a cluster that starts with a control character, a combining mark or an invisible
///   format character (it has nothing to draw on its own). Combining marks inside a cluster
///   add nothing.
/// - 1: everything else, including East Asian Ambiguous characters (as non-CJK locales do).
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        // The common case, one ASCII byte, read from the UTF-8 without decoding a scalar.
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first { return byte >= 0x20 && byte < 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let value = first.value
        let single = scalars.index(after: scalars.startIndex) == scalars.endIndex
        // One scalar where no code point is wide or emoji by default (Latin to the arrows,
        // box drawing and shapes): the property look-ups of `general` cost most of a frame.
        if single, value < 0x231A || (0x2500...0x25FC).contains(value), !isWide(value) {
            return isZeroWidthBase(first) ? 0 : 1
        }
        return general(character)
    }

    /// The rule for any cluster; `of` answers the common ones first without it.
    static func general(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        let value = first.value
        if isZeroWidthBase(first) { return 0 }
        var wide = isWide(value) || first.properties.isEmojiPresentation
        var regional = isRegionalIndicator(value) ? 1 : 0
        let emojiBase = first.properties.isEmoji
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0xFE0F: wide = true                                   // VS16: emoji presentation
            case 0x200D: if emojiBase { wide = true }                  // ZWJ sequence
            case 0x1F3FB...0x1F3FF: if emojiBase { wide = true }       // skin tone
            case 0x1F1E6...0x1F1FF: regional += 1
            default: break
            }
        }
        if regional >= 2 { wide = true }
        return wide ? 2 : 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func of(characters: some Sequence<Character>) -> Int {
        var total = 0
        for character in characters { total += of(character) }
        return total
    }

    static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    /// A cluster starting with one of these draws nothing by itself.
    static func isZeroWidthBase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if value < 0x300 { return false }
        switch value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true   // Hangul medial and final jamo
        case 0x00AD, 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD:
            return false                                      // visible format characters
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) code points, without the emoji ones that
    /// `isEmojiPresentation` already covers.
    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        switch value {
        case 0x1100...0x115F,        // Hangul Jamo initial consonants
             0x2329...0x232A,        // angle brackets
             0x2E80...0x303E,        // CJK radicals, Kangxi, ideographic description, CJK symbols
             0x3041...0x33FF,        // kana, Bopomofo, Hangul compatibility, Kanbun, CJK compatibility
             0x3400...0x4DBF,        // CJK extension A
             0x4E00...0x9FFF,        // CJK unified ideographs
             0xA000...0xA4CF,        // Yi
             0xA960...0xA97F,        // Hangul Jamo extended A
             0xAC00...0xD7A3,        // Hangul syllables
             0xF900...0xFAFF,        // CJK compatibility ideographs
             0xFE10...0xFE19,        // vertical forms
             0xFE30...0xFE6F,        // CJK compatibility forms, small forms
             0xFF00...0xFF60,        // fullwidth forms
             0xFFE0...0xFFE6,        // fullwidth signs
             0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
             0x17000...0x18CFF,      // Tangut, Khitan
             0x18D00...0x18D08,
             0x1AFF0...0x1B2FF,      // kana supplement and extensions, Nushu
             0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
             0x1F250...0x1F251, 0x1F260...0x1F265,   // enclosed ideographic supplement
             0x20000...0x2FFFD,      // CJK extensions B onwards
             0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
