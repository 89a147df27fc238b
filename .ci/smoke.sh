#!/usr/bin/env bash
# Runs the README's first command's server part (`npx tsunagi serve`) in a scratch folder and waits for /health.
set -euo pipefail
dir=$1
mkdir -p "$dir"
root=$(pwd)
port=18080
(cd "$dir" && exec "$root/bin/tsunagi.js" serve --port "$port") >"$dir/serve.log" 2>&1 &
pid=$!
ok=
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/health" >"$dir/health.json" 2>/dev/null; then ok=1; break; fi
  sleep 0.5
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
cat "$dir/serve.log"
[ -n "$ok" ] || { echo "tsunagi serve did not answer /health"; exit 1; }
cat "$dir/health.json"; echo
grep -q '"status":"ok"' "$dir/health.json"
[ -f "$dir/data/tsunagi.db" ] || { echo "no SQLite file under ./data"; exit 1; }
grep -q "Set up from .*callback-via-task/setup.json" "$dir/serve.log" || { echo "the first start did not set up the scenario"; exit 1; }
grep -q "/phone" "$dir/serve.log" || { echo "the first start did not print the web phone's URL"; exit 1; }
"$root/bin/tsunagi.js" --help | grep -q "flow" || { echo "tsunagi --help does not list its commands"; exit 1; }
echo "smoke test passed"
