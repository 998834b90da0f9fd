#!/usr/bin/env bash
# Quick start 1: set up, build the extension with the embedded default code pack, and run the
# core on it from the command line (this machine has no display for the side panel).
set -euo pipefail
cd "$(dirname "$0")/.."
export CHARTCODER_CODESETS="${CHARTCODER_CODESETS:-$(cd .. && pwd)/shared/data/codesets}"
if [ ! -d "$CHARTCODER_CODESETS" ]; then
  echo "No release files at $CHARTCODER_CODESETS: downloading the pinned official files instead."
  npm ci --no-audit --no-fund
  npm run -s codesets:fetch
else
  npm ci --no-audit --no-fund
fi
npm run -s build:all
echo
echo "== Extension built: .output/chrome-mv3 and .output/firefox-mv3 (load unpacked); bundled pack: =="
npm run -s cli -- codeset info --date "$(date +%F)"
echo
echo "== analyze data/samples/visit-note.txt (office visit, date of service today) =="
npm run -s cli -- analyze data/samples/visit-note.txt --date "$(date +%F)"
echo
echo "== code lookup E11.22 =="
npm run -s cli -- code lookup E11.22
