"""Checks that the commands a sweep's page lists reproduce its runs: for a few seeds of two small
sweeps (XOR in double with its default settings, including stuck runs; tanh OR in float with
other settings), runs the seed's command with --save and checks that the model file's parameters
equal the page's, bit for bit, and that the runs CSV says the same as the page. Python's standard
library only.

usage: sweep_reproduce.py CTNN_TRAIN WORK_DIR
"""
# SPDX-License-Identifier: BSL-1.0

import csv
import html.parser
import json
import pathlib
import shutil
import struct
import subprocess
import sys


class RunsTable(html.parser.HTMLParser):
    """The cells' text of every row of the page's table of runs (<table id="runs">)."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self.in_table = False
        self.in_body = False
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("id", "runs") in attrs:
            self.in_table = True
        elif self.in_table and tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag == "td":
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = self.in_body = False
        elif self.in_body and tag == "td":
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def run(command, cwd):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        fail(f"{' '.join(map(str, command))} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def model_parameters(path):
    """A model file's parameters in ctnn's order, exactly (from their hexadecimal "exact" text):
    layer by layer, every unit's weights, then every unit's bias."""
    model = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    values = []
    for layer in model["layers"]:
        for unit in layer["units"]:
            values += [float.fromhex(weight["exact"]) for weight in unit["weights"]]
        values += [float.fromhex(unit["bias"]["exact"]) for unit in layer["units"]]
    return model["scalar"], values


def as_scalar(text, scalar):
    """The page's decimal as the scalar type reads it. (float: read as double, then rounded to
    float; the two roundings differ only for a decimal within 2^-53 of a tie between floats,
    which a shortest float decimal is not.)"""
    value = float(text)
    return struct.unpack("f", struct.pack("f", value))[0] if scalar == "float" else value


def check_sweep(program, work, name, sweep_args, choose):
    directory = work / name
    directory.mkdir(parents=True)
    run([program, "sweep", *sweep_args, "--progress", "off"], directory)
    task = sweep_args[0]
    parser = RunsTable()
    parser.feed((directory / f"sweep-{task}.html").read_text(encoding="utf-8"))
    rows = {int(cells[0]): cells for cells in parser.rows}
    with open(directory / f"sweep-{task}-runs.csv", newline="", encoding="utf-8") as table:
        csv_rows = {int(row["seed"]): row for row in csv.DictReader(table)}
    if sorted(rows) != sorted(csv_rows):
        fail(f"{name}: the page lists seeds {sorted(rows)}, the CSV {sorted(csv_rows)}")
    seeds = choose(rows)
    for seed in seeds:
        seed_cell, solved, _, outcome, _, parameters, command = rows[seed]
        words = command.split()
        if words[0] != "ctnn-train" or words[1] != task or words[words.index("--seed") + 1] != str(seed):
            fail(f"{name}: seed {seed}'s command is '{command}'")
        csv_row = csv_rows[seed]
        if csv_row["command"] != command or csv_row["outcome"] != outcome:
            fail(f"{name}: seed {seed}: the CSV has '{csv_row['command']}', "
                 f"'{csv_row['outcome']}'; the page '{command}', '{outcome}'")
        run_dir = directory / f"seed-{seed}"
        run_dir.mkdir()
        run([program, *words[1:], "--save", "model.json", "--print-every", "0", "--progress",
             "off"], run_dir)
        scalar, saved = model_parameters(run_dir / "model.json")
        listed = parameters.split()
        if [as_scalar(text, scalar) for text in listed] != saved:
            fail(f"{name}: seed {seed} ({outcome}): '{command}' trained {saved}, "
                 f"the page lists {listed}")
        csv_listed = [value for key, value in csv_row.items()
                      if key not in ("seed", "solved", "solved_from", "outcome", "command")
                      and not key.startswith("output_")]
        if csv_listed != listed:
            fail(f"{name}: seed {seed}: the CSV's parameters {csv_listed}, the page's {listed}")
        print(f"{name}: seed {seed} ({'solved' if solved == 'yes' else 'not solved'}, {outcome}) "
              f"reproduced by '{command}'")


def choose_xor(rows):
    """The first and last seed, one of the second lane group, and the first stuck run and the
    first unsolved run, if any."""
    seeds = {min(rows), max(rows), min(rows) + 17}
    stuck = [seed for seed, cells in sorted(rows.items()) if cells[3].startswith("stuck")]
    unsolved = [seed for seed, cells in sorted(rows.items()) if cells[1] == "no"]
    if not stuck:
        fail("no stuck run among the XOR seeds: choose a sweep that has one")
    seeds.add(stuck[0])
    if unsolved:
        seeds.add(unsolved[0])
    return sorted(seeds)


def main():
    program = pathlib.Path(sys.argv[1]).resolve()
    work = pathlib.Path(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    check_sweep(program, work, "xor", ["xor", "--seeds", "64"], choose_xor)
    check_sweep(program, work, "or-tanh-float",
                ["or-tanh", "--seeds", "20", "--seed", "1000", "--epochs", "300",
                 "--learning-rate", "0.3", "--scalar", "float"],
                lambda rows: [min(rows), min(rows) + 9, max(rows)])
    print("PASS")


if __name__ == "__main__":
    main()
