import SensemakingCore

/// What the terminal's read gave, one at a time.
public enum RawInput: Equatable, Sendable {
    /// One Unicode scalar (a character or a control code), assembled from UTF-8 bytes.
    case character(UnicodeScalar)
    /// An ncurses key code (KEY_UP, KEY_F(1), KEY_RESIZE…).
    case keyCode(Int32)
    /// Nothing arrived within the read's timeout. Feed it: it turns a lone ESC into
    /// `.escape`, and ends a bracketed paste whose end marker never came.
    case timeout

    /// ncurses' KEY_RESIZE: the adapter redraws; `feed` gives no action for it.
    public var isResize: Bool { self == .keyCode(CursesKey.resize) }
}

/// ncurses key codes, by value (from `<ncursesw/curses.h>`), so this target needs no curses.
public enum CursesKey {
    public static let down: Int32 = 0o402
    public static let up: Int32 = 0o403
    public static let left: Int32 = 0o404
    public static let right: Int32 = 0o405
    public static let home: Int32 = 0o406
    public static let backspace: Int32 = 0o407
    /// KEY_F0; KEY_F(n) is f0 + n.
    public static let f0: Int32 = 0o410
    public static let delete: Int32 = 0o512
    public static let insert: Int32 = 0o513
    public static let pageDown: Int32 = 0o522
    public static let pageUp: Int32 = 0o523
    public static let enter: Int32 = 0o527
    public static let backTab: Int32 = 0o541
    public static let end: Int32 = 0o550
    public static let resize: Int32 = 0o632
}

/// Turns what the terminal sends into actions, purely. The adapter runs curses with
/// `raw()`, `nonl()`, `keypad(TRUE)`, `set_escdelay(25)` and bracketed paste on
/// (`ESC [ ? 2004 h`), so:
///
/// - Enter is CR (13) → `.enter`; Ctrl-J is LF (10) → `.lineBreak`; ESC then CR or LF
///   (Alt-Enter) → `.lineBreak`. KEY_ENTER (keypad) → `.enter`.
/// - 127, 8 and KEY_BACKSPACE → backspace; ESC then 127 (Alt-Backspace) → delete word;
///   Ctrl-W (23) → delete word; Ctrl-U (21) → clear; Ctrl-C (3) → interrupt; Tab (9),
///   Ctrl-T (20) and Back-Tab → toggle view; Ctrl-A (1) → home; Ctrl-E (5) → end;
///   F1 (and ESC O P, ESC [ 1 1 ~) → help. Other control codes do nothing.
/// - ESC alone becomes `.escape` when the next read times out (feed `.timeout`), or when
///   another key follows that cannot continue it (a key code, another ESC).
/// - `ESC [ 2 0 0 ~ … ESC [ 2 0 1 ~` is one `.paste(text)`, however long (linear time);
///   nothing inside it is decoded as a key. CR inside a paste stays as it came (the core's
///   sanitiser makes line breaks of it). A paste whose end never comes is closed after
///   `pasteIdleLimit` timeouts in a row with nothing arriving.
/// - Other escape sequences (Alt-letters, unknown CSI and SS3) are swallowed whole and
///   never typed as text; CSI and SS3 arrows, Home, End, Delete, PgUp and PgDn are
///   understood, in case the terminal's keys are not in terminfo.
/// - KEY_RESIZE gives no action (see `RawInput.isResize`): the adapter redraws.
public struct InputDecoder: Sendable {
    enum Mode: Equatable, Sendable {
        case ground
        /// An ESC arrived; what comes next decides.
        case escape
        /// ESC [ and its bytes so far.
        case csi(String)
        /// A sequence too long to be a key: skipped up to its final byte.
        case skipping
        /// ESC O
        case ss3
        /// Inside a bracketed paste; `marker` counts the characters of ESC [ 2 0 1 ~ matched.
        case paste
    }

    static let pasteEnd: [UnicodeScalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    /// Timeouts in a row that end a paste whose end marker was lost.
    public static let pasteIdleLimit = 8
    /// An escape sequence longer than this is garbage: it is dropped.
    static let csiLimit = 32

    var mode: Mode = .ground
    var pasted = String.UnicodeScalarView()
    var marker = 0
    var idle = 0
    /// After `continuePaste`: the input since, to decode as keys if no end marker comes.
    var held: [RawInput]?

    public init() {}

    /// True while an ESC or an escape sequence waits for its next byte: the adapter should
    /// read again soon (say within 50 ms) and feed `.timeout` if nothing came.
    public var awaitsMore: Bool {
        switch mode {
        case .escape, .csi, .skipping, .ss3: true
        case .ground, .paste: false
        }
    }

    /// True inside a bracketed paste: the adapter can skip drawing until it ends.
    public var isPasting: Bool { mode == .paste }

    public mutating func feed(_ input: RawInput) -> [Action] {
        switch mode {
        case .paste:
            return pasting(input)
        case .ground:
            return ground(input)
        case .escape:
            return afterEscape(input)
        case .csi(let bytes):
            return csi(bytes, input)
        case .skipping:
            return skipping(input)
        case .ss3:
            return ss3(input)
        }
    }

    // MARK: Ground

    mutating func ground(_ input: RawInput) -> [Action] {
        switch input {
        case .timeout:
            return []
        case .keyCode(let code):
            return Self.key(forCode: code).map { [.key($0)] } ?? []
        case .character(let scalar):
            if scalar == "\u{1B}" {
                mode = .escape
                return []
            }
            return Self.key(for: scalar).map { [.key($0)] } ?? []
        }
    }

    static func key(for scalar: UnicodeScalar) -> Key? {
        switch scalar.value {
        case 13: .enter
        case 10: .lineBreak
        case 127, 8: .backspace
        case 23: .deleteWord
        case 21: .clearInput
        case 3: .interrupt
        case 9, 20: .toggleView
        case 1: .home
        case 5: .end
        case 0..<32, 0x80...0x9F: nil
        default: .character(Character(scalar))
        }
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case CursesKey.down: .down
        case CursesKey.up: .up
        case CursesKey.left: .left
        case CursesKey.right: .right
        case CursesKey.home: .home
        case CursesKey.end: .end
        case CursesKey.backspace: .backspace
        case CursesKey.delete: .delete
        case CursesKey.pageDown: .pageDown
        case CursesKey.pageUp: .pageUp
        case CursesKey.enter: .enter
        case CursesKey.backTab: .toggleView
        case CursesKey.f0 + 1: .help
        default: nil
        }
    }

    // MARK: Escape sequences

    mutating func afterEscape(_ input: RawInput) -> [Action] {
        mode = .ground
        switch input {
        case .timeout:
            return [.key(.escape)]
        case .keyCode:
            // ESC, then a key the terminal had already decoded: two keys.
            return [.key(.escape)] + ground(input)
        case .character(let scalar):
            switch scalar {
            case "\r", "\n": return [.key(.lineBreak)]
            case "\u{7F}", "\u{08}": return [.key(.deleteWord)]
            case "[":
                mode = .csi("")
                return []
            case "O":
                mode = .ss3
                return []
            case "\u{1B}":
                // ESC ESC: the first was a key of its own.
                mode = .escape
                return [.key(.escape)]
            default:
                // Alt-letter and the like: nothing to type, nothing to do.
                return []
            }
        }
    }

    mutating func csi(_ bytes: String, _ input: RawInput) -> [Action] {
        guard case .character(let scalar) = input else {
            // Cut short by a timeout or a decoded key: drop the fragment.
            mode = .ground
            return input == .timeout ? [] : ground(input)
        }
        switch scalar.value {
        case 0x40...0x7E:
            // The final byte.
            mode = .ground
            let sequence = bytes + String(Character(scalar))
            if sequence == "200~" {
                mode = .paste
                pasted = String.UnicodeScalarView()
                marker = 0
                idle = 0
                return []
            }
            return Self.csiKey(sequence).map { [.key($0)] } ?? []
        case 0x20...0x3F:
            if bytes.unicodeScalars.count >= Self.csiLimit {
                mode = .skipping
                return []
            }
            mode = .csi(bytes + String(Character(scalar)))
            return []
        default:
            // A control code or a character that cannot be in a sequence: the sequence
            // was cut short; the character stands on its own.
            mode = .ground
            return ground(input)
        }
    }

    mutating func skipping(_ input: RawInput) -> [Action] {
        guard case .character(let scalar) = input else {
            mode = .ground
            return input == .timeout ? [] : ground(input)
        }
        switch scalar.value {
        case 0x20...0x3F: return []
        case 0x40...0x7E:
            mode = .ground
            return []
        default:
            mode = .ground
            return ground(input)
        }
    }

    /// CSI sequences a terminal sends for keys, modifiers ignored ("1;5C" is Ctrl-Right: right).
    static func csiKey(_ sequence: String) -> Key? {
        guard let final = sequence.last else { return nil }
        let parameters = sequence.dropLast().split(separator: ";")
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "~":
            switch parameters.first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            case "11": return .help
            default: return nil
            }
        default:
            return nil
        }
    }

    mutating func ss3(_ input: RawInput) -> [Action] {
        mode = .ground
        guard case .character(let scalar) = input else {
            return input == .timeout ? [] : ground(input)
        }
        switch scalar {
        case "A": return [.key(.up)]
        case "B": return [.key(.down)]
        case "C": return [.key(.right)]
        case "D": return [.key(.left)]
        case "H": return [.key(.home)]
        case "F": return [.key(.end)]
        case "M": return [.key(.enter)]
        case "P": return [.key(.help)]
        default: return scalar.value < 0x20 ? ground(input) : []
        }
    }

    // MARK: Bracketed paste

    mutating func pasting(_ input: RawInput) -> [Action] {
        if let keys = held {
            guard input != .timeout else {
                // A pause before any end marker: these were keys after all.
                held = nil
                pasted = String.UnicodeScalarView()
                marker = 0
                mode = .ground
                return keys.flatMap { feed($0) }
            }
            held = keys + [input]
        }
        switch input {
        case .timeout:
            idle += 1
            if idle >= Self.pasteIdleLimit { return finishPaste() }
            return []
        case .keyCode(let code):
            idle = 0
            // Keys the terminal decoded inside pasted bytes: only a line break means anything.
            flushMarker()
            if code == CursesKey.enter { pasted.append("\n") }
            return []
        case .character(let scalar):
            idle = 0
            if scalar == Self.pasteEnd[marker] {
                marker += 1
                if marker == Self.pasteEnd.count { return finishPaste() }
                return []
            }
            flushMarker()
            // The end marker starts with ESC, which occurs in it only once: a mismatch can
            // only restart the match at this very character.
            if scalar == Self.pasteEnd[0] {
                marker = 1
            } else {
                pasted.append(scalar)
            }
            return []
        }
    }

    /// A partial match of the end marker was text after all.
    mutating func flushMarker() {
        // One by one: `UnicodeScalarView.append(contentsOf:)` regrows exactly and so turns
        // a long paste quadratic.
        for scalar in Self.pasteEnd[0..<marker] { pasted.append(scalar) }
        marker = 0
    }

    /// Holds what follows a paste that just ended while more input was already waiting: a
    /// terminal that lets pasted text carry the end marker (tmux 3.3 does) would otherwise
    /// turn the rest of the paste into keys, its line breaks into Enter and `/quit` into a
    /// command. If another end marker comes (the terminal's own), what was held was pasted
    /// text; if the input pauses first, it was keys typed after the paste, and they are
    /// decoded as keys then.
    public mutating func continuePaste() {
        guard mode == .ground else { return }
        mode = .paste
        idle = 0
        held = []
    }

    mutating func finishPaste() -> [Action] {
        held = nil
        marker = 0
        mode = .ground
        idle = 0
        let text = String(pasted)
        pasted = String.UnicodeScalarView()
        return text.isEmpty ? [] : [.paste(text)]
    }
}
