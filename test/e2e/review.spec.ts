import { expect as baseExpect, test, type Page } from '@playwright/test';
import { FIXTURES, launch, openPanelFor, type Harness } from './harness';

/**
 * The coder's work survives: a reload or a reopened panel restores the review of the same chart;
 * another patient starts empty and coming back restores that patient's review; a billing form for
 * another patient than the reviewed note cannot be filled.
 */
test.describe.configure({ mode: 'serial' });
// A cold panel loads and inflates the code pack first: on a loaded 2-core machine that can pass 20 s.
const expect = baseExpect.configure({ timeout: 60_000 });

let h: Harness;
test.beforeAll(async () => {
  h = await launch();
});
test.afterAll(async () => {
  await h?.close();
});

const suggestion = (panel: Page, code: string) => panel.locator(`li.suggestion[data-code="${code}"]`);
const summaryDx = (panel: Page) => panel.locator('ol[aria-label="Diagnoses"] li');
const dxCodes = async (panel: Page) =>
  summaryDx(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));

async function auditKinds(panel: Page): Promise<string[]> {
  return panel.evaluate(async () => {
    const open = indexedDB.open('chartcoder');
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    return new Promise<string[]>((res) => {
      const r = db.transaction('audit').objectStore('audit').getAll();
      r.onsuccess = () => res((r.result as { kind: string }[]).map((a) => a.kind));
    });
  });
}

test('a reload of the panel, and a reopened panel, restore the review: decisions, claim order, E/M line with its modifier, provider', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-textarea.html`);
  const panel = await openPanelFor(h, page);
  await suggestion(panel, 'E11.22').getByRole('button', { name: 'Accept' }).click();
  await suggestion(panel, 'N18.31').getByRole('button', { name: 'Accept' }).click();
  await suggestion(panel, 'E78.5').getByRole('button', { name: 'Reject' }).click();
  await panel.getByRole('button', { name: 'Move N18.31 up' }).click();
  await panel.getByRole('region', { name: 'E/M level' }).getByRole('button', { name: 'Add to summary' }).click();
  const emCode = await panel
    .locator('table[aria-label="Service lines"] tr[data-code]')
    .first()
    .getAttribute('data-code');
  expect(emCode).toMatch(/^992\d\d$/);
  await panel.getByLabel(`Modifiers for ${emCode}`).fill('25');
  await panel.getByRole('group', { name: 'Patient and provider' }).getByLabel('Rendering provider').fill('Dr. Restore');
  expect(await dxCodes(panel)).toEqual(['N18.31', 'E11.22']);

  const expectRestored = async (p: Page) => {
    await expect(suggestion(p, 'E11.22')).toBeVisible();
    await expect.poll(() => dxCodes(p)).toEqual(['N18.31', 'E11.22']);
    await expect(suggestion(p, 'E11.22')).toHaveClass(/accepted/);
    await expect(suggestion(p, 'E78.5')).toHaveClass(/rejected/);
    await expect(p.getByLabel(`Modifiers for ${emCode}`)).toHaveValue('25');
    await expect(
      p.getByRole('region', { name: 'E/M level' }).getByRole('button', { name: 'In summary' }),
    ).toBeVisible();
    await expect(p.getByRole('group', { name: 'Patient and provider' }).getByLabel('Rendering provider')).toHaveValue(
      'Dr. Restore',
    );
  };
  await panel.reload();
  await expectRestored(panel);
  await panel.close();
  const reopened = await openPanelFor(h, page);
  await expectRestored(reopened);
  expect(await auditKinds(reopened)).toContain('review-restored');
  await reopened.close();
  await page.close();
});

test('a patient switch starts an empty review; coming back to the first patient restores theirs, never the other’s codes', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-spa.html`);
  const panel = await openPanelFor(h, page);
  await suggestion(panel, 'K21.9').getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => dxCodes(panel)).toEqual(['K21.9']);
  await page.locator('ehr-app #next').click();
  await expect(suggestion(panel, 'I10')).toBeVisible();
  await expect(summaryDx(panel)).toHaveCount(0);
  await suggestion(panel, 'I10').getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => dxCodes(panel)).toEqual(['I10']);
  await page.locator('ehr-app #next').click();
  await expect(suggestion(panel, 'K21.9')).toBeVisible();
  await expect.poll(() => dxCodes(panel)).toEqual(['K21.9']);
  await expect(suggestion(panel, 'K21.9')).toHaveClass(/accepted/);
  await panel.close();
  await page.close();
});

test('a billing form for another patient than the reviewed note: fill blocked with one line, nothing typed', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-contenteditable.html`);
  const panel = await openPanelFor(h, page);
  await suggestion(panel, 'J20.9').getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => dxCodes(panel)).toEqual(['J20.9']);
  await panel.waitForTimeout(600); // the hand-off is saved 300 ms after the last change

  const bill = await h.context.newPage();
  await bill.goto(`${FIXTURES}/billing.html`);
  await bill.locator('#pt-name').fill('Other, Person');
  await bill.locator('#pt-dob').fill('1950-01-01');
  const bpanel = await openPanelFor(h, bill);
  const region = bpanel.getByRole('region', { name: 'Billing form' });
  await expect(region).toContainText('J20.9');
  const blocked = region.getByTestId('fill-blocked');
  await expect(blocked).toContainText('Fill blocked: The billing form is for Other, Person, 1950-01-01');
  expect((await blocked.innerText()).includes('\n')).toBe(false);
  await expect(region.getByRole('button', { name: 'Fill charge-entry form' })).toBeDisabled();
  await expect(bill.locator('#dx-A')).toHaveValue('');
  for (const p of [bpanel, bill, panel, page]) await p.close();
});

test('two notes on screen: the longer one is read until the coder clicks into the other frame, then that one', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-two-notes.html`);
  await page.frameLocator('#today').locator('#today-note').waitFor();
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'E11.9')).toBeVisible();
  await expect(suggestion(panel, 'J20.9')).toHaveCount(0);
  await page.frameLocator('#today').locator('#today-note').click();
  await expect(suggestion(panel, 'J20.9')).toBeVisible();
  await expect(suggestion(panel, 'E11.9')).toHaveCount(0);
  await panel.close();
  await page.close();
});
