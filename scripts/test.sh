#!/usr/bin/env bash
# Quick start 2: set up from nothing and pass the tests (what CI runs).
set -uo pipefail
cd "$(dirname "$0")/.."
export CHARTCODER_CODESETS="${CHARTCODER_CODESETS:-$(cd .. && pwd)/shared/data/codesets}"
export CHARTCODER_NOTES="${CHARTCODER_NOTES:-$(cd .. && pwd)/shared/data/notes}"
rm -f .tmp/vitest-results.json .tmp/playwright-results.json
npm ci --no-audit --no-fund || exit 1
npm test
rc=$?
node scripts/test-summary.mjs
exit $rc
