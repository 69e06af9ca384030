"""CPU, page faults and context switches per typed key, sensemaking beside nano.

The bench's typing (scripts/bench.py: 500 keys, 10 ms apart, 100x30 pty) with
/proc/PID/stat and /proc/PID/status read before and after, to tell what a key costs
besides instructions. Usage: python3 scripts/keyprobe.py BINARY
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
TEXT = bench.TEXT
def stat(pid):
    f = open(f"/proc/{pid}/stat").read().split(")")[1].split()
    minflt = int(f[7]); 
    st = open(f"/proc/{pid}/status").read()
    vol = int(st.split("voluntary_ctxt_switches:")[1].split()[0]); nonvol = int(st.split("nonvoluntary_ctxt_switches:")[1].split()[0])
    return minflt, vol, nonvol
work = tempfile.mkdtemp(prefix="keyprobe-")
env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": work, "PATH": "/usr/bin:/bin"}
progs = {"sm": ([os.path.abspath(sys.argv[1]), "--participants", "Ana,Ben", "--log", work + "/p.md"], ["/next\r"], ["\x03", "\x03"]),
         "nano": (["/usr/bin/nano"], [], ["\x18", "n"])}
for name, (argv, setup, quit) in progs.items():
    if os.path.exists(work + "/p.md"): os.remove(work + "/p.md")
    run = bench.Run(argv, env, work)
    run.first_frame(10)
    for k in setup: run.send(k, 0.05)
    run.settle(0.3)
    s0 = stat(run.pid); c0 = run.cpu_now()
    nxt = time.monotonic()
    for ch in TEXT:
        run.send(ch); nxt += 0.01; run.pump(max(0, nxt - time.monotonic()))
    run.settle(0.3)
    s1 = stat(run.pid); c1 = run.cpu_now()
    n = len(TEXT)
    print(name, "cpu ms/key %.3f" % ((c1 - c0) * 1000 / n), "minflt/key %.2f" % ((s1[0]-s0[0])/n), "vol cs/key %.2f" % ((s1[1]-s0[1])/n), "nonvol/key %.2f" % ((s1[2]-s0[2])/n))
    for k in quit: run.send(k, 0.25)
    run.finish()
