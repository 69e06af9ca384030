// The terminal guard: signal handlers that only set a flag or, for a crash, restore the
// terminal with async-signal-safe calls before re-raising. One copy of its state, in
// signal_guard.c (a static in a header would give every Swift file its own).
#ifndef SENSEMAKING_SIGNAL_GUARD_H
#define SENSEMAKING_SIGNAL_GUARD_H

/// Installs the handlers: SIGTERM, SIGHUP, SIGINT set a flag (no SA_RESTART, so a blocked
/// read or poll returns); SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP restore the
/// terminal and re-raise with the default action, on an alternate stack (a stack overflow
/// too). Install before newterm: ncurses then leaves SIGINT and SIGTERM to us.
void sg_install(void);

/// Saves the terminal's modes (fd 0) for the crash handler; 0 on success.
int sg_save_termios(void);

/// While armed (the screen is up), a crash restores the terminal.
void sg_arm(int on);

/// The last SIGTERM, SIGHUP or SIGINT received, or 0.
int sg_termination(void);

#endif
