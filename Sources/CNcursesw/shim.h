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
#include <stdio.h>
#include <string.h>
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
static inline attr_t cn_attr_dim(void) { return A_DIM; }

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
