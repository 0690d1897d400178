#!/usr/bin/env python3
"""Writes every ```cpp block of the documentation's pages to its own source file, so that the
build compiles each one (and runs those with a main) and no example can go stale.

Usage: extract_examples.py <output directory> <page.md>...
Prints one line per example, "<name>|<file>|<runs>", for docs/CMakeLists.txt; <name> is
<page>.<n>, n counting the page's cpp blocks from 1. Other blocks (```sh, ```text, ...) are not
compiled. A file is rewritten only when its text changes, so that an unchanged example is not
rebuilt.
"""
# SPDX-License-Identifier: BSL-1.0

import pathlib
import re
import sys

FENCE = re.compile(r"^(\s*)```(\S*)\s*$")


def blocks(page):
    """(first line number, language, text) of each fenced block of `page`."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found, language, start, body = [], None, 0, []
    for number, line in enumerate(lines, 1):
        fence = FENCE.match(line)
        if language is None:
            if fence:
                language, start, body = fence.group(2), number + 1, []
        elif fence and not fence.group(2):
            found.append((start, language, "\n".join(body) + "\n"))
            language = None
        else:
            body.append(line)
    if language is not None:
        sys.exit(f"{page}:{start - 1}: a ``` block is not closed")
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for page in map(pathlib.Path, sys.argv[2:]):
        count = 0
        for line, language, text in blocks(page):
            if language != "cpp":
                continue
            count += 1
            name = f"{page.stem}.{count}"
            source = out / f"{page.stem}_{count}.cpp"
            contents = f'#line {line} "{page.resolve()}"\n{text}'
            if not source.exists() or source.read_text(encoding="utf-8") != contents:
                source.write_text(contents, encoding="utf-8")
            runs = re.search(r"\bint\s+main\s*\(", text) is not None
            print(f"{name}|{source}|{int(runs)}")


if __name__ == "__main__":
    main()
