import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found on the set-22 review of unseen visit notes, on the real code set.
 * Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-22 review cases');

describe.skipIf(!present)('set-22 rules', () => {
  it('a child titled "…, so stated" needs its whole name written (I47.11 is not read from "sinus rhythm")', () => {
    expect(shown('ASSESSMENT: Supraventricular tachycardia, now in sinus rhythm.')).toEqual(['I47.10']);
    expect(shown('ASSESSMENT: Refractory anemia without ring sideroblasts.')).toEqual(['D46.0']);
  });

  it('what a differential "could include" is uncertain over the whole list that follows (IV.H)', () => {
    expect(
      shown(
        'ASSESSMENT: Elevated transaminases. Differential could include some form of viral hepatitis such as hepatitis B or even C.',
      ),
    ).toEqual(['R74.01']);
    expect(shown('ASSESSMENT: Elevated transaminases. Chronic hepatitis C.')).toEqual(['R74.01', 'B18.2']);
  });

  it('an adverse effect needs the drug as the cause the cue names first, not a word after a comma (I.C.19.e.5.a)', () => {
    expect(
      shown(
        'DIAGNOSES:\n1. Hyperglycemia secondary to poorly controlled type II diabetes mellitus, insulin requiring.',
      ),
    ).toEqual(['E11.65', 'Z79.4']);
    expect(shown('DIAGNOSES:\n1. Hypotension secondary to lisinopril, taken as prescribed.')).toEqual([
      'I95.9',
      'T46.4X5A',
    ]);
  });
});
