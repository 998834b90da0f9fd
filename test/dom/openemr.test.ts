import { describe, expect, it } from 'vitest';
import { NoteAdaptersFileSchema, adapterFor } from '../../lib/capture/adapter-schema';
import adaptersJson from '../../data/portals/note-adapters.json';
import { readFrame } from '../../utils/content/capture/capture';
import { createProbe } from '../../utils/content/capture/visibility';
import { loadPageFixture } from '../helpers/dom-fixtures';

/**
 * The synthetic page modelled on OpenEMR's tabbed layout (test/e2e/fixtures/openemr/README.md):
 * the encounter tab is shown; a Dashboard of another patient and a Calendar full of other
 * patients stay loaded in hidden tabs. Frames themselves are checked in the e2e suite (happy-dom
 * does not load them); here: which frame elements can be seen, and what each page gives.
 */
const adapters = NoteAdaptersFileSchema.parse(adaptersJson).adapters;
const MAIN = 'openemr/interface/main/tabs/main.html';
const ENCOUNTER = 'openemr/interface/patient_file/encounter/forms.html';
const DASHBOARD = 'openemr/interface/patient_file/summary/demographics.html';
const adapter = (path: string) => adapterFor(adapters, `https://emr.example/${path.replace('.html', '.php')}`);

describe('OpenEMR-like tabbed chart', () => {
  it('only the shown tab’s frame can be seen (earlier tabs are display:none, the logout frame is hidden and 0×0)', () => {
    loadPageFixture(MAIN);
    const probe = createProbe(document);
    const shown = Array.from(document.querySelectorAll('iframe')).map((f) => [f.name, probe.shown(f)]);
    expect(shown).toEqual([
      ['logoutinnerframe', false],
      ['cal', false],
      ['pat', false],
      ['enc', true],
    ]);
  });

  it('the main window gives the patient bar (name, DOB, record number, open encounter) and no note', () => {
    loadPageFixture(MAIN);
    const withAdapter = readFrame(document, adapter('openemr/interface/main/tabs/main.php'));
    expect(withAdapter.note).toBeUndefined();
    expect(withAdapter.header).toEqual({ name: 'Rivera, Alex', dob: '1961-07-19', memberId: '00412' });
    expect(withAdapter.encounter).toEqual({ date: '2026-03-04', id: '5' });
    // Without the adapter the labelled facts are still read from the visible bar.
    const plain = readFrame(document, undefined);
    expect(plain.header?.dob).toBe('1961-07-19');
    expect(plain.encounter).toEqual({ date: '2026-03-04', id: '5' });
  });

  for (const which of ['adapter', 'heuristic'] as const) {
    it(`the encounter page gives the SOAP note line by line, not the collapsed form (${which})`, () => {
      loadPageFixture(ENCOUNTER);
      const r = readFrame(
        document,
        which === 'adapter' ? adapter('openemr/interface/patient_file/encounter/forms.php') : undefined,
      );
      const note = r.note!;
      expect(note.source).toBe(which);
      expect(note.text).toContain('Assessment: 1. Acute bronchitis.\n2. Essential hypertension, controlled.');
      expect(note.text).toContain(
        'Subjective: Cough for five days with clear sputum, no fever.\nHome blood pressure readings',
      );
      expect(note.text).not.toContain('pulmonary embolism');
      expect(r.encounter?.date).toBe('2026-03-04');
    });
  }

  it('the hidden dashboard is longer than the note (so a length-only heuristic would have chosen it)', () => {
    loadPageFixture(DASHBOARD);
    const dashboard = readFrame(document, undefined).note!.text;
    loadPageFixture(ENCOUNTER);
    const note = readFrame(document, undefined).note!.text;
    expect(dashboard.length).toBeGreaterThan(note.length);
  });
});
