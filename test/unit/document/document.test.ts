import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/document/document';
import { restoreLineBreaks } from '../../../lib/document/flatten';
import { classifyHeading } from '../../../lib/document/sections';

const kinds = (text: string) =>
  parseDocument(text).statements.map((s) => [s.section.kind, text.slice(s.start, s.end), s.item ?? null]);

describe('document: flattened transcriptions keep their structure', () => {
  const flat =
    'HISTORY OF PRESENT ILLNESS: , The patient is a 62-year-old male.,PAST MEDICAL HISTORY: , Coronary stenting.,MEDICATIONS: , Lisinopril, Aspirin.,PHYSICAL EXAMINATION:,HEENT:  Examination unremarkable.,Chest:  Clear to auscultation.,IMPRESSION:,1.  Adenocarcinoma of the prostate.,2.  Erectile dysfunction.,PLAN:  ,Surgery.';

  it('restores line breaks without moving any offset', () => {
    const view = restoreLineBreaks(flat);
    expect(view.length).toBe(flat.length);
    expect(view).toContain('IMPRESSION:\n1.  Adenocarcinoma of the prostate.\n2.');
    expect(view).toContain('Lisinopril, Aspirin.'); // commas inside a sentence stay
  });

  it('types every section, numbers the problem list, keeps exam sub-headings in the exam', () => {
    expect(kinds(flat)).toEqual([
      ['hpi', 'The patient is a 62-year-old male.', null],
      ['pmh', 'Coronary stenting.', null],
      ['medications', 'Lisinopril, Aspirin.', null],
      ['exam', 'Examination unremarkable.', null],
      ['exam', 'Clear to auscultation.', null],
      ['diagnostic', 'Adenocarcinoma of the prostate.', 1],
      ['diagnostic', 'Erectile dysfunction.', 2],
      ['plan', 'Surgery.', null],
    ]);
  });

  it('reads SOAP letters and headings written in mixed case at a line start', () => {
    const note = 'S: Cough for a week.\nO: Lungs clear.\nA: Acute bronchitis.\nP: Fluids.';
    expect(kinds(note).map((k) => k[0])).toEqual(['hpi', 'exam', 'diagnostic', 'plan']);
    const mixed = 'Assessment: Hypertension.\nPlan: Continue lisinopril.';
    expect(kinds(mixed).map((k) => k[0])).toEqual(['diagnostic', 'plan']);
  });

  it('types unknown upper-case headings by their words, and ignores prose with a colon', () => {
    expect(classifyHeading('DISCHARGE DIAGNOSES', false)).toMatchObject({ role: 'diagnostic' });
    expect(classifyHeading('CT OF THE HEAD', false)).toMatchObject({ kind: 'results' });
    expect(classifyHeading('EMERGENCY DEPARTMENT COURSE', false)).toMatchObject({ kind: 'course' });
    expect(classifyHeading('Her blood pressure was', false)).toBeUndefined();
    // The family's history of any kind is the family's, not the patient's past history.
    expect(classifyHeading('FAMILY PSYCHIATRIC HISTORY', false)).toMatchObject({ role: 'family' });
    expect(classifyHeading('PAST PSYCHIATRIC HISTORY', false)).not.toMatchObject({ role: 'family' });
    expect(classifyHeading('A', false)).toBeUndefined();
    const prose = 'He said the following: he is fine.';
    expect(kinds(prose).map((k) => k[0])).toEqual(['preamble']);
  });

  it('a note without headings is one preamble section', () => {
    const d = parseDocument('Fever and cough. Chest x-ray shows pneumonia.');
    expect(d.sections.map((s) => s.kind)).toEqual(['preamble']);
    expect(d.statements).toHaveLength(2);
  });

  it('reads a known heading alone on its line, a heading with a stray comma, and keeps mental-status assessments in the exam', () => {
    expect(kinds('HPI: Cough.\nIMPRESSION\n1. Acute bronchitis.').map((k) => [k[0], k[2]])).toEqual([
      ['hpi', null],
      ['diagnostic', 1],
    ]);
    expect(kinds('FORMULATION,: Bipolar disorder.').map((k) => k[0])).toEqual(['diagnostic']);
    expect(kinds('COGNITIVE ASSESSMENT: Alert and oriented.').map((k) => k[0])).toEqual(['exam']);
    // A capitalised word alone on a line that is not a known heading stays text.
    expect(kinds('Discussed\nwith the patient.').map((k) => k[0])).toEqual(['preamble', 'preamble']);
  });
});
