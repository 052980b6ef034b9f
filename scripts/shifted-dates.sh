#!/usr/bin/env bash
# Runs a command (a test suite) twice more, with the machine's date a year ahead and then a year behind
# today, through libfaketime (Debian's `faketime`): the tests' fixed clock must never meet today's date,
# in the test process, a process it starts, or SQLite's CURRENT_TIMESTAMP. Only the wall clock moves;
# the monotonic clock that timers and timeouts use does not.
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
  echo "shifted-dates: the 'faketime' command is missing (apt-get install faketime; .ci/run installs it)" >&2
  exit 1
fi
export FAKETIME_DONT_FAKE_MONOTONIC=1
for shift in +365d -365d; do
  echo "shifted-dates: the machine's date moved ${shift}: $(faketime -f "$shift" date -u +%Y-%m-%d)"
  faketime -f "$shift" "$@"
done
