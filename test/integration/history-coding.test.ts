import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/* A past condition is reported by its personal-history code or not at all (I.C.21.c.4), on the real code set. */
const { present, shown, analyze: result } = realAnalyzer('the history cases');

describe.skipIf(!present)('history is never coded as current', () => {
  it('"History of kidney stones" is Z87.442, never the stone (N20.0)', () => {
    expect(shown('ASSESSMENT: 1. Cough. 2. History of kidney stones.')).toEqual(['R05.9', 'Z87.442']);
  });

  it('a past injury with no history code of its own is not coded (never an initial-encounter injury code)', () => {
    const r = result('ASSESSMENT: 1. Headache. 2. Past history of concussion.');
    expect(r.suggestions.map((s) => s.code)).toEqual(['R51.9']);
    expect(r.excluded.find((s) => s.code.startsWith('S06.0'))?.reason.note).toMatch(/history/);
  });

  it('a chronic condition written as history is still the condition (dementia, lupus)', () => {
    expect(shown('ASSESSMENT: 1. Falls. 2. The patient has a history of moderate dementia.')).toContain('F03.B0');
    expect(shown('SUBJECTIVE: She has a history of lupus, currently on Plaquenil.\nASSESSMENT: Hand pain.')).toContain(
      'L93.0',
    );
  });

  it('a duration is not history: "a seven-day history of abdominal pain" is the pain', () => {
    expect(shown('IMPRESSION: Seven-day history of abdominal pain, now in the left lower quadrant.')).toContain(
      'R10.32',
    );
  });

  it("the condition keeps the assessment's place when its detail comes from the history", () => {
    const codes = shown(
      'ASSESSMENT: 1. Schizoaffective disorder. 2. Hypothyroidism.\nPAST PSYCHIATRIC HISTORY: Schizoaffective disorder, bipolar type.',
    );
    expect(codes[0]).toBe('F25.0');
    expect(codes).toContain('E03.9');
  });
});

describe.skipIf(!present)('one condition, the code that says the most of it', () => {
  it('"Depression" beside "Major depression disorder" is F32.9 (F32.A says less), never the reverse', () => {
    const codes = shown('ASSESSMENT: 1. Major depression disorder.\nHPI: Her depression is worse.');
    expect(codes).toContain('F32.9');
    expect(codes).not.toContain('F32.A');
  });

  it('two complications of one diabetes are both reported (E11.40 is not a reading of E11.319)', () => {
    const codes = shown('ASSESSMENT: Type 2 diabetes with neuropathy. Type 2 diabetes with retinopathy.');
    expect(codes).toEqual(expect.arrayContaining(['E11.40', 'E11.319']));
  });

  it('an episode is current only when the note says so', () => {
    expect(shown('ASSESSMENT: Bipolar disorder with mania and depression.')).toContain('F31.9');
    expect(shown('ASSESSMENT: Bipolar disorder, current episode manic.')).toContain('F31.10');
  });
});

describe.skipIf(!present)('a "with …" complication is stated only with its own last word', () => {
  it('"Asthma, status post tonsillectomy" is J45.909, never status asthmaticus (J45.902)', () => {
    expect(shown('ASSESSMENT: Asthma, status post tonsillectomy.')).toEqual(['J45.909']);
    expect(shown('ASSESSMENT: Asthma with acute exacerbation.')).toEqual(['J45.901']);
  });
});

describe.skipIf(!present)('the dominant side by default (I.C.6.a): right dominant, left nondominant', () => {
  it.each([
    ['Left hemiplegia.', 'G81.94'],
    ['Right hemiplegia.', 'G81.91'],
    ['History of stroke with residual left hemiparesis.', 'I69.354'],
    ['Left hemiplegia in an ambidextrous patient.', 'G81.92'],
  ])('%s -> %s', (dx, code) => {
    expect(shown(`ASSESSMENT: ${dx}`)[0]).toBe(code);
  });
});
