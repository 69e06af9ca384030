// SwiftPM drops -D_XOPEN_SOURCE from ncursesw's pkg-config, so ask for the wide API here.
#ifndef SENSEMAKING_CNCURSESW_SHIM_H
#define SENSEMAKING_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// glibc hides wcwidth without _XOPEN_SOURCE; ncurses measures cells with it.
extern int wcwidth(wchar_t c);

// Swift 6 rejects C mutable globals; read them through functions.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_errno(void) { return errno; }
static inline void cn_set_errno(int value) { errno = value; }

static inline attr_t cn_attr_bold(void) { return A_BOLD; }
static inline attr_t cn_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cn_attr_underline(void) { return A_UNDERLINE; }

static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

/// The name of the locale's character set ("UTF-8", "ANSI_X3.4-1968"…), after setlocale.
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

/// Whether the terminal type `term` is known and can address the cursor: 1 yes, 0 it cannot
/// move the cursor (TERM=dumb), -1 unknown to terminfo. Loads the entry, then frees it.
static inline int cn_probe_terminal(const char *term, int fd) {
    int err = 0;
    if (setupterm((NCURSES_CONST char *)term, fd, &err) != OK) return -1;
    char *cup = tigetstr((NCURSES_CONST char *)"cup");
    int addressable = cup != NULL && cup != (char *)-1;
    TERMINAL *loaded = set_curterm(NULL);
    if (loaded != NULL) del_curterm(loaded);
    return addressable ? 1 : 0;
}

/// newterm on the process's own descriptors (the C globals stdin/stdout are out of reach).
static inline SCREEN *cn_newterm(const char *term) {
    FILE *out = fdopen(1, "w");
    FILE *in = fdopen(0, "r");
    if (out == NULL || in == NULL) return NULL;
    return newterm(term, out, in);
}

// MARK: The terminal guard: signals, with async-signal-safe handlers only.
//
// The guard's state is a static inside a static inline function: every Swift file that calls
// these functions gets its own copy in a debug build. Call them from ONE Swift file only
// (CursesTerminal/TerminalGuard.swift).

struct cn_guard_state {
    struct termios saved;
    volatile sig_atomic_t saved_valid;
    /// Set while the screen is up: a crash handler restores the terminal only then.
    volatile sig_atomic_t armed;
    /// The last SIGTERM, SIGHUP or SIGINT received, or 0.
    volatile sig_atomic_t termination;
};

static inline struct cn_guard_state *cn_guard(void) {
    static struct cn_guard_state state;
    return &state;
}

/// What leaves bracketed paste and the alternate screen, resets attributes and shows the cursor.
#define CN_RESTORE_SEQUENCE "\033[?2004l\033[0m\033[?1049l\033[?25h"

static inline void cn_restore_terminal_signal_safe(void) {
    struct cn_guard_state *guard = cn_guard();
    if (!guard->armed) return;
    guard->armed = 0;
    if (guard->saved_valid) tcsetattr(0, TCSANOW, &guard->saved);
    static const char sequence[] = CN_RESTORE_SEQUENCE;
    ssize_t ignored = write(1, sequence, sizeof sequence - 1);
    (void)ignored;
}

static inline void cn_crash_handler(int sig) {
    int saved_errno = errno;
    cn_restore_terminal_signal_safe();
    signal(sig, SIG_DFL);
    errno = saved_errno;
    raise(sig);
}

static inline void cn_termination_handler(int sig) {
    cn_guard()->termination = sig;
}

/// Saves the terminal's modes (fd 0) for the crash handler; 0 on success.
static inline int cn_guard_save_termios(void) {
    struct cn_guard_state *guard = cn_guard();
    if (tcgetattr(0, &guard->saved) != 0) return -1;
    guard->saved_valid = 1;
    return 0;
}

static inline void cn_guard_arm(int on) { cn_guard()->armed = on ? 1 : 0; }
static inline int cn_guard_termination(void) { return cn_guard()->termination; }
static inline void cn_guard_clear_termination(void) { cn_guard()->termination = 0; }

/// Installs the handlers: SIGTERM, SIGHUP, SIGINT set a flag (no SA_RESTART, so a blocked
/// read returns); SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP restore the terminal
/// and re-raise with the default action, on an alternate stack (a stack overflow too).
/// Install before newterm: ncurses then leaves SIGINT and SIGTERM to us.
static inline void cn_guard_install(void) {
    static char alternate_stack[64 * 1024];
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) sigaltstack(&stack, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = cn_termination_handler;
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = cn_crash_handler;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    const int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &action, NULL);
}

/// Writes bytes to fd 1, finishing short writes; 0 on success.
static inline int cn_write_all(const char *bytes, size_t count) {
    while (count > 0) {
        ssize_t written = write(1, bytes, count);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return -1;
        bytes += written;
        count -= (size_t)written;
    }
    return 0;
}

/// Whether standard input has hung up (the terminal closed) or is readable now.
/// 2: hung up or in error; 1: readable; 0: nothing.
static inline int cn_input_state(void) {
    struct pollfd fd = { .fd = 0, .events = POLLIN, .revents = 0 };
    int ready = poll(&fd, 1, 0);
    if (ready < 0) return errno == EINTR ? 0 : 2;
    if (ready == 0) return 0;
    if (fd.revents & (POLLHUP | POLLERR | POLLNVAL)) return 2;
    return (fd.revents & POLLIN) ? 1 : 0;
}
#endif
