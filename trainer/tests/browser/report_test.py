"""The HTML report of `ctnn-train <task>` in a headless Chromium: it loads without a console
error; the epoch slider, moved by keyboard and through its input element, shows the weights and
the decision surfaces of the recorded epoch (checked against models that --save wrote: the run's
own, a shorter run's for an intermediate snapshot, and a run of 0 epochs for the first); play
reaches the last epoch; screenshots at desktop and phone width are not blank, and in print the
controls are hidden; the page is valid HTML and the run's SVG files valid SVG.

Usage: /usr/bin/python3 report_test.py <ctnn-train> <task>
"""
# SPDX-License-Identifier: BSL-1.0

import json
import math
import pathlib
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import browser  # noqa: E402
from browser import check  # noqa: E402

TRAINER = pathlib.Path(sys.argv[1]).resolve()
TASK = sys.argv[2]
POSITIVE, NEGATIVE = "#1f5fbf", "#d62728"


def train(out, *arguments):
    """Runs the trainer into `out`; returns its stdout."""
    result = subprocess.run([str(TRAINER), TASK, "--print-every", "0", "--out", str(out),
                             *arguments], capture_output=True, text=True, check=False)
    check(result.returncode == 0, f"ctnn-train {TASK} {arguments} failed: {result.stderr}")
    return result.stdout


class Model:
    """A model file as --save writes it: the parameters in ctnn's order (each layer's units'
    weights, then its biases), exactly, and a forward pass by unit names."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as file:
            model = json.load(file)
        self.layers = model["layers"]
        self.parameters = []
        for layer in self.layers:
            for unit in layer["units"]:
                self.parameters += [float.fromhex(w["exact"]) for w in unit["weights"]]
            self.parameters += [float.fromhex(unit["bias"]["exact"]) for unit in layer["units"]]
        check(len(self.parameters) == model["parameter_count"], f"{path}: parameter count")

    def forward(self, x):
        """Every unit's output for inputs x, by the model's unit names."""
        values = {"x_0": x[0], "x_1": x[1]}
        for layer in self.layers:
            g = math.tanh if layer["activation"] == "hyperbolic_tangent" else \
                (lambda net: 1 / (1 + math.exp(-net)))
            for unit in layer["units"]:
                net = float.fromhex(unit["bias"]["exact"])
                for w in unit["weights"]:
                    net += float.fromhex(w["exact"]) * values[w["from"]]
                values[unit["unit"]] = g(net)
        return values


def report_data(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="report-data">')
    start = text.index(">", start) + 1
    return json.loads(text[start:text.index("</script>", start)].replace("<\\/", "</"))


def shown_epoch(driver):
    return int(driver.execute_script("return document.documentElement.dataset.epoch"))


def check_page_shows(driver, model, epoch, when):
    """The page's numbers at `epoch` are the model's: its weights and biases as drawn, exactly;
    every surface's values at the four patterns and the table's outputs, to rounding."""
    check(shown_epoch(driver) == epoch, f"{when}: the page shows epoch {shown_epoch(driver)}, "
          f"not {epoch}")
    shown = json.loads(driver.execute_script("return document.documentElement.dataset.parameters"))
    check(shown == model.parameters, f"{when}: parameters {shown}, the model's {model.parameters}")
    drawn = driver.execute_script("""
      return [...document.querySelectorAll('#diagram [data-parameter]')].map(e => ({
        index: Number(e.dataset.parameter), value: Number(e.dataset.value),
        stroke: e.getAttribute('stroke'), fill: e.getAttribute('fill'),
        width: e.getAttribute('stroke-width'), connection: e.classList.contains('connection')}));""")
    check(sorted(d["index"] for d in drawn) == list(range(len(model.parameters))),
          f"{when}: the diagram draws parameters {sorted(d['index'] for d in drawn)}")
    weights = [d for d in drawn if d["connection"]]
    largest = max(abs(d["value"]) for d in weights)
    for d in drawn:
        value = model.parameters[d["index"]]
        check(d["value"] == value, f"{when}: parameter {d['index']} drawn as {d['value']}, "
              f"the model's {value}")
        colour = d["stroke"] if d["connection"] else d["fill"]
        check(colour == (NEGATIVE if value < 0 else POSITIVE),
              f"{when}: parameter {d['index']} = {value} drawn in {colour}")
        if d["connection"]:
            width = 1 + 7 * abs(value) / largest
            check(abs(float(d["width"]) - width) < 0.006,
                  f"{when}: weight {d['index']} drawn {d['width']} wide, not {width:.2f}")
    surfaces = driver.execute_script("""
      return [...document.querySelectorAll('#surfaces figure')].map(f => ({
        unit: f.dataset.unit, corners: JSON.parse(f.dataset.corners),
        contour: f.querySelectorAll('path.contour').length,
        cells: f.querySelectorAll('rect').length}));""")
    names = [unit["unit"] for layer in model.layers for unit in layer["units"]]
    check([s["unit"] for s in surfaces] == names, f"{when}: surfaces of {surfaces}, not {names}")
    patterns = [(0, 0), (0, 1), (1, 0), (1, 1)]
    for s in surfaces:
        check(s["cells"] > 100, f"{when}: surface of {s['unit']} has {s['cells']} cells")
        for x, shown_value in zip(patterns, s["corners"]):
            expected = model.forward(x)[s["unit"]]
            check(math.isclose(shown_value, expected, rel_tol=1e-12, abs_tol=1e-15),
                  f"{when}: surface of {s['unit']} at {x} is {shown_value}, not {expected}")
    table = driver.execute_script("""
      return [...document.querySelectorAll('#patterns td[data-kind=out]')].map(c => ({
        unit: c.dataset.unit, pattern: Number(c.dataset.pattern), value: Number(c.dataset.value)}));""")
    check(len(table) == 4 * len(names), f"{when}: the table has {len(table)} outputs")
    for cell in table:
        expected = model.forward(patterns[cell["pattern"]])[cell["unit"]]
        check(math.isclose(cell["value"], expected, rel_tol=1e-12, abs_tol=1e-15),
              f"{when}: table {cell}, expected {expected}")


def test():
    with tempfile.TemporaryDirectory(prefix="ctnn-report-") as scratch:
        scratch = pathlib.Path(scratch)
        stdout = train(scratch / "run", "--save", str(scratch / "final.json"))
        report = scratch / "run" / f"{TASK}-report.html"
        check(f"  {report}\n" in stdout, "'Files written' does not name the report")
        data = report_data(report)
        epochs, interval, count = data["epochs"], data["interval"], len(data["snapshots"])
        check(count >= 3, f"{count} snapshots")
        middle = count // 3
        middle_epoch = interval * middle
        # A run of middle_epoch epochs ends with the parameters a longer run of the same seed
        # has after as many epochs (the same generator, the same updates).
        train(scratch / "middle", "--epochs", str(middle_epoch),
              "--save", str(scratch / "middle.json"))
        train(scratch / "initial", "--epochs", "0", "--save", str(scratch / "initial.json"))
        final, intermediate, initial = (Model(scratch / name) for name in
                                        ("final.json", "middle.json", "initial.json"))

        browser.check_valid_html(report)
        for picture in sorted((scratch / "run").glob("*.svg")):
            browser.check_valid_svg(picture)

        driver = browser.chromium(1200, 900)
        try:
            browser.open_file(driver, report)
            browser.check_no_console_errors(driver, "on loading")
            check(driver.execute_script("return document.documentElement.dataset.ready") == "true",
                  "the page's script did not finish")
            check_page_shows(driver, initial, 0, "on loading")
            browser.check_screenshot_not_blank(driver, scratch / "desktop.png")

            body = driver.find_element(By.TAG_NAME, "body")
            body.send_keys(Keys.END)
            check_page_shows(driver, final, epochs, "after End")
            body.send_keys(Keys.HOME)
            body.send_keys(Keys.ARROW_RIGHT)
            check(shown_epoch(driver) == interval, f"→ from 0 shows {shown_epoch(driver)}")
            body.send_keys(Keys.ARROW_LEFT)
            check_page_shows(driver, initial, 0, "after → ←")

            slider = driver.find_element(By.ID, "epoch")
            driver.execute_script("arguments[0].value = arguments[1];"
                                  "arguments[0].dispatchEvent(new Event('input'));",
                                  slider, str(middle))
            check_page_shows(driver, intermediate, middle_epoch, "with the input set")
            slider.send_keys(Keys.ARROW_RIGHT)
            check(shown_epoch(driver) == middle_epoch + interval,
                  f"→ on the slider shows {shown_epoch(driver)}")
            slider.send_keys(Keys.ARROW_LEFT)
            check_page_shows(driver, intermediate, middle_epoch, "after → ← on the slider")

            body.send_keys(Keys.HOME)
            Select(driver.find_element(By.ID, "speed")).select_by_value("1000")
            body.send_keys(Keys.SPACE)
            deadline = time.monotonic() + 8
            while shown_epoch(driver) != epochs and time.monotonic() < deadline:
                time.sleep(0.05)
            check(shown_epoch(driver) == epochs, f"play stopped at {shown_epoch(driver)}")
            check(driver.execute_script("return document.documentElement.dataset.playing")
                  == "false", "play did not stop at the last epoch")
            check_page_shows(driver, final, epochs, "after play")
            browser.check_no_console_errors(driver, "after the slider and play")

            driver.set_window_size(375, 800)
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth")
            check(overflow <= 0, f"at 375 px the page is {overflow} px too wide")
            browser.check_screenshot_not_blank(driver, scratch / "phone.png")
            browser.check_no_console_errors(driver, "at phone width")

            # In print the controls go and every section stays.
            driver.set_window_size(1200, 900)
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            hidden = driver.execute_script(
                "return ['play', 'epoch', 'speed'].map(id => "
                "getComputedStyle(document.getElementById(id)).display)")
            check(hidden == ["none"] * 3, f"in print the controls show: {hidden}")
            shown = driver.execute_script(
                "return [...document.querySelectorAll('main > section')]"
                ".filter(s => getComputedStyle(s).display === 'none').map(s => s.id)")
            check(not shown, f"in print these sections are hidden: {shown}")
            browser.check_screenshot_not_blank(driver, scratch / "print.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    browser.main(test)
