#!/usr/bin/env bash
# The README's test command: installs everything a fresh machine lacks
# (npm packages; Debian's chromium and postgresql when run as root), starts a
# throwaway PostgreSQL, builds, and runs the whole test suite against both
# store engines and a headless browser.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${need[*]} (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "== missing ${need[*]}: install them (sudo apt-get install ${need[*]}) or run as root" >&2
  fi
fi

echo "== npm ci"
npm ci --no-audit --no-fund
npm install-scripts ls >/dev/null 2>&1 || true

echo "== build"
npm run build

echo "== tests (SQLite, PostgreSQL, browser)"
if [ -x scripts/pg-test.sh ]; then
  bash scripts/pg-test.sh npx vitest run
else
  npx vitest run
fi
