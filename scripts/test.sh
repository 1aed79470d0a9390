#!/usr/bin/env bash
# The test command (README, .ci/run): sets up what is missing, then runs every test —
# unit specs, integration specs against real NATS/PostgreSQL/Docker, and end-to-end specs
# with the real kubectl. Extra arguments go to jest (e.g. --selectProjects unit).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
source .wake/env
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
mkdir -p .wake
status=0
npx jest --selectProjects unit int e2e --maxWorkers=2 --json --outputFile=.wake/jest-results.json "$@" || status=$?
node -e '
  const r = require("./.wake/jest-results.json");
  const failedSuites = r.testResults.filter((s) => s.status === "failed" && !s.assertionResults.some((a) => a.status === "failed")).length;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed`);
' 2>/dev/null || true
exit $status
