import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { FIXTURES, launch, openPanelFor } from './harness';

/**
 * Side panel open -> first suggestions, cold: each run is a fresh browser profile; the panel is
 * opened on the textarea note as soon as the page has loaded (the background's analysis service
 * starts warming when the capture script reports the note). Measured from the panel page's
 * navigation start (its script loading counts). `bg:` marks are the background's, on the panel's clock. Prints the median and
 * the spread and writes .tmp/panel-speed.json. A measurement, not a timed assertion: the test
 * fails only if the panel never shows suggestions. Runs: CHARTCODER_COLD_RUNS (default 5).
 */
const RUNS = Math.max(1, Number(process.env.CHARTCODER_COLD_RUNS ?? 5));
/** Time the coder spends on the chart before opening the panel (default 0: opened as the page loads, the worst case). */
const DELAY_MS = Math.max(0, Number(process.env.CHARTCODER_PANEL_DELAY_MS ?? 0));

test('panel open -> first suggestions, cold: median over fresh browsers (printed)', async () => {
  test.setTimeout(RUNS * 120_000);
  const figures: { ms: number; marks: Record<string, number> }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const h = await launch();
    try {
      const page = await h.context.newPage();
      await page.goto(`${FIXTURES}/ehr-textarea.html`);
      if (DELAY_MS) await page.waitForTimeout(DELAY_MS);
      const panel = await openPanelFor(h, page);
      const main = panel.locator('main[data-first-suggestions-ms]');
      await expect(main).toBeVisible({ timeout: 100_000 });
      const ms = Number(await main.getAttribute('data-first-suggestions-ms'));
      // The panel's marks, and the background's (its analysis service) on the panel's clock.
      const marksOf = () => ({
        origin: performance.timeOrigin,
        entries: performance
          .getEntries()
          .filter((e) => e.name.startsWith('cc:'))
          .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration, measure: e.entryType === 'measure' })),
      });
      const own = await panel.evaluate(marksOf);
      const bg = await h.context
        .serviceWorkers()[0]
        ?.evaluate(marksOf)
        .catch(() => undefined);
      const marks: Record<string, number> = {};
      for (const [prefix, m] of [
        ['', own],
        ['bg:', bg],
      ] as const) {
        for (const e of m?.entries ?? [])
          marks[prefix + e.name] = Math.round(e.measure ? e.duration : e.start + m!.origin - own.origin);
      }
      figures.push({ ms, marks });
    } finally {
      await h.close();
    }
  }
  const sorted = figures.map((f) => f.ms).sort((a, b) => a - b);
  const p50 = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const report = {
    runs: RUNS,
    delayMs: DELAY_MS,
    p50Ms: p50,
    minMs: sorted[0],
    maxMs: sorted.at(-1),
    allMs: figures.map((f) => f.ms),
    marks: figures.map((f) => f.marks),
  };
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/panel-speed.json', JSON.stringify(report, null, 2));
  console.log(
    `panel open -> first suggestions, cold, ${RUNS} fresh browsers, opened ${DELAY_MS} ms after the page loaded: p50 ${p50} ms (min ${report.minMs}, max ${report.maxMs}; all ${report.allMs.join(', ')})`,
  );
  expect(sorted.every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
});
