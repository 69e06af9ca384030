#include "signal_guard.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;
static volatile sig_atomic_t saved_valid;
/// Set while the screen is up: a crash handler restores the terminal only then.
static volatile sig_atomic_t armed;
static volatile sig_atomic_t termination;
static char alternate_stack[64 * 1024];

/// Leaves bracketed paste and the alternate screen, resets attributes, shows the cursor.
static const char restore_sequence[] = "\033[?2004l\033[0m\033[?1049l\033[?25h";

static void restore_terminal(void) {
    if (!armed) return;
    armed = 0;
    if (saved_valid) tcsetattr(0, TCSANOW, &saved);
    ssize_t ignored = write(1, restore_sequence, sizeof restore_sequence - 1);
    (void)ignored;
}

static void crash_handler(int sig) {
    int saved_errno = errno;
    restore_terminal();
    signal(sig, SIG_DFL);
    errno = saved_errno;
    raise(sig);
}

static void termination_handler(int sig) {
    termination = sig;
}

void sg_install(void) {
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) sigaltstack(&stack, NULL);

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = termination_handler;
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = crash_handler;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    const int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &action, NULL);
}

int sg_save_termios(void) {
    if (tcgetattr(0, &saved) != 0) return -1;
    saved_valid = 1;
    return 0;
}

void sg_arm(int on) { armed = on ? 1 : 0; }

int sg_termination(void) { return termination; }
