// Prints the plain closing line CI reads ("Tests: N passed, N failed, N skipped") from the
// Vitest and Playwright JSON reports together. A missing report counts as a failure.
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const vitest = '.tmp/vitest-results.json';
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else missing.push('Vitest');

const pw = '.tmp/playwright-results.json';
if (existsSync(pw)) {
  const report = JSON.parse(readFileSync(pw, 'utf8'));
  const s = report.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  // A run that could not start (e.g. the fixture server) reports errors and no tests.
  if (report.errors?.length) {
    failed += report.errors.length;
    for (const e of report.errors) console.log(`Playwright error: ${String(e.message ?? e).split('\n')[0]}`);
  }
} else missing.push('Playwright');

if (missing.length) failed += missing.length;
console.log(
  `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped${missing.length ? ` (no ${missing.join(' / ')} report: the run stopped before those tests)` : ''}`,
);
