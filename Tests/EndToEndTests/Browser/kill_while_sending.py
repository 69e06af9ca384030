"""kill -9 while phones send: every send answered "sent" must be in the log, once.

    python3 kill_while_sending.py TMUX_SOCKET PID LOG

The facilitator (tmux) shows the QR code and opens the floor; twelve devices join by the
QR code's link (read off the screen), pick a name and send as fast as the server lets them,
over plain HTTP on loopback. Once some sends were answered "sent", the program is killed
with SIGKILL while the others are still sending. Prints one line per failure, exits 1 when
anything failed; run by ServeTests.swift under `swift test`.
"""
import http.client
import json
import os
import re
import signal
import sys
import threading
import time
import urllib.parse

import qr_read
from projected import Terminal

SOCKET, PID, LOG = sys.argv[1], int(sys.argv[2]), sys.argv[3]
DEVICES, KILL_AFTER = 12, 40
failures = []


terminal = Terminal(SOCKET, PID)
link = urllib.parse.urlsplit(terminal.join_link(qr_read))
terminal.line("/next")
terminal.wait("Stage 1 of 7")
terminal.line("/floor open")
terminal.wait("The floor is open")
host, port = link.hostname, link.port


def request(connection, method, path, cookie=None, body=None, json_answer=False):
    headers = {"Host": "%s:%d" % (host, port)}
    if cookie:
        headers["Cookie"] = cookie
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if json_answer:
        headers["Accept"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response, response.read()


lock = threading.Lock()
answered = []       # texts answered "sent"
started_sending = threading.Barrier(DEVICES + 1)
stop = threading.Event()


def device(number):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    response, _ = request(connection, "GET", link.path)
    cookie = response.getheader("Set-Cookie").split(";")[0]
    request(connection, "POST", "/name", cookie, "name=" + ["Ana", "Ben", "Chi"][number % 3])
    started_sending.wait()
    sent = 0
    while not stop.is_set():
        text = "device %d says %d" % (number, sent)
        body = urllib.parse.urlencode({"text": text, "key": "%032x" % (number * 10000 + sent)})
        try:
            response, data = request(connection, "POST", "/send", cookie, body, json_answer=True)
        except (OSError, http.client.HTTPException):
            return  # the program is gone
        if response.status == 200 and json.loads(data)["status"] == "sent":
            with lock:
                answered.append(text)
            sent += 1
        elif response.status in (429, 503):
            # Too fast, or no answer yet: the same text again with the same key, which is
            # never saved twice.
            time.sleep(0.2)
        else:
            with lock:
                failures.append("device %d: %d %s" % (number, response.status, data[:200]))
            return


threads = [threading.Thread(target=device, args=(n,)) for n in range(DEVICES)]
for thread in threads:
    thread.start()
try:
    started_sending.wait(timeout=20)
    deadline = time.monotonic() + 30
    while len(answered) < KILL_AFTER and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(PID, signal.SIGKILL)
finally:
    stop.set()
    for thread in threads:
        thread.join(timeout=15)

with lock:
    saved = list(answered)
if len(saved) < KILL_AFTER:
    failures.append("only %d sends were answered before the kill" % len(saved))
with open(LOG, encoding="utf-8") as f:
    log = f.read()
for text in saved:
    count = len(re.findall(re.escape(text) + r"\b", log))
    if count != 1:
        failures.append("%r was answered sent and is in the log %d times" % (text, count))
print("answered sent: %d; contributions in the log: %d" % (len(saved), log.count("sm:contribution")), file=sys.stderr)
for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
