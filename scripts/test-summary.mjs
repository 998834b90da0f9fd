// Prints the plain closing line CI reads ("Tests: N passed, N failed, N skipped") from Vitest's JSON report.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? '.tmp/vitest-results.json';
if (!existsSync(file)) {
  console.log('Tests: 0 passed, 1 failed (no Vitest report: the run stopped before the tests)');
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
