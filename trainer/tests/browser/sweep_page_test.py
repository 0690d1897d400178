"""The sweep's page in a browser: ctnn-train writes sweep-xor.html for 64 seeds into a temporary
directory; the page and every SVG written must validate, and in headless Chromium the page must
load without a console error, list every seed with the command that reproduces it, show its three
pictures inline, sort and filter its table, read without scripts and in print, and look like
something at desktop and phone width.

usage: /usr/bin/python3 sweep_page_test.py CTNN_TRAIN WORK_DIR
"""
# SPDX-License-Identifier: BSL-1.0

import pathlib
import re
import shutil
import subprocess
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser
from browser import check

SEEDS = 64
FIRST_SEED = 5
EPOCHS = 8000
RATE = "0.05"


def expected_command(seed):
    return (f"ctnn-train xor --seed {seed} --epochs {EPOCHS} --learning-rate {RATE} "
            "--scalar double")


def visible_rows(driver):
    """Each row the reader sees, as (seed, solved, solved-from text, outcome), in page order."""
    return driver.execute_script("""
        return Array.prototype.filter.call(document.querySelectorAll('#runs tbody tr'),
                                           function (row) { return !row.hidden; })
          .map(function (row) {
            return [Number(row.cells[0].textContent), row.cells[1].textContent,
                    row.cells[2].textContent, row.cells[3].textContent];
          });""")


def sort_by(driver, heading):
    driver.find_element(By.XPATH, f"//table[@id='runs']//th/button[text()='{heading}']").click()


def check_table(driver):
    rows = driver.find_elements(By.CSS_SELECTOR, "#runs tbody tr")
    check(len(rows) == SEEDS, f"the table has {len(rows)} rows, not {SEEDS}")
    commands = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#runs tbody tr'),"
        " function (row) { return [Number(row.cells[0].textContent),"
        " row.querySelector('td.command code').textContent]; });")
    seeds = [seed for seed, _ in commands]
    check(seeds == list(range(FIRST_SEED, FIRST_SEED + SEEDS)), f"the table lists seeds {seeds}")
    for seed, command in commands:
        check(command == expected_command(seed), f"seed {seed}'s command is '{command}'")


def check_pictures(driver):
    pictures = driver.find_elements(By.CSS_SELECTOR, "figure > svg")
    check(len(pictures) == 3, f"{len(pictures)} inline SVGs, not 3")
    for picture in pictures:
        size = picture.size
        check(size["width"] > 200 and size["height"] > 100, f"an inline SVG is drawn {size}")
    # The histogram's bars (their tooltips say "low to high: count") hold every solved run; the
    # outcome chart's bars every run.
    binned = driver.execute_script("""
        return Array.prototype.reduce.call(
          document.querySelectorAll('#solved-epoch rect.bar title'),
          function (sum, title) { return sum + Number(title.textContent.split(': ')[1]); }, 0);""")
    solved = len(driver.find_elements(By.CSS_SELECTOR, "#runs tbody tr[data-solved='yes']"))
    check(binned == solved, f"the histogram holds {binned} runs, the table {solved} solved")
    charted = driver.execute_script("""
        return Array.prototype.reduce.call(
          document.querySelectorAll('#outcomes rect.bar title'),
          function (sum, title) { return sum + Number(/: (\\d+) of/.exec(title.textContent)[1]); },
          0);""")
    check(charted == SEEDS, f"the outcome chart holds {charted} runs, not {SEEDS}")


def check_sorting(driver):
    sort_by(driver, "Solved from epoch")
    rows = visible_rows(driver)
    epochs = [int(text) for _, solved, text, _ in rows if solved == "yes"]
    check(epochs == sorted(epochs), f"ascending by solved-from epoch: {epochs}")
    first_unsolved = next((i for i, row in enumerate(rows) if row[1] == "no"), len(rows))
    check(all(row[1] == "no" for row in rows[first_unsolved:]),
          "unsolved runs are not all last when sorted by solved-from epoch")
    sort_by(driver, "Solved from epoch")
    rows = visible_rows(driver)
    epochs = [int(text) for _, solved, text, _ in rows if solved == "yes"]
    check(epochs == sorted(epochs, reverse=True), f"descending by solved-from epoch: {epochs}")
    check(rows[-1][1] == "no" or all(row[1] == "yes" for row in rows),
          "unsolved runs are not last when sorted descending")
    sort_by(driver, "Seed")
    seeds = [row[0] for row in visible_rows(driver)]
    check(seeds == sorted(seeds) and len(seeds) == SEEDS, f"ascending by seed: {seeds}")
    sort_by(driver, "Seed")
    seeds = [row[0] for row in visible_rows(driver)]
    check(seeds == sorted(seeds, reverse=True), f"descending by seed: {seeds}")


def check_filtering(driver):
    status = driver.find_element(By.ID, "shown")
    check(status.text == f"{SEEDS} of {SEEDS} runs shown", f"status '{status.text}'")
    unsolved = len(driver.find_elements(By.CSS_SELECTOR, "#runs tbody tr[data-solved='no']"))
    Select(driver.find_element(By.ID, "show")).select_by_value("no")
    rows = visible_rows(driver)
    check(len(rows) == unsolved and all(row[1] == "no" for row in rows),
          f"'not solved' shows {len(rows)} rows, of which not all unsolved, or not all {unsolved}")
    check(status.text == f"{unsolved} of {SEEDS} runs shown", f"status '{status.text}'")
    Select(driver.find_element(By.ID, "show")).select_by_value("all")
    search = driver.find_element(By.ID, "filter")
    search.send_keys(str(FIRST_SEED + 22))
    rows = visible_rows(driver)
    check([row[0] for row in rows] == [FIRST_SEED + 22], f"filtering by a seed shows {rows}")
    search.clear()
    search.send_keys("stuck")
    rows = visible_rows(driver)
    stuck = driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('#runs tbody tr'),"
        " function (row) { return row.cells[3].textContent.indexOf('stuck') >= 0; }).length;")
    check(stuck > 0 and len(rows) == stuck and all("stuck" in row[3] for row in rows),
          f"filtering by 'stuck' shows {len(rows)} rows of {stuck}")
    search.clear()
    search.send_keys(" ")  # "input" fires; the filter is blank again
    check(len(visible_rows(driver)) == SEEDS, "clearing the filter does not show every run")


def check_without_script_and_in_print(driver, page):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = driver.execute_script(
        "return getComputedStyle(document.querySelector('.controls')).display;")
    check(hidden == "none", f"the controls print (display {hidden})")
    overflow = driver.execute_script(
        "return getComputedStyle(document.querySelector('.table-box')).overflowX;")
    check(overflow == "visible", f"the table prints inside a scrolling box ({overflow})")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.open_file(driver, page)
    check(not driver.find_elements(By.CSS_SELECTOR, ".controls, th button"),
          "without scripts the page shows controls that do nothing")
    check_table(driver)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test():
    program = pathlib.Path(sys.argv[1]).resolve()
    work = pathlib.Path(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    result = subprocess.run(
        [program, "sweep", "xor", "--seeds", str(SEEDS), "--seed", str(FIRST_SEED), "--epochs",
         str(EPOCHS), "--learning-rate", RATE, "--progress", "off", "--out", "sweep"],
        cwd=work, capture_output=True, text=True, check=False)
    check(result.returncode == 0, f"ctnn-train sweep exited {result.returncode}: {result.stderr}")
    out = work / "sweep"
    page = out / "sweep-xor.html"
    listed = re.findall(r"^  (\S+)$", result.stdout.split("Files written\n")[1], re.MULTILINE)
    check(f"sweep/{page.name}" in listed, f"'Files written' does not list the page: {listed}")
    browser.check_valid_html(page)
    text = page.read_text(encoding="utf-8")
    urls = re.findall(r"[a-z]+://[^\s\"'<>]*", text)
    check(all(url == "http://www.w3.org/2000/svg" for url in urls),
          f"the page names URLs other than the SVG namespace: {sorted(set(urls))}")
    pictures = sorted(out.glob("*.svg"))
    check(len(pictures) == 3, f"{len(pictures)} SVG files written, not 3: {pictures}")
    for picture in pictures:
        browser.check_valid_svg(picture)

    driver = browser.chromium(1200, 900)
    try:
        browser.open_file(driver, page)
        browser.check_no_console_errors(driver, "loading the page")
        check_table(driver)
        check_pictures(driver)
        browser.check_screenshot_not_blank(driver, work / "desktop.png")
        check_sorting(driver)
        check_filtering(driver)
        browser.check_no_console_errors(driver, "sorting and filtering")
        driver.set_window_size(375, 812)
        browser.open_file(driver, page)
        width = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth];")
        check(width[0] <= width[1], f"at phone width the page scrolls sideways: {width}")
        browser.check_screenshot_not_blank(driver, work / "phone.png")
        check_without_script_and_in_print(driver, page)
        browser.check_no_console_errors(driver, "at the end")
    finally:
        driver.quit()


if __name__ == "__main__":
    browser.main(test)
