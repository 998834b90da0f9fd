import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found on the coder's reviews of unseen visit notes (set 19 leftovers and
 * set 20), on the real code set. Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-20 review cases');

describe.skipIf(!present)('set-20 rules', () => {
  it('nausea and vomiting listed apart are one combination code; a symptom is no vaguer reading of another (I.B.2, I.B.9)', () => {
    expect(shown('ASSESSMENT:\n1. Nausea.\n2. Vomiting.\n3. Dehydration.')).toEqual(['R11.2', 'E86.0']);
    // The same symptom still gives way to its specified code.
    expect(shown('ASSESSMENT: Abdominal pain, right upper quadrant pain.')).toEqual(['R10.11']);
  });
});
