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
import shutil
import stat
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_support import check, failures, find, quote, text_of, wait_until

SOCKET, URL, LOG, RAW = sys.argv[1:5]


def tmux(*arguments):
    return subprocess.run(["tmux", "-S", SOCKET, "-f", "/dev/null", *arguments],
                          capture_output=True, text=True, check=True).stdout


def screen():
    return tmux("capture-pane", "-p")


def wait_screen(text, seconds=10):
    return wait_until(repr(text) + " on the projected screen; it was:\n" + screen(),
                      lambda: text in screen() and screen(), seconds)


def log_text():
    with open(LOG, encoding="utf-8") as f:
        return f.read()


def browser(size, script=True):
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=" + size):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


def labelled(driver, label):
    element = find(driver, "//label[normalize-space()=%s]" % quote(label))
    return driver.find_element(By.ID, element.get_attribute("for"))


def press(driver, words):
    find(driver, "//button[normalize-space()=%s]" % quote(words)).click()


def wait_text(driver, xpath, words, seconds=10):
    return wait_until("%r in %s; the page said: %s" % (words, xpath, text_of(driver, "//body")[:2000]),
                      lambda: words in text_of(driver, xpath), seconds)


def answered(driver, words):
    """The presenter page's answer line says `words` (each command's answer replaces it)."""
    wait_text(driver, "//p[@id='answer']", words)


def console_problems(driver):
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry["message"] or entry.get("source") == "javascript"]


tmux("pipe-pane", "-o", "cat >> " + RAW)
access = LOG + ".presenter"
check(stat.S_IMODE(os.stat(access).st_mode) == 0o600, "the presenter access file is 0600")
with open(access, encoding="utf-8") as f:
    link = f.read().strip()
base = link.split("/presenter/")[0] + "/presenter"
check(link not in screen(), "the presenter link is not on the projected screen until /presenter")

code = re.search(r"code (\d{6})", wait_screen("Join on your phone")).group(1)
presenter, ana = browser("1200,1000"), browser("390,844")
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
