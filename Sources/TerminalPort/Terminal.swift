import TerminalUI

/// What the loop needs from a terminal, and no more: its size, a read that waits with a
/// time-out, a frame (or some of its rows) to show, the bell, and a way back out. The real
/// one is `CursesScreen`; tests drive the loop with a scripted one, as ratatui's
/// `TestBackend` stands in for a terminal.
///
/// Used from the loop's thread only, except `inbox`, which any thread may post to.
public protocol Terminal: AnyObject {
    /// The terminal's size now, in columns and rows.
    var size: Size { get }

    /// Whether more input already waits to be read: the loop may skip drawing until it has
    /// caught up (a long paste, fast typing), then draw once.
    var inputPending: Bool { get }

    /// SIGTERM, SIGHUP or SIGINT arrived: the loop should journal and leave as on `/quit`.
    var terminationRequested: Bool { get }

    /// Actions from other threads. A post wakes a `read` that waits, which then returns
    /// `.posted`.
    var inbox: Inbox { get }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a character or key, a
    /// resize, or a post to `inbox`.
    func read(timeoutMilliseconds: Int32) -> RawRead

    /// Shows `frame`. `rows`, when given, are the only rows that can differ from the last
    /// frame drawn (`Renderer.Change.rows`); nil compares every row.
    func draw(_ frame: Frame, rows: [Range<Int>]?)

    /// Rings the terminal's bell (or flashes it).
    func beep()

    /// Gives the terminal back. Safe to call more than once.
    func stop()
}

/// One read from the terminal.
public enum RawRead: Equatable, Sendable {
    /// A character or a key: feed it to `InputDecoder`.
    case input(RawInput)
    /// The terminal changed size (already applied: the next `draw` repaints everything).
    case resize(Size)
    /// Nothing arrived in time: tick the clock, and feed `.timeout` to the decoder when it
    /// `awaitsMore` (a lone ESC, a paste that lost its end).
    case timeout
    /// Another thread posted to the terminal's `inbox`: take the actions.
    case posted
    /// The terminal is gone (hung up, end of file): leave as on SIGHUP.
    case endOfInput
}
