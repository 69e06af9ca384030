"""What the browser tests beside this file share: the list of failures each reports at the
end, the facilitator's terminal in tmux and the log, a headless chromium, and finding things
on a page by XPath and visible label, as join_from_devices.py and presenter_and_phone.py
both do."""
import shutil
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from projected import Terminal

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
    return ok


def wait_until(what, condition, seconds=10):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.05)


def find(driver, xpath, seconds=10):
    return WebDriverWait(driver, seconds).until(lambda d: d.find_element(By.XPATH, xpath))


def quote(text):
    return "'" + text + "'" if "'" not in text else '"' + text + '"'


def text_of(driver, xpath):
    try:
        return driver.find_element(By.XPATH, xpath).text
    except Exception:
        return ""


class Room:
    """The session under test: its projected terminal (`projected.Terminal` on the tmux
    server at `socket`) and its log."""

    def __init__(self, socket, log):
        self.terminal, self.log = Terminal(socket), log

    def wait_screen(self, text, seconds=10):
        return self.terminal.wait(text, seconds)

    def log_text(self):
        with open(self.log, encoding="utf-8") as f:
            return f.read()


def chromium(size="390,844", script=True):
    """Debian's headless chromium at `size` (390x844: a phone's viewport), its console kept;
    `script=False` turns JavaScript off, for the page's plain forms."""
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=" + size):
        options.add_argument(argument)
    if not script:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


def labelled(driver, label):
    """The control a visible label names, as a screen reader would find it."""
    element = find(driver, "//label[normalize-space()=%s]" % quote(label))
    return driver.find_element(By.ID, element.get_attribute("for"))


def button(driver, words):
    return find(driver, "//button[normalize-space()=%s]" % quote(words))


def wait_text(driver, xpath, words, seconds=10):
    return wait_until("%r in %s; the page said: %s" % (words, xpath, text_of(driver, "//body")[:2000]),
                      lambda: words in text_of(driver, xpath), seconds)


def console_problems(driver):
    """A CSP violation or a script error. (A refused form post is logged as a failed load:
    that page is the answer a person reads, not a problem.)"""
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry["message"] or entry.get("source") == "javascript"]
