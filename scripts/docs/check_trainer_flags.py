#!/usr/bin/env python3
"""Checks that docs/trainer.md keeps up with ctnn-train: every command and flag that the program's
help lists (`--help`, and `<command> --help` for each command it lists) must be described on the
page, as the tag of a list item (a line "- `--seeds N`: ..." or "- `--help` or `-h`: ..."), and
every --flag the page names anywhere must be one that the help lists.

Usage: check_trainer_flags.py CTNN_TRAIN PAGE.md     (exit 0: in step; 1: what differs is printed)
"""
import re
import subprocess
import sys

def help_text(program, *args):
    result = subprocess.run([program, *args, "--help"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"check_trainer_flags: {program} {' '.join(args)} --help exited "
                 f"{result.returncode}: {result.stderr.strip()}")
    return result.stdout


def listed(text):
    """The flags and the subcommands a CLI11 help text lists."""
    flags, commands, section = set(), [], None
    for line in text.splitlines():
        if re.fullmatch(r"[A-Z][a-z]+:", line.strip()) and not line.startswith(" "):
            section = line.strip()[:-1]
            continue
        if not line.startswith("  "):
            continue
        first = line.split()[0]
        if section == "Options":
            flags.update(name for name in first.split(",") if name.startswith("-"))
        elif section == "Subcommands":
            commands.append(first)
    return flags, commands


def main():
    program, page_path = sys.argv[1:3]
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    flags, commands = listed(help_text(program))
    if not commands:
        sys.exit("check_trainer_flags: ctnn-train --help lists no commands")
    for command in commands:
        flags |= listed(help_text(program, command))[0]
    problems = []
    # The tags of list items: "- `--seeds N`: ..." describes --seeds; "- `sweep`: ..." sweep.
    described = set()
    for tags in re.findall(r"^- (`[^`]+`(?: or `[^`]+`)*):", page, re.M):
        described.update(tag.split()[0] for tag in re.findall(r"`([^`]+)`", tags))
    for command in commands:
        if command not in described:
            problems.append(f"the command '{command}' ({program} --help) is not described on "
                            "the page (as '- `" + command + "`: ...')")
    for flag in sorted(flags):
        if flag not in described:
            problems.append(f"the flag '{flag}' (--help) is not described on the page "
                            "(as '- `" + flag + " ...`: ...')")
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", page)) | described
    for flag in sorted(name for name in named - flags if name.startswith("-")):
        problems.append(f"the page names '{flag}', which no --help lists")
    for problem in problems:
        print(f"{page_path}: {problem}")
    print(f"check_trainer_flags: {len(commands)} commands, {len(flags)} flags; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
