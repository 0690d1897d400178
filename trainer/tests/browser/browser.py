"""What the trainer's browser tests share: a headless Chromium driven by Selenium, the page's
console, a screenshot that must show something, and the checks that an HTML page and an SVG
picture are valid. Run by Debian's /usr/bin/python3 (python3-selenium, python3-html5lib,
python3-pil, chromium, chromium-driver: scripts/install-deps.sh installs them).
"""
# SPDX-License-Identifier: BSL-1.0

import pathlib
import subprocess
import sys

import html5lib
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class Failure(Exception):
    """A check that failed; main() prints it as the test's one line of failure."""


def check(condition, message):
    if not condition:
        raise Failure(message)


def chromium(width=1200, height=900):
    """A headless Chromium of the given window size that keeps every console message."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def open_file(driver, path):
    """Loads a file from disk, as a reader opens a report: no server, no network."""
    driver.get(pathlib.Path(path).resolve().as_uri())


def console_errors(driver):
    """The console's errors since the last call (uncaught exceptions included)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def check_no_console_errors(driver, when):
    errors = console_errors(driver)
    check(not errors, f"console errors {when}: {errors}")


def check_screenshot_not_blank(driver, path):
    """Saves a screenshot to `path` and fails if it is one colour."""
    driver.save_screenshot(str(path))
    with Image.open(path) as image:
        extrema = image.convert("RGB").getextrema()
    check(any(low != high for low, high in extrema), f"screenshot {path} is blank: {extrema}")


def check_valid_html(path):
    """Parses `path` as the HTML standard does and fails on any parse error (a missing doctype,
    a stray end tag, a bad character reference, ...)."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        with open(path, "rb") as page:
            parser.parse(page)
    except html5lib.html5parser.ParseError as error:
        raise Failure(f"{path} is not valid HTML: {error}") from None


def check_valid_svg(path):
    """Fails unless `path` is well-formed XML whose root is an SVG element."""
    result = subprocess.run(["xmllint", "--noout", "--nonet", str(path)], capture_output=True,
                            text=True, check=False)
    check(result.returncode == 0, f"{path} is not well-formed XML: {result.stderr.strip()}")
    with open(path, encoding="utf-8") as picture:
        text = picture.read(4096)
    check('<svg xmlns="http://www.w3.org/2000/svg"' in text,
          f"{path} has no <svg> root in the SVG namespace")


def main(test):
    """Runs test() and exits 0, or prints its failure on one line and exits 1."""
    try:
        test()
    except Failure as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
    print("PASS")
