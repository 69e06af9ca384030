import CSignalGuard

/// The signal guard (Sources/CSignalGuard): handlers that only set a flag or, for a crash,
/// restore the saved termios and leave the alternate screen with async-signal-safe calls
/// before re-raising.
enum TerminalGuard {
    /// Installs the handlers and saves the terminal's modes. Call before `newterm`, so that
    /// ncurses leaves SIGINT and SIGTERM to us.
    static func install() {
        sg_install()
        _ = sg_save_termios()
    }

    /// While armed, a crash restores the terminal.
    static func arm(_ on: Bool) {
        sg_arm(on ? 1 : 0)
    }

    /// The last SIGTERM, SIGHUP or SIGINT received, or nil.
    static var termination: Int32? {
        let signal = sg_termination()
        return signal == 0 ? nil : signal
    }
}
