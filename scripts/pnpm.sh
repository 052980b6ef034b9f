#!/usr/bin/env bash
# Runs the pnpm version pinned in package.json ("packageManager") on a machine that has only Node 20.
# corepack's signature check fails against this registry mirror, so npx fetches the pinned pnpm instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
version=$(node -p "require('$here/package.json').packageManager.split('@')[1]")
exec npx --yes "pnpm@$version" "$@"
