#!/usr/bin/env bash
# Counts the fsync/fdatasync calls the embedded database makes during 200 committed inserts
# (docs/decisions/016-start-up-durability-timeouts.md). Needs strace (apt-get install strace).
#   bash bench/embedded-fsync.sh          # Triad's embedded server (scripts/embedded-server.ts)
#   bash bench/embedded-fsync.sh stock    # the stock pglite-server, for comparison
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=$((40000 + RANDOM % 20000))
if [ "${1:-}" = stock ]; then
  server=(node node_modules/@electric-sql/pglite-socket/dist/scripts/server.js "--db=$dir/db" "--port=$port")
else
  server=(node --import tsx scripts/embedded-server.ts "$dir/db" "$port")
fi
"${server[@]}" >/dev/null 2>&1 &
pid=$!
until node -e "require('net').connect($port,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; do sleep 0.5; done
node -e "
const pg = require('pg');
(async () => {
  const c = new pg.Client('postgresql://postgres@127.0.0.1:$port/postgres');
  await c.connect();
  await c.query('CREATE TABLE IF NOT EXISTS commits (n int)');
  await c.end();
})();"
strace -f -qq -c -e trace=fsync,fdatasync -p "$pid" -o "$dir/strace" &
tracer=$!
sleep 1
node -e "
const pg = require('pg');
(async () => {
  const c = new pg.Client('postgresql://postgres@127.0.0.1:$port/postgres');
  await c.connect();
  const t = Date.now();
  for (let i = 0; i < 200; i++) await c.query('INSERT INTO commits VALUES (\$1)', [i]);
  console.log('200 commits in ' + (Date.now() - t) + ' ms');
  await c.end();
})();"
sleep 1
kill -INT "$tracer"; wait "$tracer" || true
kill "$pid"; wait "$pid" || true
if grep -q total "$dir/strace"; then cat "$dir/strace"; else echo "0 fsync/fdatasync calls"; fi
rm -rf "$dir"
