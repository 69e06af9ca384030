"""What the browser tests beside this file share: the list of failures each reports at the
end, and finding things on a page by XPath, as join_from_devices.py and
presenter_and_phone.py both do."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

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
