#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15: installs PostgreSQL if it
# is missing (Debian, as root), starts a private server on 127.0.0.1 and a
# free port, exports PARLEY_PG_URL, runs the command, and stops the server and
# deletes its data when the command ends, however it ends.
#   bash scripts/pg-test.sh npx vitest run src/store
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

find_bin() {
  local name="$1"
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  # Debian keeps the server binaries out of PATH, one directory per major version.
  ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(find_bin initdb)" ] || [ -z "$(find_bin pg_ctl)" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "pg-test: initdb/pg_ctl not found and not root: install PostgreSQL (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "pg-test: installing PostgreSQL" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
INITDB="$(readlink -f "$(find_bin initdb)")"
PG_CTL="$(readlink -f "$(find_bin pg_ctl)")"
PG_BIN="$(dirname "$PG_CTL")"

# initdb refuses to run as root; the server then runs as the postgres user too.
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN_AS=(runuser -u postgres --)
fi

DATA="$(mktemp -d /tmp/parley-pg.XXXXXX)"
chmod 755 "$DATA"
[ "${#RUN_AS[@]}" -gt 0 ] && chown postgres "$DATA"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

cleanup() {
  "${RUN_AS[@]}" "$PG_CTL" -D "$DATA/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

"${RUN_AS[@]}" "$INITDB" -D "$DATA/db" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DATA/initdb.log" 2>&1 ||
  { cat "$DATA/initdb.log" >&2; exit 1; }
"${RUN_AS[@]}" "$PG_CTL" -D "$DATA/db" -l "$DATA/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DATA -c fsync=off -c full_page_writes=off" start >/dev/null ||
  { cat "$DATA/server.log" >&2; exit 1; }
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres parley

export PARLEY_PG_URL="postgres://postgres@127.0.0.1:$PORT/parley"
echo "pg-test: PARLEY_PG_URL=$PARLEY_PG_URL" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
