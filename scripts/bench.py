#!/usr/bin/env python3
"""sensemaking beside vim and nano in a 100x30 pseudo-terminal (docs/performance.md).

Each run starts the program on a pty, waits for its first frame, does the set-up keys,
types the same 500 characters one every INTERVAL seconds, then quits. Measured per run:
bytes the program wrote to the terminal while the 500 keys were typed, CPU (user+sys,
os.wait4) for the whole run, CPU on the typing window alone (/proc/PID/schedstat), peak
RSS (see `peak_rss_kib`), and time from fork to the end of the first burst of output (the
first frame).
Programs are run in turn (round-robin), so a busy moment of the machine is shared.
"""
import argparse
import fcntl
import os
import select
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLS, ROWS = 100, 30
# 500 characters of ordinary prose, no line breaks: the same keys for every program.
PHRASE = "We hold several identities at once, and the system is one more of them. "
TEXT = (PHRASE * 8)[:500]
assert len(TEXT) == 500
QUIET_FIRST = 0.10   # a burst of output ends at this much silence: the first frame
QUIET_SETTLE = 0.30  # before and after the typing window


class Run:
    """One program on one pty, from fork to wait4."""

    def __init__(self, argv, env, cwd):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.floor_kib = status_kib("self", "VmRSS")
        self.hwm_kib = 0
        self.start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid, self.master = pid, master
        self.bytes = 0
        self.last_output = None
        self.eof = False

    def sample_rss(self):
        """The program's own high-water mark so far (VmHWM), kept as the highest seen."""
        self.hwm_kib = max(self.hwm_kib, status_kib(self.pid, "VmHWM") or 0)

    def peak_rss_kib(self, usage):
        """Peak RSS of the program itself. Linux carries the forking process's high-water
        mark over exec into ru_maxrss, so wait4's figure is never below this Python's RSS
        (about 12 MiB): above it, it is the program's own peak, exact; at or below it, the
        program stayed smaller, and the highest VmHWM read while it ran stands instead."""
        return usage.ru_maxrss if usage.ru_maxrss > self.floor_kib else self.hwm_kib

    def pump(self, seconds):
        """Reads whatever the program writes for `seconds`."""
        deadline = time.monotonic() + seconds
        while not self.eof:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                self.read_once()

    def read_once(self):
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the slave side is closed
            chunk = b""
        if not chunk:
            self.eof = True
            return
        self.bytes += len(chunk)
        self.last_output = time.monotonic()

    def settle(self, quiet, limit=10.0):
        """Reads until `quiet` seconds pass without output (or `limit`)."""
        deadline = time.monotonic() + limit
        while not self.eof and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                return
            self.read_once()

    def first_frame(self, limit=10.0):
        """Seconds from fork to the last byte of the first burst of output."""
        while self.last_output is None and not self.eof:
            self.pump(0.05)
            if time.monotonic() - self.start > limit:
                raise RuntimeError(f"no output in {limit} s")
        self.settle(QUIET_FIRST)
        return self.last_output - self.start

    def send(self, keys, pause=0.0):
        os.write(self.master, keys.encode())
        if pause:
            self.pump(pause)

    def cpu_now(self):
        """CPU seconds the process has run so far (schedstat: nanoseconds on a CPU)."""
        with open(f"/proc/{self.pid}/schedstat") as f:
            return int(f.read().split()[0]) / 1e9

    def finish(self, limit=10.0):
        deadline = time.monotonic() + limit
        while True:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(self.pid, 0)
                raise RuntimeError("did not quit in time")
            self.sample_rss()
            self.pump(0.02)
        while not self.eof:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if not ready:
                break
            self.read_once()
        os.close(self.master)
        return os.waitstatus_to_exitcode(status), usage


def status_kib(pid, field):
    """A kB field of /proc/PID/status (VmRSS, VmHWM), or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def measure(program, interval, first_limit=10.0):
    run = Run(program["argv"], program["env"], program["cwd"])
    first = run.first_frame(first_limit)
    for keys in program["setup"]:
        run.send(keys, 0.05)
    run.settle(QUIET_SETTLE)
    bytes0, cpu0 = run.bytes, run.cpu_now()
    next_key = time.monotonic()
    for ch in TEXT:
        run.send(ch)
        next_key += interval
        run.pump(max(0.0, next_key - time.monotonic()))
    run.settle(QUIET_SETTLE)
    typed_bytes, typed_cpu = run.bytes - bytes0, run.cpu_now() - cpu0
    run.sample_rss()
    for keys in program["quit"]:
        run.send(keys, 0.25)
    code, usage = run.finish()
    if code != 0:
        raise RuntimeError(f"{program['name']} exited {code}")
    return {
        "bytes_per_key": typed_bytes / len(TEXT),
        "cpu_ms_per_key": typed_cpu * 1000 / len(TEXT),
        "cpu_total": usage.ru_utime + usage.ru_stime,
        "rss_mib": run.peak_rss_kib(usage) / 1024,
        "first_ms": first * 1000,
    }


def timed(argv, env):
    """Wall seconds and CPU seconds of one command run to completion."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1):
            os.dup2(devnull, fd)
        os.execve(argv[0], argv, env)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def median(rows, key):
    return statistics.median(r[key] for r in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--fixtures", help="sensemaking-fixtures, for bench-log (not needed with --log)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--interval", type=float, default=0.01, help="seconds between typed keys")
    ap.add_argument("--contributions", type=int, default=5000)
    ap.add_argument("--serve", action="store_true",
                    help="run sensemaking with --serve 127.0.0.1:PORT (a free loopback port each run)")
    ap.add_argument("--against", metavar="OLD_BINARY",
                    help="an earlier build, run in turn with this one (the host's speed moves; "
                         "minutes apart is not a comparison)")
    ap.add_argument("--log", metavar="LOG",
                    help="the 5,000 log to resume and export instead of a new one (with --against: "
                         "one the earlier build can read, written by its own bench-log)")
    args = ap.parse_args()
    if not args.fixtures and not args.log:
        ap.error("--fixtures (to write the 5,000 log) or --log (one already written) is needed")

    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="sensemaking-bench-")
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": work,
           "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    big = os.path.join(work, "big.md")
    if args.log:
        shutil.copyfile(args.log, big)
    else:
        subprocess.run([os.path.abspath(args.fixtures), "bench-log", big, "--count", str(args.contributions)],
                       check=True, stdout=subprocess.DEVNULL, env=env)

    counter = iter(range(1_000_000))
    logs = []

    def fresh_log():
        logs.append(os.path.join(work, f"run-{next(counter)}.md"))
        return logs[-1]

    def big_copy():
        path = fresh_log()
        shutil.copyfile(big, path)
        return path

    def serving():
        """`--serve` on a loopback port free now, when asked; nothing otherwise."""
        if not args.serve:
            return []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return ["--serve", "127.0.0.1:%d" % s.getsockname()[1]]

    def journaled(*needles):
        """The run's log holds each needle: the keys reached the screen they were meant for."""
        def check():
            text = open(logs[-1], encoding="utf-8").read()
            return all(needle in text for needle in needles)
        return check

    # Ctrl-C twice leaves sensemaking (everything is saved); /quit would need the box emptied.
    programs = [
        {"name": "sensemaking", "argv": lambda: [binary, "--participants", "Ana,Ben", "--log", fresh_log(), *serving()],
         "setup": ["/next\r"], "quit": ["\x03", "\x03"], "check": journaled("index=1", "sm:suspended")},
        {"name": "vim", "argv": lambda: [shutil.which("vim"), "-u", "NONE", "-N", "-i", "NONE", "-n"],
         "setup": ["i"], "quit": ["\x1b", ":q!\r"]},
        {"name": "nano", "argv": lambda: [shutil.which("nano")],
         "setup": [], "quit": ["\x18", "n"]},
        {"name": f"sensemaking {args.contributions:,}", "argv": lambda: [binary, "resume", big_copy(), *serving()],
         "setup": [], "quit": ["\x03", "\x03"], "check": journaled("sm:resumed", "sm:suspended")},
    ]
    against = os.path.abspath(args.against) if args.against else None
    if against:
        programs += [
            dict(programs[0], name="against",
                 argv=lambda: [against, "--participants", "Ana,Ben", "--log", fresh_log(), *serving()]),
            dict(programs[3], name="against 5,000", argv=lambda: [against, "resume", big_copy(), *serving()]),
        ]
    results = {p["name"]: [] for p in programs}
    for n in range(args.runs):
        for p in programs:
            spec = dict(p, argv=p["argv"](), env=env, cwd=work)
            results[p["name"]].append(measure(spec, args.interval))
            if "check" in p and not p["check"]():
                raise RuntimeError(f"{p['name']}: the log does not show the expected stage and quit")
        print(f"run {n + 1}/{args.runs} done", file=sys.stderr)

    exports, against_exports = {}, {}
    for fmt in ("markdown", "html", "json"):
        # By role, not path: --against may name this very build, as a check of the noise.
        runs = [(binary, exports, [], [])] + ([(against, against_exports, [], [])] if against else [])
        for n in range(args.runs):
            for i, (program, _, walls, cpus) in enumerate(runs):
                out = os.path.join(work, f"export-{n}-{i}.{fmt}")
                wall, cpu = timed([program, "export", big, "--format", fmt, "--output", out], env)
                walls.append(wall)
                cpus.append(cpu)
        for _, table, walls, cpus in runs:
            table[fmt] = (statistics.median(walls) * 1000, statistics.median(cpus) * 1000)

    sm, vim, nano = (results[k] for k in ("sensemaking", "vim", "nano"))
    big_rows = results[programs[3]["name"]]
    rows = [
        ("bytes written per typed key", "bytes_per_key", "{:.2f}"),
        ("CPU ms per typed key", "cpu_ms_per_key", "{:.3f}"),
        ("CPU s, start + 500 keys + quit", "cpu_total", "{:.3f}"),
        ("peak RSS MiB", "rss_mib", "{:.1f}"),
        ("start to first frame ms", "first_ms", "{:.1f}"),
    ]
    print(f"\n{os.path.relpath(binary)}{' --serve 127.0.0.1:PORT' if args.serve else ''}: {COLS}x{ROWS}, {len(TEXT)} keys one every {args.interval * 1000:g} ms, "
          f"medians of {args.runs} runs, TERM={env['TERM']}\n")
    head = f"{'':32}{'sensemaking':>12}{'vim':>10}{'nano':>10}{'/vim':>8}{'/nano':>8}"
    print(head)
    print("-" * len(head))
    for label, key, fmt in rows:
        a, b, c = median(sm, key), median(vim, key), median(nano, key)
        ratio = lambda x, y: f"{x / y:.2f}" if y else "-"
        print(f"{label:32}{fmt.format(a):>12}{fmt.format(b):>10}{fmt.format(c):>10}"
              f"{ratio(a, b):>8}{ratio(a, c):>8}")

    label_big = f"{os.path.basename(args.log)}" if args.log else f"{args.contributions:,} contributions"
    head = f"\n{'':32}{'empty':>12}{label_big:>22}{'ratio':>8}"
    print(head)
    print("-" * (len(head) - 1))
    for label, key, fmt in rows:
        a, b = median(sm, key), median(big_rows, key)
        if key == "first_ms":
            label = "start (resume) to first frame ms"
        print(f"{label:32}{fmt.format(a):>12}{fmt.format(b):>22}{b / a if a else 0:>8.2f}")
    for fmt, (wall, cpu) in exports.items():
        print(f"{'export --format ' + fmt + ' ms':32}{'':>12}{f'{wall:.1f} wall, {cpu:.1f} CPU':>22}")

    if against:
        head = f"\n{'':32}{'this build':>12}{'against':>12}{'ratio':>8}   against = {os.path.relpath(against)}"
        print(head)
        print("-" * 64)
        old_sm, old_big = results["against"], results["against 5,000"]
        for label, key, fmt in rows:
            a, b = median(sm, key), median(old_sm, key)
            print(f"{label:32}{fmt.format(a):>12}{fmt.format(b):>12}{a / b if b else 0:>8.2f}")
        a, b = median(big_rows, "first_ms"), median(old_big, "first_ms")
        print(f"{'resume to first frame ms':32}{a:>12.1f}{b:>12.1f}{a / b if b else 0:>8.2f}")
        for fmt, (wall, _) in exports.items():
            old_wall = against_exports[fmt][0]
            print(f"{'export ' + fmt + ' ms':32}{wall:>12.1f}{old_wall:>12.1f}{wall / old_wall:>8.2f}")

    checks = [
        ("bytes per typed key <= 3", median(sm, "bytes_per_key") <= 3),
        ("CPU start+keys+quit <= nano's", median(sm, "cpu_total") <= median(nano, "cpu_total")),
        ("peak RSS <= 16 MiB", median(sm, "rss_mib") <= 16),
        (f"{label_big}: bytes per key within 10%",
         median(big_rows, "bytes_per_key") <= 1.10 * median(sm, "bytes_per_key")),
        (f"{label_big}: CPU per key within 10%",
         median(big_rows, "cpu_ms_per_key") <= 1.10 * median(sm, "cpu_ms_per_key")),
        ("resume to first frame <= 100 ms", median(big_rows, "first_ms") <= 100),
    ] + [(f"export {fmt} <= 200 ms", wall <= 200) for fmt, (wall, _) in exports.items()]  # issue 14
    print("\nbudget")
    for label, ok in checks:
        print(f"  {'met   ' if ok else 'MISSED'} {label}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
