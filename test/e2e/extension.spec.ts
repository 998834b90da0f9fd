import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  FIXTURES,
  FIXTURES_NO_ACCESS,
  SCREENSHOTS,
  highlightedText,
  launch,
  openPanelFor,
  type Harness,
} from './harness';

/**
 * The extension in a real browser on four synthetic EHR pages: capture, suggestions, evidence
 * highlight, accept -> summary, release import, accessibility, and no request off the machine.
 */
test.describe.configure({ mode: 'serial' });

let h: Harness;
const metrics: Record<string, number | string> = {};

test.beforeAll(async () => {
  h = await launch();
});

test.afterAll(async () => {
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/e2e-metrics.json', JSON.stringify(metrics, null, 2));
  console.log('e2e metrics', JSON.stringify(metrics));
  await h?.close();
});

const suggestion = (panel: Page, code: string) => panel.locator(`li.suggestion[data-code="${code}"]`);
const firstMs = async (panel: Page) =>
  Number(await panel.locator('main[data-first-suggestions-ms]').getAttribute('data-first-suggestions-ms'));

/** Where the panel's start-up time went (performance marks set by the panel). */
const panelTimings = (panel: Page) =>
  panel.evaluate(() => {
    const at = (n: string) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1);
    const dur = (n: string) => Math.round(performance.getEntriesByName(n)[0]?.duration ?? -1);
    return `fetched ${at('cc:pack-fetched')} · inflated ${at('cc:pack-inflated')} · analyzer ${dur('cc:analyzer-ready')} (ends ${at('cc:analyzer-start') + dur('cc:analyzer-ready')}) · analysis ${dur('cc:analyze')}`;
  });

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('the network guard catches a request to another origin (so the final check can fail)', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-textarea.html`);
  await page.evaluate(() => fetch('http://192.0.2.7/beacon').catch(() => undefined));
  await expect.poll(() => h.blocked.some((u) => u.startsWith('http://192.0.2.7/'))).toBe(true);
  h.blocked.splice(0, h.blocked.length);
  await page.close();
});

test('textarea note: expected codes appear, accept adds to the summary, E/M by time', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-textarea.html`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'E11.22')).toBeVisible();
  await expect(suggestion(panel, 'N18.31')).toBeVisible();
  await expect(suggestion(panel, 'E78.5')).toBeVisible();
  metrics.coldFirstSuggestionsMs = await firstMs(panel);
  metrics.coldBreakdownMs = await panelTimings(panel);
  await expect(panel.getByLabel('Captured note')).toContainText('textarea#note-text');

  // Keyboard: focus the first suggestion, Enter accepts it.
  await suggestion(panel, 'E11.22').focus();
  await panel.keyboard.press('Enter');
  await expect(panel.locator('ol[aria-label="Diagnoses"] li[data-code="E11.22"]')).toBeVisible();
  await suggestion(panel, 'N18.31').getByRole('button', { name: 'Accept' }).click();
  await expect(panel.locator('ol[aria-label="Diagnoses"] li')).toHaveCount(2);
  await expect(panel.locator('ol[aria-label="Diagnoses"] li').first()).toContainText('A');

  // E/M: 32 minutes documented -> 99214 for an established patient.
  await expect(panel.getByRole('region', { name: 'E/M level' })).toContainText('99214');
  await panel.getByRole('button', { name: 'Add to summary' }).click();
  await expect(panel.locator('table[aria-label="Service lines"] tr[data-code="99214"]')).toBeVisible();

  // Compliance spot-audit of billed codes against this note.
  await panel.locator('details:has(#billed-codes)').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await panel.locator('#billed-codes').fill('E11.22 N18.31 S52.501A 99214');
  await panel.getByRole('button', { name: 'Audit', exact: true }).click();
  const result = panel.getByRole('status', { name: 'Spot-audit result' });
  await expect(result).toContainText('Not supported by the note: S52.501A');
  await expect(result).toContainText('E78.5');

  // Evidence in a textarea is shown by selecting it.
  await suggestion(panel, 'E78.5').hover();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const t = document.querySelector('textarea')!;
        return t.value.slice(t.selectionStart, t.selectionEnd);
      }),
    )
    .toBe('Hyperlipidemia');

  await panel.screenshot({ path: path.join(SCREENSHOTS, 'sidepanel-textarea.png'), fullPage: true });
  expect(await seriousViolations(panel)).toEqual([]);
  // Dark theme follows the system setting; contrast is checked there too.
  await panel.emulateMedia({ colorScheme: 'dark' });
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await panel.screenshot({ path: path.join(SCREENSHOTS, 'sidepanel-dark.png'), fullPage: true });
  expect(await seriousViolations(panel)).toEqual([]);
  await panel.emulateMedia({ colorScheme: 'light' });

  // Warm: the same panel page opened again in the same browser (HTTP cache, compiled code warm).
  const again = await openPanelFor(h, page);
  await expect(suggestion(again, 'E11.22')).toBeVisible();
  metrics.warmFirstSuggestionsMs = await firstMs(again);
  metrics.warmBreakdownMs = await panelTimings(again);
  await again.close();
  await panel.close();
  await page.close();
});

test('contenteditable note with headings: hover highlights the evidence words in the page', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-contenteditable.html`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'J20.9')).toBeVisible();
  await expect(suggestion(panel, 'J45.20')).toBeVisible();
  await expect(panel.getByLabel('Captured note')).toContainText('adapter');
  await suggestion(panel, 'J20.9').hover();
  await expect.poll(() => highlightedText(page)).toEqual(['Acute bronchitis']);
  // The EHR's DOM is untouched: no element was added for the highlight.
  expect(await page.locator('chartcoder-overlay').count()).toBe(0);
  await suggestion(panel, 'J45.20').focus();
  await expect.poll(() => highlightedText(page)).toEqual(['Mild intermittent asthma, uncomplicated']);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ehr-highlight.png') });
  await panel.close();
  await page.close();
});

test('note inside a same-origin iframe is captured and highlighted in that frame', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-iframe.html`);
  await page.frameLocator('#note-frame').locator('article').waitFor();
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'G43.009')).toBeVisible();
  await suggestion(panel, 'G43.009').hover();
  const frame = page.frames().find((f) => f.url().endsWith('ehr-iframe-note.html'))!;
  await expect.poll(() => highlightedText(frame)).toEqual(['Migraine without aura']);
  await panel.close();
  await page.close();
});

test('web-component SPA with open shadow roots: re-captures when the patient changes without reload', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-spa.html`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'K21.9')).toBeVisible();
  await suggestion(panel, 'K21.9').hover();
  await expect.poll(() => highlightedText(page)).toEqual(['Gastroesophageal reflux disease without esophagitis']);
  await suggestion(panel, 'K21.9').getByRole('button', { name: 'Accept' }).click();
  await expect(panel.locator('ol[aria-label="Diagnoses"] li[data-code="K21.9"]')).toBeVisible();
  // An edit inside the nested shadow root only (the note component inside the app component).
  await page.locator('ehr-app #amend').click();
  await expect(suggestion(panel, 'G43.009')).toBeVisible();
  await expect(panel.locator('ol[aria-label="Diagnoses"] li[data-code="K21.9"]')).toBeVisible();
  await page.locator('ehr-app #next').click();
  await expect(suggestion(panel, 'I10')).toBeVisible();
  await expect(suggestion(panel, 'K21.9')).toHaveCount(0);
  // Another patient: the summary starts empty (codes never carry over from one patient to the next).
  await expect(panel.locator('ol[aria-label="Diagnoses"] li')).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('billing hand-off: accept codes on a note, fill the billing form from the summary, the page accepts it, audit without note text', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-contenteditable.html`);
  const panel = await openPanelFor(h, page);
  await suggestion(panel, 'J20.9').getByRole('button', { name: 'Accept' }).click();
  await suggestion(panel, 'J45.20').getByRole('button', { name: 'Accept' }).click();
  // The drug given in clinic: a HCPCS J-code with units from the documented dose.
  const drug = panel
    .getByRole('region', { name: 'Procedures and supplies' })
    .locator('li.suggestion[data-code="J1100"]');
  await expect(drug).toContainText('10 units');
  await drug.getByRole('button', { name: 'Accept' }).click();
  // The level itself is the E/M suite's to check (it follows the leveling rules as they evolve):
  // here the offered established-patient code goes to the summary and on to the form.
  const emLine = panel
    .getByRole('region', { name: 'E/M level' })
    .locator('p', { has: panel.getByRole('button', { name: 'Add to summary' }) });
  const emCode = /\b(9921[2-5])\b/.exec(await emLine.innerText())?.[1];
  expect(emCode).toBeDefined();
  await panel.getByRole('button', { name: 'Add to summary' }).click();
  await expect(panel.locator(`table[aria-label="Service lines"] tr[data-code="${emCode}"]`)).toBeVisible();
  await panel.getByLabel(`Modifiers for ${emCode}`).fill('25');
  // Patient identifiers come from the chart header; the coder confirms them.
  const who = panel.getByRole('group', { name: 'Patient and provider' });
  await expect(who.getByLabel('Member id')).toHaveValue('AB9876543');
  await who.getByLabel('Rendering provider').fill('Dr. Demo');
  await who.getByLabel('I checked these against the chart').check();
  await expect(panel.locator('ol[aria-label="Diagnoses"] li')).toHaveCount(2);
  await panel.waitForTimeout(600); // the hand-off is saved 300 ms after the last change

  const bill = await h.context.newPage();
  await bill.goto(`${FIXTURES}/billing.html`);
  const bpanel = await openPanelFor(h, bill);
  const region = bpanel.getByRole('region', { name: 'Billing form' });
  await expect(region).toContainText('J20.9 J45.20');
  // The billing form's member id has two digits transposed against the chart header.
  await expect(region.locator('[data-rule="patient-member-id-mismatch"]')).toContainText('transposed');
  // A form that differs from the reviewed note's patient blocks the fill until the coder confirms it is the same person.
  const fillButton = region.getByRole('button', { name: 'Fill charge-entry form' });
  await expect(region.getByTestId('fill-blocked')).toContainText(
    'The billing form is for Sample, Jordan, 1979-11-02, AB9867543; the reviewed note is for',
  );
  await expect(fillButton).toBeDisabled();
  await region.getByLabel('It is the same patient (recorded in the audit trail)').check();
  await expect(region.getByTestId('fill-blocked')).toHaveCount(0);
  await fillButton.click();
  await expect(region.getByRole('status')).toContainText('Filled');
  await expect(bill.locator('#dx-A')).toHaveValue('J20.9');
  await expect(bill.locator('#dx-B')).toHaveValue('J45.20');
  await expect(bill.locator('#line-1 input[name=code]')).toHaveValue(emCode!);
  await expect(bill.locator('#line-1 input[name=mod1]')).toHaveValue('25');
  await expect(bill.locator('#line-1 input[name=pointers]')).toHaveValue('AB');
  await expect(bill.locator('#line-2 input[name=code]')).toHaveValue('J1100');
  await expect(bill.locator('#line-2 input[name=units]')).toHaveValue('10');
  await expect(bill.locator('#dos')).not.toHaveValue('');
  await bill.getByRole('button', { name: 'Save claim' }).click();
  await expect(bill.locator('#status')).toHaveText('Claim saved: 2 diagnoses, 2 lines.');
  await bill.screenshot({ path: path.join(SCREENSHOTS, 'billing-filled.png'), fullPage: true });

  // Audit trail in the extension's IndexedDB: the fill is recorded, no review holds note text.
  const audit = await bpanel.evaluate(async () => {
    const open = indexedDB.open('chartcoder');
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result as Record<string, unknown>[]);
      });
    return { audit: await all('audit'), reviews: await all('reviews') };
  });
  expect(audit.audit.some((a) => a.kind === 'form-filled')).toBe(true);
  expect(audit.audit.find((a) => a.kind === 'patient-confirmed')?.detail).toContain('patient-member-id-mismatch');
  expect(audit.audit.filter((a) => a.kind === 'accepted').map((a) => a.code)).toEqual(
    expect.arrayContaining(['J20.9', 'J45.20']),
  );
  expect(audit.reviews.length).toBeGreaterThan(0);
  expect(
    audit.reviews.every(
      (r) => r.noteText === undefined && typeof r.noteSha256 === 'string' && (r.noteLength as number) > 0,
    ),
  ).toBe(true);
  for (const p of [bpanel, bill, panel, page]) await p.close();
});

test('content script heap on an enabled page vs the same page where it does not run', async () => {
  const heap = async (url: string) => {
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1500);
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    await page.close();
    return m.find((x) => x.name === 'JSHeapUsedSize')!.value;
  };
  const without = await heap(`${FIXTURES_NO_ACCESS}/ehr-contenteditable.html`);
  const withScript = await heap(`${FIXTURES}/ehr-contenteditable.html`);
  metrics.pageHeapWithoutExtensionBytes = without;
  metrics.pageHeapWithContentScriptBytes = withScript;
  metrics.contentScriptHeapBytes = withScript - without;
  expect(withScript).toBeGreaterThan(0);
});

test('options: accessible; importing a small release fixture changes the release shown; a bad file changes nothing', async () => {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await expect(options.getByTestId('active-release')).toContainText('ICD-10-CM');
  const before = await options.getByTestId('active-release').innerText();
  expect(await seriousViolations(options)).toEqual([]);
  await options.screenshot({ path: path.join(SCREENSHOTS, 'options.png'), fullPage: true });

  // A corrupt order file: rejected with file + line, the code sets in use stay.
  await options.locator('#release-files').setInputFiles({
    name: 'icd10cm_order_2026.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('this is not an order file\n'),
  });
  await expect(options.getByTestId('import-result')).toContainText('nothing changed');
  await expect(options.getByTestId('active-release')).toHaveText(before);

  const dir = path.resolve('test/fixtures/codesets/fy2020');
  const { readdirSync } = await import('node:fs');
  await options.locator('#release-files').setInputFiles(readdirSync(dir).map((f) => path.join(dir, f)));
  await expect(options.getByTestId('import-result')).toContainText('Now using ICD-10-CM FY2020');
  await expect(options.getByTestId('active-release')).toHaveText('ICD-10-CM FY2020');

  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-textarea.html`);
  const panel = await openPanelFor(h, page);
  await expect(panel.getByRole('status', { name: 'Code-set releases' })).toContainText('ICD-10-CM FY2020');
  await options.getByRole('button', { name: 'Use the bundled code sets' }).click();
  await expect(options.getByTestId('active-release')).toHaveText(before);
  await expect(panel.getByRole('status', { name: 'Code-set releases' })).not.toContainText('ICD-10-CM FY2020');
  await panel.close();
  await page.close();
  await options.close();
});

test('no request left for any origin other than the fixture server and the extension', () => {
  expect(h.blocked).toEqual([]);
});
