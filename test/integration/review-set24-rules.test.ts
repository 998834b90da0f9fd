import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found on the set-24 review of unseen visit notes, on the real code set.
 * Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-24 review cases');

describe.skipIf(!present)('set-24 rules', () => {
  it('a test that came back normal for a disease excludes it, as "negative for" does', () => {
    expect(
      shown('ASSESSMENT: Hyperthyroidism. Her hepatitis panel has come back normal for hepatitis A, B, and C.'),
    ).toEqual(['E05.90']);
    expect(shown('ASSESSMENT: Hyperthyroidism. Chronic hepatitis C.')).toEqual(['E05.90', 'B18.2']);
  });
});
