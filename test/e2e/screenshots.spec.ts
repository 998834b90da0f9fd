import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, SCREENSHOTS, launch, openPanelFor, type Harness } from './harness';

/**
 * The side panel at the widths Chrome gives it (320 and 400 px), light and dark, in a worked
 * state (accepted, rejected, E/M on the claim, a finding): no sideways scrolling, no
 * accessibility violation of any severity (axe), and a screenshot of each. With CHARTCODER_DOCS_SCREENSHOTS=1 the
 * screenshots go to docs/screenshots/ (what the README shows); otherwise to .tmp/screenshots/.
 *   CHARTCODER_DOCS_SCREENSHOTS=1 npx playwright test test/e2e/screenshots.spec.ts
 */
test.describe.configure({ mode: 'serial' });
const expect = baseExpect.configure({ timeout: 60_000 });
const OUT = process.env.CHARTCODER_DOCS_SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : SCREENSHOTS;

let h: Harness;
let panel: Page;
test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  h = await launch();
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-textarea.html`);
  panel = await openPanelFor(h, page);
  await panel.setViewportSize({ width: 400, height: 900 });
  const suggestion = (code: string) => panel.locator(`li.suggestion[data-code="${code}"]`);
  await suggestion('E11.22').getByRole('button', { name: 'Accept' }).click();
  await suggestion('N18.31').getByRole('button', { name: 'Accept' }).click();
  await suggestion('E78.5').getByRole('button', { name: 'Reject' }).click();
  await panel.getByRole('region', { name: 'E/M level' }).getByRole('button', { name: 'Add to summary' }).click();
  await expect(panel.locator('table[aria-label="Service lines"] tr[data-code]')).toHaveCount(1);
});
test.afterAll(async () => {
  await h?.close();
});

for (const width of [320, 400]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`side panel at ${width} px, ${scheme}: no sideways scroll, no axe violation of any severity, screenshot`, async () => {
      await panel.setViewportSize({ width, height: 900 });
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.evaluate(() => window.scrollTo(0, 0));
      const overflow = await panel.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) {
        const wide = await panel.evaluate(() => {
          const w = document.documentElement.clientWidth;
          return [...document.querySelectorAll('body *')]
            .filter(
              (e) =>
                e.getBoundingClientRect().right > w + 1 &&
                !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1),
            )
            .slice(0, 6)
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} (right ${Math.round(e.getBoundingClientRect().right)})`,
            );
        });
        console.log(`wider than ${width} px: ${wide.join(', ')}`);
      }
      await panel.screenshot({ path: path.join(OUT, `sidepanel-${width}-${scheme}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page: panel }).analyze();
      const violations = axe.violations.map(
        (v) =>
          `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
            .slice(0, 5)
            .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
            .join(' | ')}`,
      );
      expect(violations).toEqual([]);
      expect(overflow, 'the panel scrolls sideways').toBeLessThanOrEqual(0);
    });
  }
}
