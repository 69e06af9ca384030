#!/usr/bin/env python3
"""A terminal screen captured with colours (`tmux capture-pane -e -p`) as an HTML page of
fixed cells, for chromium to photograph (scripts/screenshots). Only what tmux emits is read:
SGR bold, faint, underline, reverse and the 8 + 8 colours; the rest of an escape is dropped.

Usage: ansi2html.py dark|light < capture.ansi > screen.html
"""
import html
import re
import sys

# Tango-like colours, readable on a projector-ish page; index 0-7 normal, 8-15 bright.
PALETTE = ["#2e3436", "#cc0000", "#4e9a06", "#c4a000", "#3465a4", "#75507b", "#06989a", "#d3d7cf",
           "#555753", "#ef2929", "#8ae234", "#fce94f", "#729fcf", "#ad7fa8", "#34e2e2", "#eeeeec"]
BACKGROUND = {"dark": ("#1c1c1c", "#e4e4e4"), "light": ("#ffffff", "#1c1c1c")}


def spans(line, state, default_fg, default_bg):
    out = []
    for token in re.split(r"(\x1b\[[0-9;]*m)", line):
        match = re.fullmatch(r"\x1b\[([0-9;]*)m", token)
        if match:
            codes = [int(c) if c else 0 for c in match.group(1).split(";")]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    state.clear()
                elif c in (1, 2, 4, 7):
                    state[c] = True
                elif c == 22:
                    state.pop(1, None)
                    state.pop(2, None)
                elif c in (24, 27):
                    state.pop(c - 20, None)
                elif 30 <= c <= 37 or 90 <= c <= 97:
                    state["fg"] = c - 30 if c < 90 else c - 82
                elif 40 <= c <= 47 or 100 <= c <= 107:
                    state["bg"] = c - 40 if c < 100 else c - 92
                elif c == 39:
                    state.pop("fg", None)
                elif c == 49:
                    state.pop("bg", None)
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    state["fg" if c == 38 else "bg"] = codes[i + 2] if codes[i + 2] < 16 else 7
                    i += 2
                i += 1
            continue
        token = re.sub(r"\x1b[^a-zA-Z]*[a-zA-Z]", "", token)
        if not token:
            continue
        fg = PALETTE[state["fg"]] if "fg" in state else default_fg
        bg = PALETTE[state["bg"]] if "bg" in state else default_bg
        if state.get(7):
            fg, bg = bg, fg
        if state.get(2):
            fg = f"color-mix(in srgb, {fg} 60%, {bg})"
        style = [f"color:{fg}", f"background:{bg}"]
        if state.get(1):
            style.append("font-weight:bold")
        if state.get(4):
            style.append("text-decoration:underline")
        out.append(f'<span style="{";".join(style)}">{html.escape(token)}</span>')
    return "".join(out)


def main():
    theme = sys.argv[1] if len(sys.argv) > 1 else "dark"
    bg, fg = BACKGROUND[theme]
    state = {}
    rows = [spans(line, state, fg, bg) for line in sys.stdin.read().rstrip("\n").split("\n")]
    print(f"""<!doctype html><meta charset="utf-8">
<style>
body {{ margin: 0; background: {bg}; }}
pre {{ margin: 0; padding: 12px 14px; font: 18px/1.164 "DejaVu Sans Mono", monospace; color: {fg}; background: {bg}; }}
</style>
<pre>{chr(10).join(rows)}</pre>""")


if __name__ == "__main__":
    main()
