import CNcursesw

/// The C side of the terminal guard (see shim.h): signal handlers that only set a flag or,
/// for a crash, restore the saved termios and leave the alternate screen with
/// async-signal-safe calls before re-raising.
///
/// Every call into the guard lives in this one file: its state is a static inside a static
/// inline C function, of which each Swift file gets its own copy in a debug build.
enum TerminalGuard {
    /// Installs the handlers and saves the terminal's modes. Call before `newterm`, so that
    /// ncurses leaves SIGINT and SIGTERM to us.
    static func install() {
        cn_guard_install()
        _ = cn_guard_save_termios()
    }

    /// While armed, a crash restores the terminal.
    static func arm(_ on: Bool) {
        cn_guard_arm(on ? 1 : 0)
    }

    /// The last SIGTERM, SIGHUP or SIGINT received, or nil.
    static var termination: Int32? {
        let signal = cn_guard_termination()
        return signal == 0 ? nil : signal
    }

    static func clearTermination() {
        cn_guard_clear_termination()
    }
}
