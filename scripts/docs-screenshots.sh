#!/usr/bin/env bash
# Refreshes docs/walkthrough/*.png from the browser walk-through of the scenario (test/web/scenario-walkthrough.test.ts):
# builds the web app, runs the walk-through in Chromium, copies the screenshots docs/WALKTHROUGH.md shows.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
npx vitest run test/web/scenario-walkthrough.test.ts
for shot in 02-console-template-t5 04-console-flows 05-console-routing-profiles 08-console-quick-connects-x2 \
  11-phone-waiting 13-agent2-offer 14-agent2-task-v2 16-agent2-transfer-refused 17-agent1-offered-task-on-call \
  19-agent2-create-task 21-supervisor-search 22-supervisor-rescheduled 23-agent3-no-task-creation; do
  cp ".test-output/screenshots/walkthrough-$shot.png" "docs/walkthrough/$shot.png"
done
echo "docs/walkthrough: $(ls docs/walkthrough | wc -l) screenshots"
