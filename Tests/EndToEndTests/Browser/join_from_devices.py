"""Participants join a session running in tmux from real browsers (Debian's headless
chromium through chromedriver and Selenium), as people would: by the code on the projected
screen, by the labels they read, and by the buttons they press. One phone runs the page's
script; one runs without script and sends through the plain form.

    python3 join_from_devices.py TMUX_SOCKET URL LOG

Drives the terminal through tmux (the facilitator), the phones through Selenium, and checks
the projected screen, the log and each browser's console. Prints one line per failure and
exits 1 when anything failed; run by BrowserTests.swift under `swift test`.
"""
import re
import sys

import qr_read
from browser_support import (Room, button, check, chromium, console_problems, failures, find, labelled,
                             quote, text_of, wait_text, wait_until)

SOCKET, URL, LOG = sys.argv[1:4]
room = Room(SOCKET, LOG)
tmux, screen, wait_screen, log_text = room.terminal.tmux, room.terminal.screen, room.wait_screen, room.log_text
type_line = room.terminal.line


# The phones.

def join(driver, code, name):
    driver.get(URL)
    labelled(driver, "Join code (on the room's screen)").send_keys(code)
    button(driver, "Join").click()
    find(driver, "//legend[normalize-space()='Who are you?']")
    find(driver, "//label[normalize-space()=%s]" % quote(name)).click()
    button(driver, "This is me").click()
    wait_text(driver, "//header", "You: " + name)


def send(driver, text):
    box = labelled(driver, "Your contribution")
    box.clear()
    box.send_keys(text)
    button(driver, "Send").click()


def sent(driver, who, text, on_screen):
    """Sends and sees "sent", which means on disk; then the room sees it, and so does the phone."""
    send(driver, text)
    wait_text(driver, "//p[@id='notice']", "Sent: saved.")
    check(log_text().count(text) == 1, "%s's contribution is in the log once, when the phone said sent" % who)
    wait_screen(on_screen)
    check(screen().count(on_screen) == 1, "%r is on the projected screen once" % on_screen)
    wait_text(driver, "//section[h2='What you said']", text)


def join_by_link(driver, link, name):
    """A phone's camera opened the QR code's link: it joins at once and asks for the name."""
    driver.get(link)
    find(driver, "//legend[normalize-space()='Who are you?']")
    find(driver, "//label[normalize-space()=%s]" % quote(name)).click()
    button(driver, "This is me").click()
    wait_text(driver, "//header", "You: " + name)


def place_dots(driver, dots):
    """Sets the stepper beside each story, as a person would, by the story's label."""
    for number, count in dots.items():
        box = find(driver, "//label[starts-with(normalize-space(), '%d. ')]/following-sibling::input[1]" % number)
        box.clear()
        box.send_keys(str(count))


code = re.search(r"code (\d{6})", wait_screen("Join on your phone")).group(1)
ana, ben, chi = chromium(), chromium(script=False), chromium()
drivers = [ana, ben, chi]
sent_texts = []
try:
    # Joining: by the code on the screen, then the name, from the list of who is here.
    join(ana, code, "Ana")
    join(ben, code, "Ben")
    wait_text(ana, "//p[@role='status']", "Wait for the first stage to begin.")

    # Chi scans the QR code: the link is read off the projected screen (/qr), as a camera
    # would, secret and all, and opens in her browser.
    type_line("/qr")
    link = qr_read.read(wait_screen("press any key to close it"))
    check(re.fullmatch(r"HTTP://127\.0\.0\.1:\d+/J/[A-Z2-7]{26}", link) is not None, "the QR code holds the join link: %s" % link)
    tmux("send-keys", "Enter")  # any key closes it, and only closes it
    join_by_link(chi, link, "Chi")

    # The facilitator begins; Ana's page follows by itself (Server-Sent Events).
    type_line("/next")
    wait_screen("Stage 1 of 7")
    wait_text(ana, "//h1", "1. Identity")
    wait_text(ana, "//p[@role='status']", "Your turn: send when ready.")

    # Ana sends; "sent" means on disk, and the room sees it on the projected screen.
    first = "Clinician first, manager second — and café owner 東京 👋🏽"
    sent(ana, "Ana", first, on_screen="café owner")
    sent_texts.append(first)
    check(labelled(ana, "Your contribution").get_attribute("value") == "", "Ana's box empties once sent")

    # Ben's phone runs no script: the form posts, the page comes back saying what happened.
    ben.get(URL)
    wait_text(ben, "//p[@role='status']", "Your turn: send when ready.")
    second = "Social worker; the system is the people I ring at 5 pm"
    sent(ben, "Ben (no script)", second, on_screen="people I ring")
    sent_texts.append(second)

    # Not his turn now (Chi's): Ben's draft is refused, not saved, and he is told why.
    third = "A draft sent out of turn"
    send(ben, third)
    wait_text(ben, "//p[@id='notice']", "not your turn")
    check(third not in log_text(), "a send out of turn is not saved")
    check(labelled(ben, "Your contribution").get_attribute("value") == "", "the refused page comes back")

    # Chi, who joined by the QR code, sends on her turn.
    wait_text(chi, "//p[@role='status']", "Your turn: send when ready.")
    fourth = "Pharmacist who chairs the falls group"
    sent(chi, "Chi (QR link)", fourth, on_screen="chairs the falls group")
    sent_texts.append(fourth)

    # The facilitator gives the turn to Ben: Ana's page says whose turn it is.
    type_line("/turn Ben")
    wait_text(ana, "//p[@role='status']", "Ben's turn.")

    # Dee is not on the list: she adds her own name, which joins as /join does.
    dee = chromium()
    drivers.append(dee)
    dee.get(URL)
    labelled(dee, "Join code (on the room's screen)").send_keys(code)
    button(dee, "Join").click()
    labelled(dee, "Not on the list? Your name").send_keys("Dee")
    button(dee, "Add me").click()
    wait_text(dee, "//header", "You: Dee")
    wait_screen("Dee joined.")
    check(log_text().count("**Dee** joined.") == 1, "Dee's joining is in the log once")

    # The facilitator sees who is connected and removes Dee's phone: it is told to join again.
    type_line("/devices")
    wait_screen("4 devices: 1 Ana · 2 Ben · 3 Chi · 4 Dee")
    type_line("/remove 4")
    wait_screen("Device 4 (Dee) removed")
    find(dee, "//h1[normalize-space()='Join the session']")
    type_line("/leave Dee")
    wait_screen("Dee left")

    # Social activity: a story from each phone, in turn. Chi's phone then loses its
    # connection (the page is left, its event stream ends) and comes back.
    type_line("/goto 4")
    wait_screen("Stage 4 of 7")
    type_line("/turn Ana")
    wait_text(ana, "//p[@role='status']", "Your turn: send when ready.")
    stories = [(ana, "Ana", "The night the discharge lounge stayed open"),
               (ben, "Ben", "The bed manager who phoned every care home"),
               (chi, "Chi", "Falls clinic run from the library")]
    for driver, who, story in stories:
        if driver is not ana:
            driver.get(URL)  # Ben's page without script is loaded again; Chi's phone comes back
        wait_text(driver, "//p[@role='status']", "Your turn: send when ready.")
        sent(driver, who, story, on_screen=story[-20:])
        sent_texts.append(story)
        if driver is ana:
            chi.get("about:blank")  # Chi's phone drops off
    for text in (fourth, stories[2][2]):
        wait_text(chi, "//section[h2='What you said']", text)

    # Plausibility: each phone places its dots privately, at the same time as the others.
    type_line("/goto 7")
    wait_screen("Stage 7 of 7")
    wait_text(ana, "//p[@id='votes']", "Dots stay hidden until everyone has voted.")
    wait_text(chi, "//p[@id='votes']", "Dots stay hidden until everyone has voted.")
    place_dots(ana, {1: 2, 3: 1})
    button(ana, "Place my dots").click()
    wait_text(ana, "//p[@id='notice']", "Dots placed: saved.")
    # The room sees that Ana voted, never how: no counts on the board, nor on Chi's phone.
    wait_screen("voted: Ana")
    board = screen().split("stories on the board", 1)[-1]
    check("●" not in board, "no dots on the projected board before everyone has voted:\n" + board)
    wait_text(chi, "//p[@id='votes']", "Voted: Ana.")
    check(re.search(r"\d dots?", text_of(chi, "//ol[@id='board']")) is None, "no counts on Chi's phone before the reveal")
    # Ben (no script) and Chi at once.
    ben.get(URL)
    place_dots(ben, {2: 3})
    place_dots(chi, {3: 2, 2: 1})
    button(chi, "Place my dots").click()
    button(ben, "Place my dots").click()
    wait_text(ben, "//p[@role='alert']", "Dots placed: saved.")
    wait_text(chi, "//p[@id='notice']", "Dots placed: saved.")
    # Everyone has: the board is ranked on the screen and on each phone.
    wait_screen("Ranked by dots: everyone has placed theirs")
    wait_text(ana, "//p[@id='votes']", "The dots are revealed.")
    wait_text(ana, "//ol[@id='board']", "4 dots")
    check(log_text().count("sm:revealed") == 1, "the reveal is in the log once")
    check(log_text().count("sm:dots") == 3, "three placements in the log")

    for name, driver in (("Ana", ana), ("Ben", ben), ("Chi", chi), ("Dee", dee)):
        problems = console_problems(driver)
        check(not problems, "%s's browser console shows no CSP violation or script error: %s" % (name, problems))

    type_line("/quit")
    wait_until("the log to say the session was suspended", lambda: "suspended" in log_text().lower())
    text = log_text()
    for sent_text in sent_texts:
        check(text.count(sent_text) == 1, "%r is in the log exactly once" % sent_text)
except Exception as error:  # a wait that timed out, an element not found
    failures.append("%s: %s" % (type(error).__name__, str(error)))
    failures.append("the projected screen was:\n" + screen())
finally:
    for driver in drivers:
        driver.quit()

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
