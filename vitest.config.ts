import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests by environment (ENGINEERING.md §8): unit + integration in Node, dom in happy-dom,
// ext with WXT's fake browser. e2e runs in Playwright, not here.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
        test: { name: 'build', environment: 'node', include: ['test/build/**/*.test.ts'] },
      },
      {
        resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
        test: { name: 'dom', environment: 'happy-dom', include: ['test/dom/**/*.test.{ts,tsx}'] },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'ext', include: ['test/ext/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
