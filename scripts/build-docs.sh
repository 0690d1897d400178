#!/usr/bin/env bash
# Builds ctnn's documentation site with MkDocs (warnings are errors) and checks its links.
# SPDX-License-Identifier: BSL-1.0
#
# Usage: scripts/build-docs.sh [site directory]   (default: build/site)
# Then open <site directory>/index.html in a browser: the site is read from disk, no server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
site=${1:-build/site}
if ! command -v mkdocs >/dev/null; then
  echo "build-docs: mkdocs is not installed (Debian: apt-get install mkdocs)" >&2
  exit 1
fi
# Debian's mkdocs is a Python program of /usr/bin/python3; the checker needs only the standard
# library.
mkdocs build --strict --quiet --clean --config-file mkdocs.yml --site-dir "$site"
python3 scripts/docs/check_site.py "$site"
