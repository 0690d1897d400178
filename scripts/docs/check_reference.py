#!/usr/bin/env python3
"""Checks that docs/reference.md documents every public name of ctnn, so that the reference page
cannot fall behind the headers.

Usage: check_reference.py [<repository root>] [--list]

A public name is one declared at namespace scope in namespace ctnn, or in a namespace inside it
other than `detail`, by a public header (include/ctnn.hpp, include/ctnn/*.hpp, and
include/ctnn/{math,presets,reference}/*.hpp): a struct, class, concept, alias (`using name =`),
function (template) or variable (template); and every macro CTNN_* that is not CTNN_DETAIL_*.
The page documents a name with a heading whose anchor is the name (`### name`, MkDocs' anchor:
lower case, punctuation dropped) or with an explicit `id="..."`. A name of ctnn itself is looked
up by itself (`train`); one of a nested namespace by the namespace and the name joined with a
hyphen (`reference-train`, `homework-or_neuron`, `bad_topology-layer`); a macro in lower case
(`ctnn_version`); an operator by the key in OPERATORS. --list prints every name and its anchor.
Exits 1, naming each missing anchor, if the page lacks one.
"""
# SPDX-License-Identifier: BSL-1.0

import pathlib
import re
import sys

OPERATORS = {"operator<<": "operator-insertion"}
KEYWORDS = {"requires", "decltype", "sizeof", "alignas", "alignof", "noexcept", "static_assert",
            "if", "for", "while", "return", "explicit"}


def strip(text):
    """`text` without comments, string and character literals, or preprocessor lines."""
    text = re.sub(r"//[^\n]*|/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"|\'(\\.|[^\'\\\n])*\'', '""', text)
    text = re.sub(r"^[ \t]*#(.*\\\n)*.*$", " ", text, flags=re.M)
    return text


def drop_template_heads(chunk):
    """`chunk` without its `template <...>` heads (nested angle brackets included)."""
    while True:
        match = re.search(r"\btemplate\s*<", chunk)
        if not match:
            return chunk
        depth, i = 1, match.end()
        while i < len(chunk) and depth:
            depth += {"<": 1, ">": -1}.get(chunk[i], 0)
            i += 1
        chunk = chunk[:match.start()] + " " + chunk[i:]


def declared_name(chunk):
    """The name that a namespace-scope declaration `chunk` declares, or None."""
    chunk = drop_template_heads(chunk)
    chunk = re.sub(r"\[\[.*?\]\]", " ", chunk, flags=re.S)
    chunk = re.sub(r"\brequires\b.*?(?=\b(constexpr|inline|struct|class|static)\b)", " ", chunk,
                   flags=re.S)
    chunk = " ".join(chunk.split())
    if not chunk or chunk.startswith(("namespace ", "using namespace", "static_assert")):
        return None
    for pattern in (r"^(?:enum\s+)?(?:struct|class)\s+(\w+)", r"\bconcept\s+(\w+)",
                    r"^using\s+(\w+)\s*="):
        match = re.search(pattern, chunk)
        if match:
            return match.group(1)
    match = re.search(r"\boperator\s*([^\s(\w]+)\s*\(", chunk)
    if match:
        return "operator" + match.group(1)
    head = chunk.split("=", 1)[0]
    if "(" not in head:  # a variable (template)
        names = re.findall(r"\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*$", head)
        return names[0] if names else None
    for name in re.findall(r"\b([A-Za-z_]\w*)\s*\(", chunk):
        if name not in KEYWORDS:
            return name
    return None


def public_names(root):
    """{anchor: (name, header)} of every public name the public headers declare."""
    include = root / "include"
    headers = [include / "ctnn.hpp"] + sorted((include / "ctnn").glob("*.hpp"))
    for sub in ("math", "presets", "reference"):
        headers += sorted((include / "ctnn" / sub).glob("*.hpp"))
    found = {}
    for header in headers:
        raw = header.read_text(encoding="utf-8")
        where = str(header.relative_to(include))
        for macro in re.findall(r"^[ \t]*#[ \t]*define[ \t]+(CTNN_\w+)", raw, flags=re.M):
            if not macro.startswith("CTNN_DETAIL_"):
                found.setdefault(macro.lower(), (macro, where))
        text = strip(raw)
        scopes = []  # each open brace: a namespace's path, or None for any other scope
        chunk_start = 0
        # Whether the text since the last boundary starts a declaration: not after a brace that
        # closes a body or initialiser followed by more of the same declaration (`= {}, ...`,
        # `requires { ... } && ...`, `[] { ... }();`).
        fresh = True
        for match in re.finditer(r"[{};]", text):
            char = match.group()
            chunk = text[chunk_start:match.start()]
            chunk_start = match.end()
            at_namespace = all(scope is not None for scope in scopes)
            path = [part for scope in scopes if scope for part in scope]
            public = at_namespace and path[:1] == ["ctnn"] and "detail" not in path
            if at_namespace and not fresh and chunk.strip() and re.match(r"\s*[A-Za-z_\[]",
                                                                         chunk):
                fresh = True  # a function body ended: this chunk is a new declaration
            if char == "}":
                closed = scopes.pop() if scopes else None
                fresh = closed is not None
                continue
            if char == "{":
                space = re.search(r"\bnamespace\s+([\w:]+)\s*$", chunk)
                if at_namespace and space:
                    # CTNN_NAMESPACE is ctnn (or an inline namespace in it: ctnn/detail/namespace.hpp).
                    scopes.append(space.group(1).replace("CTNN_NAMESPACE", "ctnn").split("::"))
                    fresh = True
                    continue
                scopes.append(None)
            if public and fresh:
                name = declared_name(chunk)
                if name:
                    key = OPERATORS.get(name, name)
                    anchor = "-".join(path[1:] + [key]).lower()
                    found.setdefault(anchor, (name, where))
            if at_namespace:
                fresh = char == ";"
    return found


def slug(heading):
    """MkDocs' (Python-Markdown toc's) anchor of a heading's text."""
    text = re.sub(r"<[^>]+>|`", "", heading)
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def page_anchors(page):
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    anchors = {slug(h) for h in re.findall(r"^#{1,6}\s+(.*?)\s*#*\s*$", text, flags=re.M)}
    anchors |= set(re.findall(r'\bid="([^"]+)"', text))
    return anchors


def main():
    args = [a for a in sys.argv[1:] if a != "--list"]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parents[2])
    names = public_names(root)
    if "--list" in sys.argv:
        for anchor, (name, header) in sorted(names.items(), key=lambda item: item[1][1]):
            print(f"{header}: {name} -> #{anchor}")
    anchors = page_anchors(root / "docs" / "reference.md")
    missing = [(header, name, anchor) for anchor, (name, header) in names.items()
               if anchor not in anchors]
    for header, name, anchor in sorted(missing):
        print(f"docs/reference.md: no heading or id for {name} ({header}): "
              f"expected anchor #{anchor}")
    print(f"{len(names) - len(missing)} of {len(names)} public names documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
