import { describe, expect, it } from 'vitest';
import { chartFactsFromText, firstDateIn, parseChartDate } from '../../lib/capture/chart-text';
import { classifyAt, foldLookalikes, normalizeValue } from '../../lib/capture/normalize-chars';
import { captureNote, readFrame } from '../../utils/content/capture/capture';

describe('chart facts from the banner’s words', () => {
  it('reads dates as banners print them, month first, and refuses impossible ones', () => {
    expect(parseChartDate('2026-03-04')).toBe('2026-03-04');
    expect(parseChartDate('03/04/2026')).toBe('2026-03-04');
    expect(parseChartDate('3/4/26')).toBe('2026-03-04');
    expect(parseChartDate('25/12/2025')).toBe('2025-12-25');
    expect(parseChartDate('Mar 4, 2026')).toBe('2026-03-04');
    expect(parseChartDate('4 March 2026')).toBe('2026-03-04');
    expect(parseChartDate('02/30/2026')).toBeUndefined();
    expect(parseChartDate('13/13/2026')).toBeUndefined();
    expect(firstDateIn('Open Encounter: 2026-03-04 (5)')).toBe('2026-03-04');
  });

  it('labelled values only: name, DOB, record number, encounter date and number', () => {
    expect(
      chartFactsFromText('Patient: Rivera, Alex   DOB: 1961-07-19 Age: 64   MRN 00412\nOpen Encounter: 2026-03-04 (5)'),
    ).toEqual({
      name: 'Rivera, Alex',
      dob: '1961-07-19',
      memberId: '00412',
      encounterDate: '2026-03-04',
      encounterId: '5',
    });
    expect(chartFactsFromText('03/04/2026 Encounter for Alex Rivera')).toEqual({ encounterDate: '2026-03-04' });
    expect(chartFactsFromText('Date of service: Mar 4, 2026 · Encounter #A-778')).toEqual({
      encounterDate: '2026-03-04',
      encounterId: 'A-778',
    });
    // No label, no fact: a date in the note is not the date of birth.
    expect(chartFactsFromText('Seen 2026-03-01 for cough. Mammogram 2025-11-02.')).toEqual({});
    expect(chartFactsFromText('Past Encounters\n2026-02-11 Office visit: heart failure')).toEqual({});
    // A record "number" without a digit is a word.
    expect(chartFactsFromText('MRN pending')).toEqual({});
  });
});

describe('invisible and look-alike characters', () => {
  it('classifies invisible format characters, unusual spaces and line breaks', () => {
    expect(['\u200B', '\u00AD', '\uFEFF', '\u2060', '\u200E'].map((c) => classifyAt(c, 0))).toEqual([
      'drop',
      'drop',
      'drop',
      'drop',
      'drop',
    ]);
    expect(['\u00A0', '\u2009', '\u3000', '\t'].map((c) => classifyAt(c, 0))).toEqual([
      'space',
      'space',
      'space',
      'space',
    ]);
    expect(classifyAt('\n', 0)).toBe('newline');
    const tag = '\u{E0041}';
    expect([classifyAt(tag, 0), classifyAt(tag, 1)]).toEqual(['drop', 'drop']);
  });

  it('folds look-alikes only inside words with Latin letters or digits, keeping the length', () => {
    const mixed = 'hypеrtension Е11.9 ＥＬＩＳＡ';
    const folded = foldLookalikes(mixed);
    expect(folded).toBe('hypertension E11.9 ELISA');
    expect(folded.length).toBe(mixed.length);
    expect(foldLookalikes('Привет, мир')).toBe('Привет, мир');
  });

  it('a field value keeps a map to its raw offsets when characters are removed', () => {
    const { text, raw } = normalizeValue('ab\u200Bcd\u00A0e');
    expect(text).toBe('abcd e');
    expect(Array.from(raw!)).toEqual([0, 1, 3, 4, 5, 6]);
    expect(normalizeValue('plain text').raw).toBeUndefined();
  });
});

describe('the banner read with the note', () => {
  it('a visible banner gives patient and encounter; a hidden one (another patient’s tab) is not read', () => {
    document.body.innerHTML = `
      <div class="patient-banner" style="display:none">Patient: Other, Person DOB: 1950-01-01 MRN 99999</div>
      <div class="patient-banner">Patient: Rivera, Alex DOB: 07/19/1961 MRN 00412 · Date of service: 03/04/2026</div>
      <main><p>Assessment: essential hypertension, stable on lisinopril.</p></main>`;
    const c = captureNote(document, undefined)!;
    expect(c.text).toBe('Assessment: essential hypertension, stable on lisinopril.');
    expect(c.header).toEqual({ name: 'Rivera, Alex', dob: '1961-07-19', memberId: '00412' });
    expect(c.encounter).toEqual({ date: '2026-03-04' });
  });

  it('a page with a banner and no note reports the chart facts without a note', () => {
    document.body.innerHTML = '<header class="pt">Patient: Rivera, Alex  DOB: 1961-07-19</header><nav>Home</nav>';
    const r = readFrame(document, undefined);
    expect(r.note).toBeUndefined();
    expect(r.header).toEqual({ name: 'Rivera, Alex', dob: '1961-07-19' });
  });
});
