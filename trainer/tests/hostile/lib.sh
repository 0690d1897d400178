# The harness of ctnn-train's hostile-input tests: each *.sh beside this file is one CTest test
# (hostile.<name>) that sources this file, runs the trainer as an attacker or a careless user
# would, and checks what the issue promises: bad input gets one line on stderr and exit 2, a
# diverging run exit 3, and a refused or interrupted run leaves nothing behind.
# SPDX-License-Identifier: BSL-1.0
#
# Usage (CTest does this): bash <case file> <ctnn-train binary>
# A case file calls `check ...` for each expectation and ends with `finish`, which prints the
# plain closing line "N passed, N failed" and exits non-zero if any check failed.
set -u
trainer=${1:?usage: $0 <ctnn-train binary>}
trainer=$(cd "$(dirname "$trainer")" && pwd)/$(basename "$trainer")
passed=0
failed=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/ctnn-hostile.XXXXXX")
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

# fresh: a new empty directory for one case; cd into it.
fresh() {
  case_dir=$scratch/$1
  rm -rf "$case_dir"
  mkdir -p "$case_dir"
  cd "$case_dir" || exit 1
}

# T <args...>: runs the trainer in the current directory with stdin from /dev/null; sets $status,
# and $out and $err to what it printed on stdout and stderr.
T() {
  local out_file=$scratch/.out err_file=$scratch/.err
  "$trainer" "$@" </dev/null >"$out_file" 2>"$err_file"
  status=$?
  out=$(cat "$out_file")
  err=$(cat "$err_file")
}

# check <description> <command...>: one expectation; the command's success is the check's.
check() {
  local description=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $description"
  else
    failed=$((failed + 1))
    echo "not ok - $description"
    echo "  # status $status; stderr: ${err:0:400}"
    echo "  # stdout (last lines): $(printf '%s\n' "$out" | tail -n 3)"
  fi
}

# Predicates for check.
status_is() { [[ $status == "$1" ]]; }
# stderr is exactly one line and matches the extended regex.
one_error_line() { [[ $(printf '%s\n' "$err" | wc -l) == 1 && $err =~ $1 ]]; }
# the current case directory holds exactly these entries (hidden ones included), e.g.
# `only_entries model.json`; with no argument, none.
only_entries() {
  local expected actual
  expected=$(printf '%s\n' "$@" | sort | sed '/^$/d')
  actual=$(cd "$case_dir" && find . -mindepth 1 -printf '%P\n' | sort)
  [[ $expected == "$actual" ]] || { echo "  # entries: ${actual//$'\n'/ }"; return 1; }
}
# refused <regex>: exit 2, one line on stderr matching, and nothing new in the directory beyond
# the names given after the regex (what the case made before running the trainer).
refused() {
  local regex=$1
  shift
  status_is 2 && one_error_line "$regex" && only_entries "$@"
}

finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
}
