import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/* The Tabular's "code first" and "use additional code" notes on the real code set (I.A.12-13). */
const { present, shown } = realAnalyzer('the paired-code cases');

describe.skipIf(!present)('code first: the underlying condition before the code that asks for it', () => {
  it('anemia in chronic kidney disease: the stage first, then D63.1', () => {
    const codes = shown('ASSESSMENT: 1. Anemia of chronic kidney disease stage 4.');
    expect(codes.indexOf('N18.4')).toBeGreaterThanOrEqual(0);
    expect(codes.indexOf('N18.4')).toBeLessThan(codes.indexOf('D63.1'));
  });

  it('the unstaged disease joins the claim when the combined words covered it', () => {
    expect(shown('ASSESSMENT: Anemia due to chronic kidney disease.').slice(0, 2)).toEqual(['N18.9', 'D63.1']);
  });

  it('anemia alone asks for nothing', () => {
    expect(shown('ASSESSMENT: Anemia.')).toEqual(['D64.9']);
  });
});

describe.skipIf(!present)('use additional code: every code a note lists, not only a single one', () => {
  it('hypertensive chronic kidney disease stage 4: I12.9 with N18.4 ("N18.1-N18.4, N18.9")', () => {
    expect(shown('ASSESSMENT: Hypertensive chronic kidney disease stage 4.').slice(0, 2)).toEqual(['I12.9', 'N18.4']);
  });

  it('dementia due to Alzheimer disease: G30.9 with F02.80 ("F02.80, F02.A0, …")', () => {
    expect(shown('ASSESSMENT: Dementia due to Alzheimer disease.').slice(0, 2)).toEqual(['G30.9', 'F02.80']);
  });

  it("Alzheimer's disease alone is G30.9 alone", () => {
    expect(shown("ASSESSMENT: Alzheimer's disease.")).toEqual(['G30.9']);
  });
});

describe.skipIf(!present)(
  'the Index\'s "with" links complete with a symptom set aside as part of the diagnosis',
  () => {
    it('"Acute respiratory failure" and "Hypoxemia" listed apart are J96.01 (Failure, respiratory, acute, with hypoxia)', () => {
      const codes = shown('DIAGNOSES:\n1. Acute respiratory failure.\n2. Hypoxemia.');
      expect(codes).toContain('J96.01');
      expect(codes).not.toContain('J96.00');
    });

    it('without the hypoxemia it stays J96.00', () => {
      expect(shown('DIAGNOSES:\n1. Acute respiratory failure.\n2. Pneumonia.')).toContain('J96.00');
    });
  },
);
