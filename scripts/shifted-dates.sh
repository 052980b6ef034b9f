#!/usr/bin/env bash
# Runs a command (a test suite) with the machine's date moved through libfaketime (Debian's `faketime`): the
# tests' fixed clock must never meet today's date, in the test process, a process it starts, or SQLite's
# CURRENT_TIMESTAMP. Only the wall clock moves; the monotonic clock that timers and timeouts use does not.
#   shifted-dates.sh +365d cmd…   once, a year ahead (the API's SQLite run; its PostgreSQL run goes a year behind)
#   shifted-dates.sh cmd…         twice, a year ahead and a year behind
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
  echo "shifted-dates: the 'faketime' command is missing (apt-get install faketime; .ci/run installs it)" >&2
  exit 1
fi
export FAKETIME_DONT_FAKE_MONOTONIC=1
shifts=(+365d -365d)
if [[ "${1:-}" =~ ^[+-][0-9]+d$ ]]; then
  shifts=("$1")
  shift
fi
for moved in "${shifts[@]}"; do
  echo "shifted-dates: the machine's date moved ${moved}: $(faketime -f "$moved" date -u +%Y-%m-%d)"
  faketime -f "$moved" "$@"
done
