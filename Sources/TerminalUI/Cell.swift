/// How a cell is drawn. Colour is never the only signal: every role also has a
/// weight or reverse video that reads on a monochrome projector.
public enum Role: UInt8, Equatable, Sendable, Hashable, CaseIterable {
    case normal
    case dim
    case header       // the top bar
    case title        // the stage name and question
    case accent       // numbers, markers
    case banner       // whose turn it is
    case input        // the input box
    case error        // NOT SAVED, command errors
    case ok           // "saved"
    case selected
}

public struct Style: Equatable, Sendable, Hashable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    /// Half brightness (curses' A_DIM): numbers, tags and hints recede behind the stage, the
    /// question and the turn in every theme, monochrome included.
    public var faint: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, faint: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.faint = faint
    }

    public static let plain = Style()
}

/// One terminal cell: a grapheme cluster that is 1 or 2 columns wide, or the right half
/// of a wide one (`continuation`), which the painter skips.
///
/// Plain bits, no references: a frame is copied, compared and painted cell by cell on every
/// key, and a `Character` in each cell made every copy retain and every comparison call out.
/// The cluster's UTF-8 bytes are held inline when there are at most 15 (nearly all: ZWJ
/// emoji of two people, flags, skin tones, letters with marks); a longer cluster is held by
/// its frame (`Frame.character(of:)`), and the cell keeps its index there.
public struct Cell: Equatable, Sendable {
    /// Bytes 0–7 of the cluster, or the index of a spilled one.
    private var low: UInt64
    /// Bytes 8–14 of the cluster, and in the top byte their count (1–15), or `spilled`.
    private var high: UInt64
    /// The style and `continuation` as bits, so that comparing two cells is comparing three
    /// integers: role in bits 0–7, then bold, reverse, underline, continuation, faint.
    private var bits: UInt32

    public var style: Style {
        get {
            Style(Role(rawValue: UInt8(truncatingIfNeeded: bits)) ?? .normal, bold: bits & 1 << 8 != 0,
                  reverse: bits & 1 << 9 != 0, underline: bits & 1 << 10 != 0, faint: bits & 1 << 12 != 0)
        }
        set { bits = Self.bits(newValue, continuation: continuation) }
    }

    public var continuation: Bool {
        get { bits & 1 << 11 != 0 }
        set { bits = newValue ? bits | 1 << 11 : bits & ~(1 << 11) }
    }

    private static func bits(_ style: Style, continuation: Bool) -> UInt32 {
        UInt32(style.role.rawValue) | (style.bold ? 1 << 8 : 0) | (style.reverse ? 1 << 9 : 0)
            | (style.underline ? 1 << 10 : 0) | (continuation ? 1 << 11 : 0) | (style.faint ? 1 << 12 : 0)
    }

    private static let spilled: UInt64 = 0xFF
    static let inlineLimit = 15

    /// A cell for a cluster of at most `inlineLimit` UTF-8 bytes; longer ones go through
    /// `Frame`, which holds them.
    init(_ character: Character = " ", style: Style = .plain, continuation: Bool = false) {
        var low: UInt64 = 0, high: UInt64 = 0, count: UInt64 = 0
        for byte in character.utf8 {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else if count < 15 {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }
        precondition(count <= 15, "a cluster over 15 bytes belongs in Frame.spill")
        self.low = low
        self.high = high | count << 56
        self.bits = Self.bits(style, continuation: continuation)
    }

    /// A cell for one ASCII byte: `Frame.put`'s fast path, the same bits as `init(_:style:)`.
    init(ascii byte: UInt8, style: Style) {
        low = UInt64(byte)
        high = 1 << 56
        bits = Self.bits(style, continuation: false)
    }

    /// A cell for the `index`th cluster its frame spilled.
    init(spilled index: Int, style: Style) {
        low = UInt64(index)
        high = Self.spilled << 56
        bits = Self.bits(style, continuation: false)
    }

    /// The index in the frame's spilled clusters, or nil when the cluster is inline.
    var spillIndex: Int? {
        high >> 56 == Self.spilled ? Int(low) : nil
    }

    /// The cluster, when it is held inline.
    var inlineCharacter: Character? {
        let count = Int(high >> 56)
        guard count != Int(Self.spilled) else { return nil }
        var bytes = (low, high)
        let text = withUnsafeBytes(of: &bytes) { raw in
            // Little-endian words: byte i of the cluster is at i (low) or 8 + (i - 8) (high).
            String(decoding: raw.prefix(count), as: UTF8.self)
        }
        return Character(text)
    }

    /// The byte of a one-byte (ASCII) cluster, nil for any other.
    public var asciiByte: UInt8? {
        high == 1 << 56 && low < 0x80 ? UInt8(low) : nil
    }

    /// A single space (a blank, whatever its style).
    var isSpace: Bool {
        low == 0x20 && high == 1 << 56
    }

    public static let blank = Cell()
}
