import { expect, test } from '@playwright/test';
import { FIXTURES, launch, openPanelFor } from './harness';

/** A 1 MB note: captured (up to the limit), analysed, and the panel answers; the time is printed, not asserted. */
test('a 1 MB note is captured and analysed', async () => {
  const h = await launch();
  try {
    const page = await h.context.newPage();
    await page.goto(`${FIXTURES}/ehr-big.html`);
    const panel = await openPanelFor(h, page);
    await expect(panel.locator('li.suggestion[data-code="E11.22"]')).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByLabel('Captured note')).toContainText('1,0');
    const ms = await panel.locator('main[data-first-suggestions-ms]').getAttribute('data-first-suggestions-ms');
    const analysis = await panel.evaluate(() =>
      Math.round(performance.getEntriesByName('cc:analyze')[0]?.duration ?? -1),
    );
    console.log(`1 MB note: first suggestions ${ms} ms after the panel opened; analysis ${analysis} ms`);
    expect(h.blocked).toEqual([]);
  } finally {
    await h.close();
  }
});
