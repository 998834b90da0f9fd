import { defineConfig } from '@playwright/test';

// End-to-end: Debian's Chromium (STACK.md) loads the built extension (.output/e2e/chrome-mv3,
// built by `npm run build:e2e`) and drives it on synthetic EHR pages served from 127.0.0.1.
// A port per run (set once in the runner's environment, inherited by its workers), so a second
// run or another server on the machine never collides with this one.
process.env.FIXTURE_PORT ??= String(20000 + (process.pid % 20000));
export const FIXTURE_PORT = Number(process.env.FIXTURE_PORT);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  outputDir: '.tmp/playwright',
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-results.json' }]],
  webServer: {
    command: 'node test/e2e/serve.mjs',
    url: `http://127.0.0.1:${FIXTURE_PORT}/ehr-textarea.html`,
    reuseExistingServer: false,
    env: { FIXTURE_PORT: String(FIXTURE_PORT) },
  },
});
