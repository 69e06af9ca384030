"""Load on the join server: devices joined and sending, and many more listening on
Server-Sent Events, against the real binary in tmux, on loopback only (docs/performance.md).

Measures, for each send, send-to-saved (the POST until its "sent" answer, which comes only
once the record is on disk) and send-to-projected (the POST until the text is first seen
on the projected screen, by polling `tmux capture-pane`: its resolution is the poll
interval, printed beside it); the process's CPU and RSS with no connection, with the
listeners connected and idle, and while the devices send; and its peak RSS. Bounded: at
most 300 devices, a fixed number of sends each, and a deadline.
"""
import argparse
import http.client
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "EndToEndTests", "Browser"))
import qr_read  # noqa: E402  (the QR code is read off the screen, as a phone would)
from projected import Terminal  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def status_kib(pid, key):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def idle_cpu(pid, seconds):
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return cpu_seconds(pid) - before


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--binary", required=True)
    ap.add_argument("--senders", type=int, default=50, help="devices joined and sending")
    ap.add_argument("--listeners", type=int, default=200, help="event streams open (the senders' among them)")
    ap.add_argument("--sends", type=int, default=10, help="sends per sending device")
    ap.add_argument("--interval", type=float, default=2.0, help="seconds between one device's sends (the rate limit's pace)")
    ap.add_argument("--idle", type=float, default=5.0, help="seconds of idle CPU measured")
    ap.add_argument("--deadline", type=float, default=180.0, help="seconds before giving up")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--named", action="store_true",
                    help="a named room: each sender picks its own name (P001…) and the floor is open, instead of --anonymous")
    ap.add_argument("--no-screen", action="store_true",
                    help="do not poll the screen (send-to-saved alone: the polling's tmux processes take CPU)")
    args = ap.parse_args()
    if args.listeners < args.senders or args.listeners > 300:
        sys.exit("--listeners is at least --senders and at most 300 (the server's cap)")
    started = time.monotonic()

    folder = tempfile.mkdtemp(prefix="sensemaking-load-")
    log = os.path.join(folder, "load.md")
    port = 18000 + os.getpid() % 1000
    names = ["P%03d" % (i + 1) for i in range(args.senders)]
    room = ["--participants", ",".join(names)] if args.named else ["--anonymous"]
    terminal = Terminal.start(folder, [os.path.abspath(args.binary), "run", *room, "--title", "Load",
                                 "--log", log, "--serve", "127.0.0.1:%d" % port])
    figures = {"senders": args.senders, "listeners": args.listeners, "sends": args.senders * args.sends,
               "room": "named, floor open" if args.named else "anonymous"}
    try:
        terminal.wait("Join on your phone")
        link = urllib.parse.urlsplit(terminal.join_link(qr_read))
        if link.hostname != "127.0.0.1":
            sys.exit("loopback only")
        terminal.line("/next")
        terminal.wait("Stage 1 of 7")
        if args.named:
            # Anyone here may send from a device, not only the one whose turn it is.
            terminal.line("/floor open")
        pid = terminal.pid
        host = "%s:%d" % (link.hostname, link.port)

        time.sleep(1)
        figures["rss_mib_no_connection"] = status_kib(pid, "VmRSS") / 1024
        figures["idle_cpu_s_no_connection"] = idle_cpu(pid, args.idle)

        # Devices join by the QR code's link; each opens its event stream.
        def join():
            connection = http.client.HTTPConnection(link.hostname, link.port, timeout=30)
            connection.request("GET", link.path, headers={"Host": host})
            response = connection.getresponse()
            response.read()
            return connection, response.getheader("Set-Cookie").split(";")[0]

        devices = [join() for _ in range(args.listeners)]
        if args.named:
            # Each sender picks its name on the roster, as a phone's "pick your name" does.
            for index in range(args.senders):
                connection, cookie = devices[index]
                connection.request("POST", "/name", body=urllib.parse.urlencode({"name": names[index]}), headers={
                    "Host": host, "Cookie": cookie, "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded"})
                response = connection.getresponse()
                answer = response.read()
                if response.status not in (200, 303):
                    raise RuntimeError("%s could not pick its name: %d %s" % (names[index], response.status, answer[:200]))
        # Only the senders keep their connection for sending: the server takes 300 at once.
        for connection, _ in devices[args.senders:]:
            connection.close()
        first_views = threading.Semaphore(0)
        events = [0] * args.listeners

        def listen(index, cookie):
            connection = http.client.HTTPConnection(link.hostname, link.port, timeout=None)
            connection.request("GET", "/events", headers={"Host": host, "Cookie": cookie})
            response = connection.getresponse()
            first = True
            while True:
                line = response.fp.readline()
                if not line:
                    return
                if line.startswith(b"data:"):
                    events[index] += 1
                    if first:
                        first_views.release()
                        first = False

        for index, (_, cookie) in enumerate(devices):
            threading.Thread(target=listen, args=(index, cookie), daemon=True).start()
        for _ in devices:
            if not first_views.acquire(timeout=30):
                raise RuntimeError("an event stream sent no view")
        time.sleep(2)
        figures["rss_mib_listening"] = status_kib(pid, "VmRSS") / 1024
        figures["idle_cpu_s_listening"] = idle_cpu(pid, args.idle)
        figures["idle_seconds"] = args.idle

        # The senders send at the rate limit's pace, staggered; the screen is polled meanwhile.
        sent_at, saved_at, seen_at, refused = {}, {}, {}, []
        lock = threading.Lock()
        done = threading.Event()
        polls = []

        def poll():
            token = re.compile(r"q\d{3}n\d{3}z")
            while not done.is_set():
                moment = time.monotonic()
                found = token.findall(terminal.screen())
                polls.append(time.monotonic() - moment)
                with lock:
                    for t in found:
                        seen_at.setdefault(t, time.monotonic())

        def sender(index):
            connection, cookie = devices[index]
            time.sleep(index * args.interval / args.senders)
            for n in range(args.sends):
                token = "q%03dn%03dz" % (index, n)
                body = urllib.parse.urlencode({"text": "load test " + token, "key": "%032x" % (index * 1000 + n + 1)})
                moment = time.monotonic()
                with lock:
                    sent_at[token] = moment
                connection.request("POST", "/send", body=body, headers={
                    "Host": host, "Cookie": cookie, "Accept": "application/json",
                    "Content-Type": "application/x-www-form-urlencoded"})
                response = connection.getresponse()
                answer = json.loads(response.read())
                with lock:
                    if response.status == 200 and answer["status"] == "sent":
                        saved_at[token] = time.monotonic()
                    else:
                        refused.append((token, response.status, answer["message"]))
                time.sleep(max(0.0, moment + args.interval - time.monotonic()))
                if time.monotonic() - started > args.deadline:
                    return

        poller = threading.Thread(target=poll, daemon=True)
        if not args.no_screen:
            poller.start()
        cpu_before, wall_before = cpu_seconds(pid), time.monotonic()
        senders = [threading.Thread(target=sender, args=(i,)) for i in range(args.senders)]
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join()
        time.sleep(1)  # the last texts reach the screen
        done.set()
        if not args.no_screen:
            poller.join()
        figures["load_average_1min"] = os.getloadavg()[0]
        figures["cpu_share_sending"] = (cpu_seconds(pid) - cpu_before) / (time.monotonic() - wall_before)
        figures["peak_rss_mib"] = status_kib(pid, "VmHWM") / 1024

        saved = [(saved_at[t] - sent_at[t]) * 1000 for t in saved_at]
        projected = [(seen_at[t] - sent_at[t]) * 1000 for t in saved_at if t in seen_at]
        figures.update({
            "saved": len(saved), "refused": len(refused), "never_seen_on_screen": None if args.no_screen else len(saved_at) - len(projected),
            "send_to_saved_ms_p50": percentile(saved, 50), "send_to_saved_ms_p99": percentile(saved, 99),
            "send_to_saved_ms_max": max(saved) if saved else float("nan"),
            "send_to_projected_ms_p50": percentile(projected, 50), "send_to_projected_ms_p99": percentile(projected, 99),
            "screen_poll_ms_median": statistics.median(polls) * 1000 if polls else float("nan"),
            "events_per_stream_median": statistics.median(events),
        })
        text = open(log, encoding="utf-8").read()
        figures["each_saved_once_in_log"] = all(text.count(t) == 1 for t in saved_at)
        if args.named:
            # Each text on a line of the log that names the device that sent it.
            lines = {t: next((line for line in text.splitlines() if t in line), "") for t in saved_at}
            figures["each_by_its_sender"] = all(names[int(t[1:4])] in line for t, line in lines.items())
        terminal.line("/quit")
    finally:
        terminal.close()

    print(json.dumps(figures, indent=2, sort_keys=True))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2, sort_keys=True)
    if figures.get("refused") or not figures.get("each_saved_once_in_log", False) or figures.get("each_by_its_sender") is False:
        sys.exit(1)


if __name__ == "__main__":
    main()
