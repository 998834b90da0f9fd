import { expect as baseExpect, test } from '@playwright/test';
import { FIXTURES, launch, openPanelFor, type Harness } from './harness';

/**
 * The panel's states and keyboard entry (issue 12 item 5): a page without a note (or a schedule,
 * not a note) says so instead of staying blank or coding it; export is disabled while the summary is empty; the first Tab into the panel
 * lands on the first suggestion.
 */
test.describe.configure({ mode: 'serial' });
const expect = baseExpect.configure({ timeout: 60_000 });

let h: Harness;
test.beforeAll(async () => {
  h = await launch();
});
test.afterAll(async () => {
  await h?.close();
});

test('a page without a note: the panel says there is no note to code, and offers to read again', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-no-note.html`);
  const panel = await openPanelFor(h, page);
  const notice = panel.getByRole('status', { name: 'No note' });
  await expect(notice).toContainText('No visit note to code on this page');
  await expect(notice.getByRole('button', { name: 'Read again' })).toBeVisible();
  await expect(panel.locator('li.suggestion')).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('a schedule page (appointments in rows, visit reasons that name conditions): no codes and no E/M, the panel says why', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-schedule.html`);
  const panel = await openPanelFor(h, page);
  const notice = panel.getByRole('status', { name: 'No note' });
  await expect(notice).toContainText('No visit note to code on this page (it shows a schedule or a list of patients)');
  // The panel has loaded its own code sets (search is offered), and still shows no code and no E/M level.
  await expect(panel.getByRole('region', { name: 'Code search' })).toBeVisible();
  await expect(panel.locator('li.suggestion')).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'E/M level' })).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('the first Tab reaches the first suggestion; export waits for a coded summary', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-textarea.html`);
  const panel = await openPanelFor(h, page);
  const first = panel.locator('li.suggestion').first();
  await expect(first).toBeVisible();
  await expect(panel.getByRole('status', { name: 'No note' })).toHaveCount(0);
  // Export is offered only once the review (and this page's pack) is ready; then it waits for a code.
  const copy = panel.getByRole('button', { name: 'Copy summary' });
  await expect(copy).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'FHIR Claim' })).toBeDisabled();
  await expect(panel.getByText('Accept a suggestion or add a code to export the summary.')).toBeVisible();

  await panel.locator('body').focus();
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await panel.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(first).toHaveClass(/accepted/);
  await expect(copy).toBeEnabled();
  await expect(panel.getByRole('button', { name: 'FHIR Claim' })).toBeEnabled();
  // Shift+Tab from there goes back up the page's own order (nothing is trapped).
  await panel.keyboard.press('Shift+Tab');
  await expect(first).not.toBeFocused();
  await panel.close();
  await page.close();
});
