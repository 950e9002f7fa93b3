#!/usr/bin/env bash
# The README's first command: installs, builds, ingests the bundled demo
# corpus into ./parley.db (embedded SQLite) and serves the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${PARLEY_DB:-parley.db}"
port="${PORT:-8080}"

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run build

echo "== ingesting demo/corpus into $db"
node bin/parley.js ingest --db "$db" demo/corpus
node bin/parley.js stats --db "$db"

if [ "${PARLEY_DEMO_NO_SERVE:-}" = 1 ]; then exit 0; fi
echo "== dashboard on http://127.0.0.1:$port (Ctrl-C to stop)"
exec node bin/parley.js serve --db "$db" --port "$port"
