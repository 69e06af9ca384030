"""The projected terminal, as the scripts beside this file and scripts/loadtest drive it:
the real binary in a tmux session, read by `capture-pane`, typed into by `send-keys`."""
import os
import subprocess
import time


class Terminal:
    def __init__(self, socket, pid=None):
        self.socket = socket
        self.pid = pid

    @classmethod
    def start(cls, folder, argv, width=160, height=60):
        """Starts `argv` in a new tmux session of its own (the program is the pane's process)."""
        terminal = cls(os.path.join(folder, "tmux.sock"))
        command = " ".join("'" + a.replace("'", "'\\''") + "'" for a in argv)
        terminal.tmux("new-session", "-d", "-x", str(width), "-y", str(height), "exec " + command)
        terminal.pid = int(terminal.tmux("display", "-p", "#{pane_pid}").strip())
        return terminal

    def tmux(self, *arguments):
        return subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *arguments],
                              capture_output=True, text=True, check=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def wait(self, text, seconds=20):
        deadline = time.monotonic() + seconds
        while text not in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for %r on the screen; it was:\n%s" % (text, self.screen()))
            time.sleep(0.05)
        return self.screen()

    def line(self, text):
        self.tmux("send-keys", "-l", "--", text)
        self.tmux("send-keys", "Enter")

    def join_link(self, qr_read):
        """The QR code's link, read off `/qr` as a phone's camera would; the screen closes after."""
        self.line("/qr")
        link = qr_read.read(self.wait("press any key to close it"))
        self.tmux("send-keys", "Enter")  # any key closes it, and only closes it
        return link

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)
