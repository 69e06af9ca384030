// SwiftPM drops -D_XOPEN_SOURCE from ncursesw's pkg-config, so ask for the wide API here.
#ifndef SENSEMAKING_CNCURSESW_SHIM_H
#define SENSEMAKING_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <signal.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

// Swift 6 rejects C mutable globals; read them through functions.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
#endif
