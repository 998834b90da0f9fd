import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found while the set-26 review of unseen visit notes ran, on the real code set.
 * Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-26 rule cases');

describe.skipIf(!present)('set-26 rules', () => {
  it("a spouse's condition is not the patient's, nor family history; the patient's own stays", () => {
    const note =
      'SUBJECTIVE: She comes in for a dietary consultation for hyperlipidemia. The patient states that her husband has been diagnosed with high blood cholesterol as well.';
    expect(shown(note)).not.toContain('E78.00');
    expect(shown(note)).toContain('E78.5');
    expect(shown('ASSESSMENT: High blood cholesterol.')).toEqual(['E78.00']);
  });

  it('a spine region written with a plain spondylosis is the "without myelopathy or radiculopathy" code of that region, not "Other spondylosis"', () => {
    expect(shown('ASSESSMENT: Lumbar spondylosis.')).toEqual(['M47.816']);
    expect(shown('DISCHARGE DIAGNOSES:\n1. Cervical spondylosis.')).toEqual(['M47.812']);
    expect(shown('ASSESSMENT: Cervical spondylosis with radiculopathy.')).toEqual(['M47.22']);
    expect(shown('ASSESSMENT: Spondylosis.')).toEqual(['M47.9']);
  });
});
