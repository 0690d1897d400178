#!/usr/bin/env python3
"""Checks a built documentation site for links that lead nowhere: every href and src of every page
must name a file of the site, and every #fragment an id (or name) on the page it leads to. Links
to other sites (http, https, mailto) are listed, not followed: the site is read from disk, offline.

Usage: check_site.py <site directory>
"""
# SPDX-License-Identifier: BSL-1.0

import html.parser
import pathlib
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.anchors = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(key):
                self.anchors.add(attributes[key])
        for key in ("href", "src"):
            if attributes.get(key) is not None and tag != "base":
                self.links.append((tag, attributes[key]))


def parse(path):
    page = Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = pathlib.Path(sys.argv[1]).resolve()
    pages = {path: parse(path) for path in site.rglob("*.html")}
    if not pages:
        sys.exit(f"check_site: no pages under {site}")
    problems, outside = [], set()
    for path, page in sorted(pages.items()):
        for tag, link in page.links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc:
                if parts.scheme not in ("http", "https", "mailto", "data"):
                    problems.append(f"{path.relative_to(site)}: <{tag}> {link}: unexpected scheme")
                elif parts.scheme != "data":
                    outside.add(link)
                continue
            target = path if not parts.path else (path.parent / urllib.parse.unquote(parts.path))
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{path.relative_to(site)}: <{tag}> {link}: no such file")
                continue
            if parts.fragment and target.suffix == ".html":
                anchors = (pages.get(target) or parse(target)).anchors
                if urllib.parse.unquote(parts.fragment) not in anchors:
                    problems.append(f"{path.relative_to(site)}: <{tag}> {link}: no such anchor")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"check_site: {len(pages)} pages, {sum(len(p.links) for p in pages.values())} links, "
          f"{len(outside)} to other sites (not followed), {len(problems)} broken")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
