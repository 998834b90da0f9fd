#!/usr/bin/env bash
# Quick start 2: set up from nothing and pass the tests (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHARTCODER_CODESETS="${CHARTCODER_CODESETS:-$(cd .. && pwd)/shared/data/codesets}"
export CHARTCODER_NOTES="${CHARTCODER_NOTES:-$(cd .. && pwd)/shared/data/notes}"
npm ci --no-audit --no-fund
npm test
