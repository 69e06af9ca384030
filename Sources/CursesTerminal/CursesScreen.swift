import CNcursesw
import Glibc
import TerminalPort
import TerminalUI

/// Why the screen could not start, in one line for standard error.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The only code that touches ncurses: starts the terminal (or refuses in one line), paints
/// Frames by difference, reads keys (and wakes for a post to its inbox), and restores the
/// terminal on every way out.
///
/// Not thread-safe: use it from the main loop only; other threads only post to `inbox`.
public final class CursesScreen: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Colour pair per role, by `Role.rawValue`; 0 for a role without colour.
    private let pairs: [Int16]
    /// The frame on the terminal.
    private var painted = PaintedScreen()
    private var cursorShown: Bool?
    private var stopped = false
    /// ERR from wgetch with input readable: twice in a row is an end of file.
    private var suspiciousReads = 0
    public let inbox: Inbox

    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, pairs: [Int16], inbox: Inbox) {
        self.screen = screen
        self.window = window
        self.pairs = pairs
        self.inbox = inbox
    }

    deinit {
        stop()
    }

    // MARK: Start and stop

    /// What stops the screen from starting, checked without touching the terminal: a locale
    /// that is not UTF-8, standard input or output not a terminal, `TERM` unset, unknown, or
    /// unable to move the cursor (`dumb`). Sets the locale from the environment.
    public static func environmentProblem() -> String? {
        setlocale(LC_ALL, "")
        let codeset = String(cString: cn_codeset())
        if codeset.uppercased().filter({ $0 != "-" && $0 != "_" }) != "UTF8" {
            return "the locale's character set is \(printable(codeset)), not UTF-8: "
                + "set LANG to a UTF-8 locale (LANG=C.UTF-8) and start again."
        }
        if isatty(0) == 0 || isatty(1) == 0 {
            return "standard input and output must be a terminal: the session runs full-screen "
                + "(export and plan work without one)."
        }
        guard let pointer = getenv("TERM"), pointer.pointee != 0 else {
            return "TERM is not set, so the terminal cannot be driven (try TERM=xterm-256color)."
        }
        let term = String(cString: pointer)
        switch cn_probe_terminal(pointer, 1) {
        case 1:
            return nil
        case 0:
            return "TERM=\(printable(term)) cannot move the cursor; the session needs a full-screen "
                + "terminal (try TERM=xterm-256color)."
        default:
            return "TERM=\(printable(term)) is not a terminal type known here "
                + "(no terminfo entry; try TERM=xterm-256color)."
        }
    }

    /// Takes over the terminal: UTF-8 locale, raw keys, no echo, keypad, a 25 ms escape delay,
    /// colours from the theme's palette (none when nil or monochrome), bracketed paste, and the
    /// signal handlers. Throws a `TerminalError` with a one-line reason when it cannot.
    /// `inbox` may be made before the screen, for a server that starts first.
    public static func start(theme: Theme?, inbox: Inbox = Inbox()) throws -> CursesScreen {
        if let problem = environmentProblem() { throw TerminalError(problem) }
        TerminalGuard.install()
        guard let screen = cn_newterm(nil) else {
            throw TerminalError("cannot open the terminal (newterm failed).")
        }
        TerminalGuard.arm(true)
        _ = set_term(screen)
        guard let window = cn_stdscr() else {
            endwin()
            TerminalGuard.arm(false)
            throw TerminalError("cannot open the terminal's screen.")
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        meta(window, true)
        intrflush(window, false)
        set_escdelay(25)
        let pairs = theme.map(startColours) ?? Array(repeating: 0, count: Role.allCases.count)
        let curses = CursesScreen(screen: screen, window: window, pairs: pairs, inbox: inbox)
        _ = bracketedPasteOn.withCString { cn_write_all($0, strlen($0)) }
        return curses
    }

    private static func startColours(_ theme: Theme) -> [Int16] {
        var pairs = Array(repeating: Int16(0), count: Role.allCases.count)
        guard theme.usesColor, has_colors() else { return pairs }
        start_color()
        let defaults = use_default_colors() == OK
        let colours = Int16(clamping: cn_colors())
        for (index, role) in Role.allCases.enumerated() {
            guard var (fg, bg) = theme.palette[role] else { continue }
            if fg < 0 && bg < 0 { continue }
            if !defaults {
                if fg < 0 { fg = 7 }
                if bg < 0 { bg = 0 }
            }
            guard fg < colours, bg < colours else { continue }
            let pair = Int16(index + 1)
            if init_pair(pair, fg, bg) == OK { pairs[Int(role.rawValue)] = pair }
        }
        return pairs
    }

    /// Gives the terminal back: bracketed paste off, the cursor shown, the alternate screen
    /// left, the modes the shell had. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        TerminalGuard.arm(false)
        curs_set(1)
        endwin()
        _ = Self.bracketedPasteOff.withCString { cn_write_all($0, strlen($0)) }
    }

    // MARK: State

    /// The terminal's size now, in columns and rows.
    public var size: Size {
        Size(width: Int(cn_cols()), height: Int(cn_lines()))
    }

    /// SIGTERM, SIGHUP or SIGINT arrived: the loop should journal and leave as on `/quit`.
    public var terminationRequested: Bool {
        TerminalGuard.termination != nil
    }

    /// Whether more input already waits to be read: the loop may skip drawing until it has
    /// caught up (a long paste, fast typing), then draw once.
    public var inputPending: Bool {
        !stopped && cn_input_state() == 1
    }

    /// Rings the terminal's bell (or flashes it).
    public func beep() {
        guard !stopped else { return }
        _ = CNcursesw.beep()
    }

    /// The next `draw` paints every cell and clears the terminal first (after a resize, or
    /// when something else may have written to the terminal).
    func invalidate() {
        painted.invalidate()
        clearok(window, true)
    }

    // MARK: Drawing

    /// Paints a frame: only the cells that changed since the last one (all of them after a
    /// resize or on the first frame), then places or hides the cursor, and lets ncurses send
    /// the difference. Never clears the screen by itself.
    ///
    /// `rows`, when given, are the only rows that can differ from the last frame painted
    /// (`Renderer.Change.rows`); nil compares every row.
    public func draw(_ frame: Frame, rows: [Range<Int>]? = nil) {
        guard !stopped else { return }
        let width = min(frame.size.width, Int(cn_cols()))
        let height = min(frame.size.height, Int(cn_lines()))
        if painted.resized(for: frame) { clearok(window, true) }
        let stride = frame.size.width
        for index in painted.update(to: frame, rows: rows) {
            let x = index % stride, y = index / stride
            guard x < width, y < height else { continue }
            let cell = frame.cells[index]
            let wide = x + 1 < stride && frame.cells[index + 1].continuation
            if !wide, let byte = cell.asciiByte, byte >= 0x20, byte < 0x7F {
                // Most cells: one printable ASCII character, no Glyph needed.
                paint(wchar_t(byte), style: cell.style, x: x, y: y)
            } else {
                paint(frame.character(of: cell), style: cell.style, x: x, y: y, width: wide && x + 1 < width ? 2 : 1)
            }
        }
        if let cursor = frame.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
            leaveok(window, false)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            showCursor(true)
        } else {
            leaveok(window, true)
            showCursor(false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func showCursor(_ shown: Bool) {
        guard cursorShown != shown else { return }
        cursorShown = shown
        curs_set(shown ? 1 : 0)
    }

    private func paint(_ character: wchar_t, style: Style, x: Int, y: Int) {
        var cell = cchar_t()
        var text: (wchar_t, wchar_t) = (character, 0)
        withUnsafePointer(to: &text) { pointer in
            pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) {
                _ = setcchar(&cell, $0, attributes(of: style), pairs[Int(style.role.rawValue)], nil)
            }
        }
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func paint(_ character: Character, style: Style, x: Int, y: Int, width: Int) {
        let attributes = attributes(of: style)
        let pair = pairs[Int(style.role.rawValue)]
        let glyph = Glyph.of(character, width: width)
        var column = Int32(x)
        for scalars in glyph.cells {
            var character = cchar_t()
            let terminated = scalars + [0]
            _ = terminated.withUnsafeBufferPointer { setcchar(&character, $0.baseAddress, attributes, pair, nil) }
            mvwadd_wch(window, Int32(y), column, &character)
            column += max(1, cn_wcwidth(scalars[0]))
        }
    }

    private func attributes(of style: Style) -> attr_t {
        var attributes: attr_t = 0
        if style.bold { attributes |= cn_attr_bold() }
        if style.reverse { attributes |= cn_attr_reverse() }
        if style.underline { attributes |= cn_attr_underline() }
        if style.faint { attributes |= cn_attr_dim() }
        return attributes
    }

    // MARK: Reading

    /// What one `wgetch` gave: a byte, an ncurses key code, or nothing; or a post woke the wait.
    private enum Unit {
        case byte(UInt8)
        case key(Int32)
        case timeout
        case posted
        case endOfInput
    }

    /// A unit read ahead while assembling a character, to be handled next.
    private var pushedBack: Unit?

    /// How long the rest of a UTF-8 character may take after its first byte.
    static let continuationMilliseconds: Int32 = 50

    /// Waits up to `timeoutMilliseconds` (negative: forever) for one character or key, or a
    /// post to `inbox`.
    ///
    /// Characters are assembled from bytes here rather than by `get_wch`, which on an invalid
    /// byte keeps reading until 16 bytes have gone by and then drops them: here an invalid or
    /// cut-short sequence gives one U+FFFD and whatever followed it is read as usual.
    public func read(timeoutMilliseconds: Int32) -> RawRead {
        if stopped { return .endOfInput }
        if terminationRequested { return .timeout }
        switch nextUnit(timeoutMilliseconds: timeoutMilliseconds) {
        case .timeout:
            return .timeout
        case .posted:
            return .posted
        case .endOfInput:
            return .endOfInput
        case .key(let code):
            if code == KEY_RESIZE {
                invalidate()
                return .resize(size)
            }
            return .input(.keyCode(code))
        case .byte(let byte):
            return .input(.character(character(startingWith: byte)))
        }
    }

    /// The rest of a UTF-8 character whose first byte is `lead`.
    private func character(startingWith lead: UInt8) -> Unicode.Scalar {
        let length: Int
        switch lead {
        case 0x00...0x7F: return Unicode.Scalar(lead)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return "\u{FFFD}"
        }
        var bytes = [lead]
        while bytes.count < length {
            // Straight from ncurses: a post waits until the character is whole.
            let unit = getch(timeoutMilliseconds: Self.continuationMilliseconds)
            guard case .byte(let next) = unit, next & 0xC0 == 0x80 else {
                // Cut short: the unit stands on its own.
                if case .timeout = unit {} else { pushedBack = unit }
                return "\u{FFFD}"
            }
            bytes.append(next)
        }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }

    /// The next unit: what ncurses already holds, else whichever comes first of input and a
    /// post, waiting in poll(2) on both.
    private func nextUnit(timeoutMilliseconds: Int32) -> Unit {
        if let unit = pushedBack {
            pushedBack = nil
            return unit
        }
        // Bytes ncurses read ahead while matching a key sequence (the rest of a paste's
        // start marker), and a resize, are invisible to poll(2): take them first.
        let held = getch(timeoutMilliseconds: 0)
        if case .timeout = held {} else { return held }
        switch inbox.wait(for: 0, timeoutMilliseconds: timeoutMilliseconds) {
        case .posted: return .posted
        case .timedOut: return .timeout
        case .hungUp: return .endOfInput
        // A signal (SIGWINCH gives KEY_RESIZE now) or input.
        case .readable, .interrupted: return getch(timeoutMilliseconds: 0)
        }
    }

    /// One `wgetch`, waiting up to `timeoutMilliseconds` (0: what is there now).
    private func getch(timeoutMilliseconds: Int32) -> Unit {
        wtimeout(window, timeoutMilliseconds)
        cn_set_errno(0)
        let value = wgetch(window)
        let error = cn_errno()
        if value >= 0 {
            suspiciousReads = 0
            return value < 256 ? .byte(UInt8(value)) : .key(value)
        }
        if error == EINTR { return .timeout }
        if error == EIO || error == EBADF { return .endOfInput }
        switch cn_input_state() {
        case 2:
            return .endOfInput
        case 1:
            // Readable, yet wgetch gave nothing: read(2) returned 0, an end of file.
            suspiciousReads += 1
            return suspiciousReads >= 2 ? .endOfInput : .timeout
        default:
            suspiciousReads = 0
            return .timeout
        }
    }

    // MARK: Helpers

    /// Text from the environment, safe to print: printable ASCII only, at most 40 characters.
    static func printable(_ text: String) -> String {
        let clean = text.unicodeScalars.prefix(40).map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" }
        return String(clean)
    }
}
