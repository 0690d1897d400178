#!/usr/bin/env bash
# Installs the Debian packages that ctnn's build, tests and trainer need; does nothing when all are there.
# SPDX-License-Identifier: BSL-1.0
set -euo pipefail

packages=(
  g++ clang clang-19 cmake ninja-build libboost-dev catch2 time  # the library, its tests, run-tests.sh
  pkgconf dpkg-dev                                     # its packaging tests: pkg-config, cpack's .deb
  libcli11-dev libfmt-dev nlohmann-json3-dev           # the trainer
  libxml2-utils libclang-rt-14-dev                     # its tests: xmllint; libFuzzer and sanitizers
  libbenchmark-dev libfann-dev                         # the benchmarks
  mkdocs groff-base                                    # the documentation site, the man page
  chromium chromium-driver python3-selenium            # the trainer's pages tested in a browser
  python3-html5lib python3-pil                         #   (trainer/tests/browser/browser.py)
)

is_installed() {
  # `dpkg -s` also succeeds for a removed package whose config files remain, so read its status.
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "install-deps: this script needs Debian's dpkg and apt; install these yourself: ${packages[*]}" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  is_installed "$package" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

as_root=()
if ((EUID != 0)); then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: missing ${missing[*]}; run as root or install sudo" >&2
    exit 1
  fi
  # Without a terminal nobody can type a password: fail at once rather than wait.
  if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
fi

echo "install-deps: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300)
if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; } \
       >"$log" 2>&1 </dev/null; then
  cat "$log" >&2
  echo "install-deps: apt-get failed (its output is above)" >&2
  exit 1
fi

for package in "${missing[@]}"; do
  if ! is_installed "$package"; then
    echo "install-deps: $package is still not installed" >&2
    exit 1
  fi
done
