#!/usr/bin/env bash
# `npm run demo [-- --reset]`: install, build the API and the SPA, then run the demo in this process (exec),
# so Ctrl-C reaches it directly and it stops cleanly, without a package manager's "command failed" noise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/pnpm.sh install --frozen-lockfile --reporter=silent
bash scripts/pnpm.sh exec turbo run build --filter=@nce/api --filter=@nce/admin --output-logs=errors-only
cd apps/api
exec node ./dist/scripts/demo.js "$@"
