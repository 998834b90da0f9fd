import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { checkEncounter } from '../../helpers/check-encounter';
import { queryDraft } from '../../../lib/checks/query';
import { fixtureInputs } from '../../helpers/fixtures';

let pack: CodePack;
beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2026'))).bytes);
});

const enc = (codes: string[], note?: string) => ({
  dateOfService: '2026-03-01',
  setting: 'office',
  diagnoses: codes.map((code, i) => ({ code, line: i + 1 })),
  services: [],
  ...(note ? { note } : {}),
});

describe('provider query drafts', () => {
  it.each([
    ['ckd-stage-missing', ['N18.9'], 'Chronic kidney disease, follow-up.'],
    ['laterality-not-documented', ['S52.509A'], 'Closed fracture of the distal radius.'],
    ['uncertain-diagnosis-outpatient', ['J18.9'], 'Cough and fever for 3 days. Rule out pneumonia.'],
    ['hypertension-combination', ['I10', 'N18.32'], undefined],
    ['laterality-mismatch', ['S52.501A'], 'ASSESSMENT: Fracture of the left distal radius.'],
    [
      'episode-of-care-mismatch',
      ['S52.501D'],
      'HPI: She fell on her outstretched hand this morning. PLAN: Follow up in 1 week.',
    ],
  ] as const)(
    '%s: multiple choice with "other" and "clinically undetermined", no code in the question',
    (rule, codes, note) => {
      const f = checkEncounter(enc([...codes], note), pack).find((x) => x.rule === rule)!;
      const q = queryDraft(f, pack)!;
      expect(q.options).toEqual(expect.arrayContaining(['Other (please specify)', 'Clinically undetermined']));
      expect(q.options.length).toBeGreaterThanOrEqual(4);
      expect(q.question).not.toMatch(/[A-Z]\d\d\.\d/);
      expect(q.question).not.toMatch(/\b(reimburse|payment|DRG|should document)\b/i);
    },
  );

  it('cites the clinical indicators from the note', () => {
    const f = checkEncounter(enc(['J18.9'], 'Cough and fever for 3 days. Rule out pneumonia.'), pack).find(
      (x) => x.rule === 'uncertain-diagnosis-outpatient',
    )!;
    expect(queryDraft(f, pack)!.question).toMatch(/"[Rr]ule out pneumonia"|"pneumonia"/);
  });

  it('no query for conflicts and validity findings', () => {
    const f = checkEncounter(enc(['E11']), pack).find((x) => x.rule === 'non-billable-header')!;
    expect(queryDraft(f, pack)).toBeUndefined();
  });
});
