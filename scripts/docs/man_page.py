#!/usr/bin/env python3
"""Converts docs/trainer.md, the trainer's reference page, to the manual page ctnn-train.1.

Usage: man_page.py PAGE.md OUTPUT.1 --version V [--gzip OUTPUT.1.gz]

The page is written for MkDocs; this reads the subset of Markdown it uses and fails, naming the
line, on anything else, so that the manual cannot silently lose part of the page:

  # Title              the manual's name (.TH); the first paragraph after it, which must begin
                       with `name`, becomes the NAME line ("name \\- the rest")
  ## Section           .SH, its title in capitals (Synopsis -> SYNOPSIS, Exit status -> EXIT STATUS)
  ### Subsection       .SS
  paragraphs           .PP, lines joined
  - item / 1. item     .IP with a bullet or a number; an item that begins with `code` followed by
                       ": " is a tagged paragraph (.TP), as options are in a manual
  | a | b |  tables    one tagged paragraph per row: the first cell the tag, the other cells below
                       it, each after its column's heading when there are more than two columns
  ```lang fences       .nf/.fi, indented (.RS/.RE)
  `code` **bold**      \\fB...\\fR;  *emphasis* -> \\fI...\\fR
  [text](target)       the text alone
  <a id="x"></a>       anchors for the web page: dropped

The sections NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXIT STATUS, FILES and SEE ALSO must all be
there (NAME from the title, the rest from ## headings). The output depends on nothing but the
page and the version: no date is read from the clock, so the build is reproducible.
"""
import argparse
import gzip
import re
import sys

REQUIRED = ["SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "FILES", "SEE ALSO"]


class PageError(Exception):
    pass


def escape(text):
    """Plain text to roff: backslashes, hyphens (\\- is a minus, which flags need to be) and the
    characters that groff would turn into typographic quotes."""
    text = text.replace("\\", "\\e")
    text = text.replace("-", "\\-")
    text = text.replace("'", "\\(aq").replace("`", "\\(ga")
    return text


INLINE = re.compile(
    r"(?P<code>`[^`]+`)|(?P<strong>\*\*[^*]+\*\*)|(?P<em>\*[^*\s][^*]*\*)"
    r"|(?P<link>\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\))|(?P<anchor><a id=\"[^\"]*\"></a>)")


def inline(text):
    """Markdown inline markup to roff, escaping everything else."""
    out = []
    position = 0
    for match in INLINE.finditer(text):
        out.append(escape(text[position:match.start()]))
        if match.group("code"):
            # \% keeps groff from hyphenating a flag or a name.
            out.append("\\fB\\%" + escape(match.group("code")[1:-1]) + "\\fR")
        elif match.group("strong"):
            out.append("\\fB" + inline(match.group("strong")[2:-2]) + "\\fR")
        elif match.group("em"):
            out.append("\\fI" + inline(match.group("em")[1:-1]) + "\\fR")
        elif match.group("link"):
            out.append(inline(match.group("text")))
        position = match.end()
    out.append(escape(text[position:]))
    result = "".join(out)
    # A line that starts with a period or an apostrophe would be read as a request.
    if result.startswith(".") or result.startswith("'"):
        result = "\\&" + result
    return result


def text_lines(text):
    """Roff for a block of running text, its lines joined (inline code may span them)."""
    return [inline(" ".join(line.strip() for line in text.split("\n") if line.strip()))]


def table_cells(line):
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        raise PageError("a table row must begin and end with '|'")
    # A "\|" inside a cell is a literal bar.
    cells = re.split(r"(?<!\\)\|", line[1:-1])
    return [cell.strip().replace("\\|", "|") for cell in cells]


class Converter:
    def __init__(self, lines):
        self.lines = lines
        self.i = 0
        self.out = []
        self.title = None
        self.sections = []

    def fail(self, message):
        raise PageError(f"line {self.i + 1}: {message}")

    def emit(self, *lines):
        self.out.extend(lines)

    def run(self, version):
        line = self.lines[0] if self.lines else ""
        if not line.startswith("# "):
            self.fail("the page must begin with '# <name>'")
        self.title = line[2:].strip()
        self.i = 1
        self.skip_blank()
        first = self.paragraph()
        prefix = f"`{self.title}` "
        if not first.startswith(prefix):
            self.fail(f"the first paragraph must begin with {prefix!r}: it is the NAME line")
        summary = " ".join(first[len(prefix):].split()).rstrip(".")
        name = escape(self.title)
        self.emit(f'.TH {name.upper()} 1 "" "{escape(self.title)} {escape(version)}" '
                  f'"User Commands"', ".SH NAME", f"{name} \\- {inline(summary)}")
        self.skip_blank()
        if self.i < len(self.lines) and not self.lines[self.i].startswith("## "):
            self.fail("the NAME paragraph must be followed by a '## ' section")
        while self.i < len(self.lines):
            self.block()
        missing = [s for s in REQUIRED if s not in self.sections]
        if missing:
            raise PageError("no section " + ", ".join(missing) + " (## headings)")
        return "\n".join(self.out) + "\n"

    def skip_blank(self):
        while self.i < len(self.lines) and not self.lines[self.i].strip():
            self.i += 1

    def paragraph(self):
        """The text of a paragraph: lines up to a blank line or the start of another block."""
        parts = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip() or self.starts_block(line):
                break
            parts.append(line.strip())
            self.i += 1
        return "\n".join(parts)

    @staticmethod
    def starts_block(line):
        return (line.startswith("#") or line.startswith("```") or line.startswith("|")
                or re.match(r"^(- |\d+\. )", line) is not None)

    def block(self):
        line = self.lines[self.i]
        if not line.strip():
            self.i += 1
        elif re.fullmatch(r'<a id="[^"]*"></a>', line.strip()):
            self.i += 1
        elif line.startswith("## "):
            title = re.sub(r"\s*\{[^}]*\}$", "", line[3:].strip()).upper()
            self.sections.append(title)
            self.emit(f".SH {escape(title)}")
            self.i += 1
        elif line.startswith("### "):
            self.emit(f'.SS "{inline(line[4:].strip())}"')
            self.i += 1
        elif line.startswith("#"):
            self.fail("only '## ' and '### ' headings may follow the title")
        elif line.startswith("```"):
            self.fence()
        elif line.startswith("|"):
            self.table()
        elif re.match(r"^(- |\d+\. )", line):
            self.list_()
        elif line.startswith((" ", "\t", ">", "<")):
            self.fail(f"unsupported Markdown (indented or quoted block, or HTML): {line.strip()!r}")
        else:
            self.emit(".PP", *text_lines(self.paragraph()))

    def fence(self):
        opening = self.lines[self.i]
        self.i += 1
        body = []
        while self.i < len(self.lines) and not self.lines[self.i].startswith("```"):
            body.append(self.lines[self.i])
            self.i += 1
        if self.i == len(self.lines):
            self.fail(f"the code block opened by {opening!r} is not closed")
        self.i += 1
        self.emit(".PP", ".RS 4", ".nf")
        for line in body:
            # \& keeps a leading period or apostrophe from being a request, and keeps an empty
            # line a line of the example.
            self.emit("\\&" + escape(line))
        self.emit(".fi", ".RE")

    def table(self):
        header = table_cells(self.lines[self.i])
        self.i += 1
        if self.i >= len(self.lines) or not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+",
                                                         self.lines[self.i].strip()):
            self.fail("a table's heading must be followed by its |---| line")
        self.i += 1
        while self.i < len(self.lines) and self.lines[self.i].startswith("|"):
            try:
                cells = table_cells(self.lines[self.i])
            except PageError as error:
                self.fail(str(error))
            if len(cells) != len(header):
                self.fail(f"a row of {len(cells)} cells in a table of {len(header)} columns")
            self.emit(".TP", inline(cells[0]))
            if len(cells) == 2:
                self.emit(inline(cells[1]))
            else:
                for number, (heading, cell) in enumerate(zip(header[1:], cells[1:])):
                    if number:
                        self.emit(".br")
                    self.emit(f"\\fI{escape(heading)}:\\fR {inline(cell)}")
            self.i += 1

    def list_(self):
        while self.i < len(self.lines):
            match = re.match(r"^(- |(\d+)\. )(.*)$", self.lines[self.i])
            if not match:
                break
            self.i += 1
            item = [match.group(3)]
            # Continuation lines of an item are indented.
            while (self.i < len(self.lines) and self.lines[self.i].startswith("  ")
                   and self.lines[self.i].strip()):
                item.append(self.lines[self.i].strip())
                self.i += 1
            text = "\n".join(item)
            tagged = re.match(r"^(`[^`]+`(?: or `[^`]+`)*): (.*)$", text, re.S)
            if tagged and match.group(1) == "- ":
                self.emit(".TP", inline(tagged.group(1)), *text_lines(tagged.group(2)))
            else:
                mark = "\\(bu" if match.group(1) == "- " else match.group(2) + "."
                self.emit(f".IP {mark} 4", *text_lines(text))
            # Items are separated by at most one blank line; a blank line then a non-item ends it.
            if (self.i + 1 < len(self.lines) and not self.lines[self.i].strip()
                    and re.match(r"^(- |\d+\. )", self.lines[self.i + 1])):
                self.i += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page")
    parser.add_argument("output")
    parser.add_argument("--version", required=True)
    parser.add_argument("--gzip", help="also write the page compressed (gzip -9n) to this file")
    args = parser.parse_args()
    with open(args.page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    try:
        roff = Converter(lines).run(args.version)
    except PageError as error:
        print(f"{args.page}: {error}", file=sys.stderr)
        return 1
    header = (f'.\\" ctnn-train(1), generated from {args.page.split("/")[-1]} by man_page.py: '
              "edit the page, not this file.\n")
    roff = header + roff
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(roff)
    if args.gzip:
        # No name and no time in the header (gzip -n): the same page gives the same bytes.
        with open(args.gzip, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                         compresslevel=9, mtime=0) as f:
            f.write(roff.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
