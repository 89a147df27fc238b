#!/usr/bin/env bash
# Runs the README's test command (npm test) and ends with one line "<label>: N passed, N failed[, N skipped]".
set -uo pipefail
label=${1:-tests}
out=.test-output
mkdir -p "$out"
npm test -- --reporter=default --reporter=json --outputFile="$out/results.json"
status=$?
node -e '
const r = require(process.argv[1]);
const skipped = r.numPendingTests + (r.numTodoTests ?? 0);
console.log(`${process.argv[2]}: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' "$PWD/$out/results.json" "$label" || status=1
exit $status
