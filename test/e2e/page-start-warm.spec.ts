import { expect, test } from '@playwright/test';
import { FIXTURES, launch } from './harness';

/*
 * The background's analysis service warms while an enabled EHR page loads (the document-start
 * script, entrypoints/page-start.content.ts), not only when a capture script reports a note: on a
 * page with no note at all, and with no panel open, the service starts loading its pack.
 */
test('an enabled EHR page starting to load warms the background, with no note and no panel', async () => {
  const h = await launch();
  try {
    const sw = h.context.serviceWorkers()[0]!;
    const warmed = () => sw.evaluate(() => performance.getEntriesByName('cc:bg-warm-start').length);
    expect(await warmed()).toBe(0);
    const page = await h.context.newPage();
    await page.goto(`${FIXTURES}/ehr-no-note.html`);
    await expect.poll(warmed, { timeout: 15_000 }).toBe(1);
    // It is the page's start that asked: the capture script reports no note on this page.
    await page.close();
  } finally {
    await h.close();
  }
});
