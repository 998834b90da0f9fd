import { describe, expect, it } from 'vitest';
import { NoteAdaptersFileSchema, adapterFor } from '../../lib/capture/adapter-schema';
import adaptersJson from '../../data/portals/note-adapters.json';
import { captureNote, queryAllPiercing } from '../../utils/content/capture/capture';
import { loadPageFixture } from '../helpers/dom-fixtures';

const adapters = NoteAdaptersFileSchema.parse(adaptersJson).adapters;
const loadFixture = (name: string) => loadPageFixture(name, { scripts: true });

describe('portal adapters are data, checked against their fixture pages', () => {
  for (const a of adapters) {
    for (const e of a.expect) {
      it(`${a.id} on ${e.fixture}`, () => {
        loadFixture(e.fixture);
        for (const [key, want] of Object.entries(e.counts)) {
          const sel = key === 'note' ? a.note : a.header[key.replace('header.', '') as keyof typeof a.header];
          expect(sel, key).toBeDefined();
          expect(queryAllPiercing(document, sel!).length, `${key} = ${sel}`).toBe(want);
        }
      });
    }
  }

  it('url patterns pick the adapter of the page', () => {
    expect(adapterFor(adapters, 'http://127.0.0.1:4873/ehr-spa.html')?.id).toBe('demo-spa-chart');
    expect(adapterFor(adapters, 'https://other.example/notes')).toBeUndefined();
  });
});

describe('capture: selection, then focused field, then adapter, then the largest note-like block', () => {
  it('adapter: the contenteditable note with its headings, and the patient header', () => {
    loadFixture('ehr-contenteditable.html');
    const c = captureNote(document, adapterFor(adapters, 'http://x/ehr-contenteditable.html'))!;
    expect(c.source).toBe('adapter');
    expect(c.text).toMatch(/^Chief Complaint\nCough and fever/);
    expect(c.text).toContain('Assessment\nAcute bronchitis.');
    expect(c.text).not.toContain('Reminders');
    expect(c.header).toEqual({ name: 'Sample, Jordan', dob: '1979-11-02', memberId: 'AB9876543' });
  });

  it('adapter through two open shadow roots (web-component SPA)', () => {
    loadFixture('ehr-spa.html');
    const c = captureNote(document, adapterFor(adapters, 'http://x/ehr-spa.html'))!;
    expect(c.source).toBe('adapter');
    expect(c.text).toContain('Gastroesophageal reflux disease without esophagitis');
    expect(c.header?.memberId).toBe('QQ1112223');
  });

  it('heuristic: without an adapter the textarea note is found, not the menu', () => {
    loadFixture('ehr-textarea.html');
    const c = captureNote(document, undefined)!;
    expect(c.source).toBe('heuristic');
    expect(c.map.kind).toBe('field');
    expect(c.text).toMatch(/^Chief complaint: follow-up of diabetes/);
    // Where it came from, in the coder's words (the element in brackets for support).
    expect(c.label).toBe('the text box “Encounter note” (textarea#note-text)');
  });

  it('heuristic: a plain page gives its main block, not the navigation', () => {
    document.body.innerHTML = `<nav>Home Schedule Inbox Charts Reports Settings Help</nav><main><div class="note"><p>${'Patient with essential hypertension and hyperlipidemia. '.repeat(5)}</p><p>Plan: continue lisinopril.</p></div></main><footer>© Demo EHR</footer>`;
    const c = captureNote(document, undefined)!;
    expect(c.text).toMatch(/^Patient with essential hypertension/);
    expect(c.text).not.toContain('Schedule');
  });

  it('the focused textarea wins over the adapter', () => {
    loadFixture('ehr-contenteditable.html');
    const ta = document.createElement('textarea');
    ta.value = 'Addendum: patient also reports low back pain for two weeks.';
    document.body.appendChild(ta);
    ta.focus();
    const c = captureNote(document, adapterFor(adapters, 'http://x/ehr-contenteditable.html'))!;
    expect(c.source).toBe('focused');
    expect(c.text).toContain('low back pain');
  });

  it("the user's selection wins over everything, with offsets into the page", () => {
    loadFixture('ehr-contenteditable.html');
    const p = [...document.querySelectorAll('#progress-note p')].find((el) =>
      el.textContent!.startsWith('Acute bronchitis'),
    )!;
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const c = captureNote(document, adapterFor(adapters, 'http://x/ehr-contenteditable.html'))!;
    expect(c.source).toBe('selection');
    expect(c.text.trim()).toBe('Acute bronchitis. Mild intermittent asthma, uncomplicated.');
    document.getSelection()!.removeAllRanges();
  });

  it('nothing note-like: no capture rather than a menu', () => {
    document.body.innerHTML = '<nav>Home</nav>';
    expect(captureNote(document, undefined)).toBeUndefined();
  });
});
