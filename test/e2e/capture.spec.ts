import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { FIXTURES, SCREENSHOTS, highlightedText, launch, openPanelFor, type Harness } from './harness';

/**
 * Capture reads only what the coder can see, keeps the note's lines, survives the page, and reads
 * the chart banner: on a page modelled on OpenEMR's tabbed layout, one page per way of hiding
 * text, a saved note rendered with white-space: pre-line, and a page with a live clock.
 */
test.describe.configure({ mode: 'serial' });

let h: Harness;

test.beforeAll(async () => {
  h = await launch();
});

test.afterAll(async () => {
  await h?.close();
});

const suggestion = (panel: Page, code: string) => panel.locator(`li.suggestion[data-code="${code}"]`);

interface FrameReport {
  url: string;
  source: string;
  label: string;
  text: string;
  header?: { name?: string; dob?: string; memberId?: string };
  encounter?: { date?: string; id?: string };
}

/** Every frame's report, as the panel receives it after asking the tab to capture. */
async function frameReports(panel: Page): Promise<FrameReport[]> {
  const tabId = Number(new URL(panel.url()).searchParams.get('tab'));
  return panel.evaluate(async (tab) => {
    type Msg = FrameReport & { type?: string; frameUrl: string };
    const api = (
      globalThis as unknown as {
        chrome: {
          runtime: { onMessage: { addListener(f: (m: Msg) => void): void; removeListener(f: (m: Msg) => void): void } };
          tabs: { sendMessage(id: number, m: object): Promise<unknown> };
        };
      }
    ).chrome;
    const got: Msg[] = [];
    const listen = (m: Msg) => void (m?.type === 'cc:note' && got.push(m));
    api.runtime.onMessage.addListener(listen);
    await api.tabs.sendMessage(tab, { type: 'cc:capture' }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    api.runtime.onMessage.removeListener(listen);
    return got.map((m) => ({
      url: m.frameUrl,
      source: m.source,
      label: m.label,
      text: m.text,
      header: m.header,
      encounter: m.encounter,
    }));
  }, tabId);
}

test('OpenEMR-like tabs: only the shown encounter note is captured, never the hidden tabs of other patients; banner gives patient and date', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/openemr/interface/main/tabs/main.html`);
  for (const name of ['cal', 'pat', 'enc'])
    await page.frameLocator(`iframe[name="${name}"]`).locator('body').waitFor({ state: 'attached' });
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'J20.9')).toBeVisible();
  await expect(suggestion(panel, 'I10')).toBeVisible();
  // The other patient's problem list (hidden Dashboard tab) and the calendar's visit reasons: never coded.
  for (const code of ['I50.22', 'J44.9', 'J44.1', 'E11.22', 'N18.4', 'I48.11', 'F33.1'])
    await expect(suggestion(panel, code)).toHaveCount(0);
  await expect(panel.getByLabel('Captured note')).toContainText('OpenEMR encounter forms');

  const reports = await frameReports(panel);
  const byFrame = (end: string) => reports.filter((r) => r.url.endsWith(end));
  expect(byFrame('calendar/index.html').map((r) => r.source)).toEqual(['none']);
  expect(byFrame('summary/demographics.html').map((r) => r.source)).toEqual(['none']);
  const [enc] = byFrame('encounter/forms.html');
  expect(enc!.source).toBe('adapter');
  expect(enc!.text).toContain('Assessment: 1. Acute bronchitis.\n2. Essential hypertension, controlled.');
  for (const other of ['Morgan', 'Casey', 'Nguyen', 'Okafor', 'Lindqvist', 'heart failure', 'pulmonary embolism'])
    expect(enc!.text).not.toContain(other);
  const [main] = byFrame('tabs/main.html');
  expect(main).toMatchObject({
    source: 'none',
    header: { name: 'Rivera, Alex', dob: '1961-07-19', memberId: '00412' },
    encounter: { date: '2026-03-04', id: '5' },
  });
  // The date of service comes from the open encounter on the patient bar; the patient from the bar.
  await expect(panel.getByLabel('Date of service')).toHaveValue('2026-03-04');
  const who = panel.getByRole('group', { name: 'Patient and provider' });
  await expect(who.getByLabel('Member id')).toHaveValue('00412');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'openemr-like-tabs.png') });

  // The coder opens the Dashboard tab: that is now what they see (and the encounter is hidden).
  await page.locator('.tabSpan[data-tab="pat"]').click();
  await expect(suggestion(panel, 'I50.22')).toBeVisible();
  await expect(suggestion(panel, 'J20.9')).toHaveCount(0);
  // The date of service stays the open encounter's (not a past visit listed on the dashboard).
  await expect(panel.getByLabel('Date of service')).toHaveValue('2026-03-04');
  await page.locator('.tabSpan[data-tab="enc"]').click();
  await expect(suggestion(panel, 'J20.9')).toBeVisible();
  await expect(suggestion(panel, 'I50.22')).toHaveCount(0);
  await panel.close();
  await page.close();
});

const TECHNIQUES = [
  'display-none',
  'visibility-hidden',
  'font-size-0',
  'opacity-0',
  'off-screen',
  'off-screen-margin',
  'off-screen-transform',
  'clip',
  'clip-path',
  'zero-height',
  'aria-hidden',
  'white-on-white',
  'transparent-text',
  'text-indent',
  'scale-0',
  'closed-details',
];

test('hidden text: the control page shows the statement and it is coded (so the technique pages are not vacuous)', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-hidden-text.html?t=shown`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'I10')).toBeVisible();
  await expect(suggestion(panel, 'J44.1')).toBeVisible();
  // Every technique page exists in the fixture.
  expect(await page.evaluate(() => (window as unknown as { TECHNIQUES: string[] }).TECHNIQUES)).toEqual([
    'shown',
    ...TECHNIQUES,
  ]);
  await panel.close();
  await page.close();
});

for (const t of TECHNIQUES) {
  test(`hidden text (${t}): not captured, the visible note is`, async () => {
    const page = await h.context.newPage();
    await page.goto(`${FIXTURES}/ehr-hidden-text.html?t=${t}`);
    const panel = await openPanelFor(h, page);
    await expect(suggestion(panel, 'I10')).toBeVisible();
    await expect(suggestion(panel, 'J44.1')).toHaveCount(0);
    const [report] = (await frameReports(panel)).filter((r) => r.source !== 'none');
    expect(report!.text).toContain('Plan: recheck in 3 months.');
    expect(report!.text).not.toContain('pulmonary');
    await panel.close();
    await page.close();
  });
}

test('a saved note rendered with white-space: pre-line keeps its lines (sections found); invisible characters and a look-alike letter do not drop codes; evidence highlights the page’s own characters', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-react-note.html`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'E11.9')).toBeVisible();
  await expect(suggestion(panel, 'I10')).toBeVisible();
  // One line would tag everything "chief complaint" (and I10 is lost); the lines put both in the assessment.
  await expect(suggestion(panel, 'E11.9')).not.toContainText('chief complaint');
  const [report] = (await frameReports(panel)).filter((r) => r.source !== 'none');
  expect(report!.text).toContain(
    'Assessment:\nType 2 diabetes mellitus without complications.\nEssential hypertension.\nPlan:',
  );
  expect(report!.header).toEqual({ name: 'Okafor, Dana', dob: '1958-03-22', memberId: '77120' });
  await expect(panel.getByLabel('Date of service')).toHaveValue('2026-11-18');
  await suggestion(panel, 'I10').hover();
  await expect.poll(() => highlightedText(page)).toEqual(['Essential hyp\u0435r\u00ADtension']);
  await suggestion(panel, 'E11.9').hover();
  await expect
    .poll(async () => (await highlightedText(page)).join('|'))
    .toContain('dia\u200Bbetes mellitus without complications');
  await panel.close();
  await page.close();
});

test('an in-app address change (pushState) of the same chart keeps the review; the banner, not the address, says which chart', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-react-note.html`);
  const panel = await openPanelFor(h, page);
  await suggestion(panel, 'E11.9').getByRole('button', { name: 'Accept' }).click();
  const summaryDx = panel.locator('ol[aria-label="Diagnoses"] li');
  await expect(summaryDx).toHaveCount(1);
  // The app changes its address and re-renders the same chart (as routers do).
  await page.evaluate(() => {
    history.pushState({}, '', '?view=note&tab=2');
    const note = document.querySelector('.note-view')!;
    note.textContent = `${note.textContent}\nFollow-up in 3 months.`;
  });
  await expect
    .poll(async () =>
      (await frameReports(panel)).some((r) => r.url.includes('view=note') && r.text.includes('Follow-up in 3 months')),
    )
    .toBe(true);
  await expect(panel.getByLabel('Captured note')).toContainText('characters');
  await panel.waitForTimeout(500);
  await expect(summaryDx).toHaveCount(1);
  await expect(panel.locator('ol[aria-label="Diagnoses"] li[data-code="E11.9"]')).toBeVisible();
  await panel.close();
  await page.close();
});

test('a clock ticking every 150 ms does not postpone re-capture forever (maximum wait)', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-ticking.html`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'G43.009')).toBeVisible();
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Acute bronchitis.';
    document.getElementById('note')!.appendChild(p);
  });
  // A plain 400 ms debounce restarted by every tick would never fire; the 2 s maximum wait does.
  await expect(suggestion(panel, 'J20.9')).toBeVisible({ timeout: 8000 });
  await panel.close();
  await page.close();
});

test('the page cannot stop capture by re-dispatching the framework’s "content script started" message, and is not told its name', async () => {
  const page = await h.context.newPage();
  await page.goto(`${FIXTURES}/ehr-ticking.html?clock=off`);
  const panel = await openPanelFor(h, page);
  await expect(suggestion(panel, 'G43.009')).toBeVisible();
  // Nothing the extension did was posted to the page (WXT posts its started message unless told not to).
  expect(
    JSON.stringify(await page.evaluate(() => (window as unknown as { pageMessages: unknown[] }).pageMessages)),
  ).not.toContain('content-script-started');
  // The event name is derivable from the public extension id: a hostile or buggy page sends it.
  await page.evaluate((id) => {
    for (const name of [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started']) {
      document.dispatchEvent(
        new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'from-the-page' } }),
      );
    }
    window.postMessage(
      { type: `${id}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'from-the-page' },
      '*',
    );
  }, h.extensionId);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Acute bronchitis.';
    document.getElementById('note')!.appendChild(p);
  });
  await expect(suggestion(panel, 'J20.9')).toBeVisible();
  // Highlights still answer (the message listener is alive).
  await suggestion(panel, 'J20.9').hover();
  await expect.poll(() => highlightedText(page)).toEqual(['Acute bronchitis']);
  await panel.close();
  await page.close();
});
