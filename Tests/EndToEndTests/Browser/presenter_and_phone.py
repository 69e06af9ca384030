"""The facilitator drives a session running in tmux from the presenter page (a desktop
browser on the same machine) while a participant's phone follows it: Debian's headless
chromium through chromedriver and Selenium, found by visible labels and button words.

    python3 presenter_and_phone.py TMUX_SOCKET JOIN_URL LOG RAW_OUTPUT

The presenter link is read from LOG.presenter (0600), as `sensemaking presenter` reads it.
Every byte the program writes to its terminal goes to RAW_OUTPUT (tmux pipe-pane), so "the
note is on no projected frame" is checked against all of them, not one capture. Prints one
line per failure and exits 1 when anything failed; run by PresenterBrowserTests.swift.
"""
import os
import re
import stat
import sys
import time

from selenium.webdriver.support.ui import Select

from browser_support import (Room, button, check, chromium, console_problems, failures, find, labelled,
                             text_of, wait_text, wait_until)

SOCKET, URL, LOG, RAW = sys.argv[1:5]
room = Room(SOCKET, LOG)
tmux, screen, wait_screen, log_text = room.terminal.tmux, room.terminal.screen, room.wait_screen, room.log_text


def press(driver, words):
    button(driver, words).click()


def answered(driver, words):
    """The presenter page's answer line says `words` (each command's answer replaces it)."""
    wait_text(driver, "//p[@id='answer']", words)


tmux("pipe-pane", "-o", "cat >> " + RAW)
access = LOG + ".presenter"
check(stat.S_IMODE(os.stat(access).st_mode) == 0o600, "the presenter access file is 0600")
with open(access, encoding="utf-8") as f:
    link = f.read().strip()
base = link.split("/presenter/")[0] + "/presenter"
check(link not in screen(), "the presenter link is not on the projected screen until /presenter")

code = re.search(r"code (\d{6})", wait_screen("Join on your phone")).group(1)
presenter, ana = chromium("1200,1000"), chromium()
drivers = [presenter, ana]
NOTE = "Zanzibar: Ben looks tired, ask him after the break"
try:
    # The facilitator opens the link; the participant joins by the code on the screen.
    presenter.get(link)
    wait_text(presenter, "//h1[@id='stage']", "Welcome")
    ana.get(URL)
    labelled(ana, "Join code (on the room's screen)").send_keys(code)
    press(ana, "Join")
    find(ana, "//label[normalize-space()='Ana']").click()
    press(ana, "This is me")
    wait_text(ana, "//header", "You: Ana")

    # A participant's cookie never opens the presenter page (same host, another port).
    ana.get(base)
    wait_text(ana, "//body", "Open the presenter link")
    check("Welcome" not in text_of(ana, "//body"), "a phone sees no presenter view")
    ana.get(URL)
    wait_text(ana, "//p[@role='status']", "Wait for the first stage to begin.")

    # Next from the page moves the projected screen and the phone.
    press(presenter, "Next stage")
    wait_screen("Stage 1 of 7")
    wait_text(presenter, "//h1[@id='stage']", "1. Identity")
    wait_text(ana, "//h1", "1. Identity")
    wait_text(presenter, "//p[@id='clock']", "left")

    # The timer: a minute more, then paused and resumed, on the projected screen.
    press(presenter, "+1 min")
    # The big digits' top row for "10:5": 11 minutes less a few seconds.
    wait_until("the projected timer to show 10:5x", lambda: "\u2580\u2588  \u2588\u2580\u2588 \u2584 \u2588\u2580\u2580" in screen())
    wait_text(presenter, "//p[@id='clock']", "10:5")
    press(presenter, "Pause timer")
    wait_screen("paused")
    wait_text(presenter, "//p[@id='clock']", "paused")
    press(presenter, "Resume timer")
    wait_until("the pause to end on the projected screen", lambda: "paused" not in screen())

    # A private note: in the log, never on the room's screen or a phone.
    labelled(presenter, "A note for you only (kept in the log, never on the screen)").send_keys(NOTE)
    press(presenter, "Keep note")
    answered(presenter, "Note kept")
    wait_text(presenter, "//ul[@id='notes']", NOTE)
    check(log_text().count(NOTE) == 1, "the note is in the log once")
    wait_screen("Note kept")
    check(labelled(presenter, "A note for you only (kept in the log, never on the screen)").get_attribute("value") == "",
          "the note box empties once kept")

    # Ana speaks from her phone; the presenter sees who has spoken and who has not.
    box = find(ana, "//textarea[@id='text']")
    box.send_keys("Ward nurse, and a governor")
    press(ana, "Send")
    wait_text(ana, "//p[@id='notice']", "Sent: saved.")
    wait_text(presenter, "//span[@id='spoken-here']", "Ana")
    wait_text(presenter, "//span[@id='silent-here']", "Ben, Chi")
    wait_text(presenter, "//ul[@id='items']", "Ward nurse, and a governor")

    # Give the turn to Chi, then pass: the projected banner and the phone follow.
    Select(find(presenter, "//select[@id='turn-to']")).select_by_visible_text("Chi")
    press(presenter, "Give the turn")
    wait_screen("Chi — your turn")
    wait_text(ana, "//p[@role='status']", "Chi's turn.")
    press(presenter, "Pass")
    wait_screen("Ana — your turn")

    # Retract Ana's contribution from the page: the log keeps it as retracted.
    press(presenter, "Retract")
    wait_until("the retraction in the log", lambda: "retracted" in log_text().lower())
    wait_until("the item to leave the presenter page",
               lambda: "Ward nurse" not in text_of(presenter, "//ul[@id='items']"))

    # Back from the page: the projected screen returns to Welcome.
    press(presenter, "Back")
    wait_until("Welcome on the projected screen", lambda: "Stage 1 of 7" not in screen() and "Welcome" in screen())
    wait_text(ana, "//h1", "Welcome")

    # A command the keyboard keeps is refused on the page, never shown to the room.
    for name, driver in (("the presenter", presenter), ("Ana", ana)):
        problems = console_problems(driver)
        check(not problems, "%s's browser console shows no CSP violation or script error: %s" % (name, problems))
    check(NOTE not in text_of(ana, "//body"), "the note is on no phone")

    tmux("send-keys", "-l", "--", "/quit")
    tmux("send-keys", "Enter")
    wait_until("the log to say the session was suspended", lambda: "suspended" in log_text().lower())
    wait_until("the access file to go", lambda: not os.path.exists(access))
    time.sleep(0.3)
    with open(RAW, "rb") as f:
        raw = f.read()
    check(len(raw) > 1000, "the terminal's output was recorded")
    check(b"Zanzibar" not in raw, "the note is on no projected frame (every byte written to the terminal)")
    check(link.encode() not in raw, "the presenter link was never projected")
except Exception as error:
    failures.append("%s: %s" % (type(error).__name__, str(error)))
    failures.append("the projected screen was:\n" + screen())
finally:
    for driver in drivers:
        driver.quit()

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
