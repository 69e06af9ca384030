#!/usr/bin/env python3
"""A/B: alternate two sensemaking binaries on the 5,000 log: resume to first frame
(scripts/bench.py's Run on a 100x30 pty), and each export into a fresh file."""
import os, shutil, statistics, sys, tempfile, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench

# scripts/ab.py LOG RUNS BIN... (LOG: a 5,000 log from `sensemaking-fixtures bench-log LOG`)
big = os.path.abspath(sys.argv[1]); runs = int(sys.argv[2]); bins = [os.path.abspath(b) for b in sys.argv[3:]]
tmp = tempfile.mkdtemp(prefix="ab-")
home = tempfile.mkdtemp(prefix="ab-home-")
env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "PATH": os.environ["PATH"]}
results = {b: {"resume": [], "markdown": [], "html": [], "json": []} for b in bins}
print("load average at start:", open("/proc/loadavg").read().split()[:3])
for i in range(runs):
    for b in bins:
        copy = os.path.join(tmp, f"r{i}-{len(results[b]['resume'])}-{os.path.basename(os.path.dirname(b)) or 'x'}{bins.index(b)}.md")
        shutil.copy(big, copy)
        run = bench.Run([b, "resume", copy], env, tmp)
        first = run.first_frame()
        run.send("\x03", 0.1); run.send("\x03", 0.25)
        code, _ = run.finish()
        if code != 0: raise SystemExit(f"{b} resume exited {code}")
        results[b]["resume"].append(first * 1000)
    for f in ["markdown", "html", "json"]:
        for b in bins:
            out = os.path.join(tmp, f"e{i}-{bins.index(b)}.{f}")
            wall, cpu = bench.timed([b, "export", big, "--format", f, "--output", out], env)
            results[b][f].append(wall * 1000)
print("load average at end:", open("/proc/loadavg").read().split()[:3])
for b in bins:
    print(b)
    for k, v in results[b].items():
        print(f"  {k:9s} median {statistics.median(v):6.1f} ms  min {min(v):6.1f}  max {max(v):6.1f}  ({len(v)} runs)")
shutil.rmtree(tmp); shutil.rmtree(home)
