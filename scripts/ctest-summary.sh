#!/usr/bin/env bash
# Runs ctest with the given arguments and shows, for each test, its own closing lines (doctest's
# summary, node's test runner, "N passed, N failed") plus ctest's verdict; the whole output of a
# failing run is printed so CI logs say why.
set -uo pipefail
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
ctest "$@" -V >"$log" 2>&1
rc=$?
grep -E '^[0-9]+: (\[doctest\] (test cases|assertions|Status)|.*\b[0-9]+ passed, [0-9]+ failed\b|# (tests|pass|fail) )|^ *[0-9]+/[0-9]+ Test|tests passed|tests failed|No tests were found' "$log" || true
if [ "$rc" -ne 0 ]; then
  echo "--- ctest failed (exit $rc); its output: ---"
  tail -n 400 "$log"
fi
exit "$rc"
