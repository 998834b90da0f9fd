import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found by a coder's review of unseen visit notes (set 13), on the real code
 * set. Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-13 review cases');

describe.skipIf(!present)('poisoning by a medicine the Table does not name', () => {
  it('tablets of an unknown brand taken by accident: poisoning by an unspecified drug, accidental', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: A 3-year-old who ingested about two tablets of Zorbatrin 40 mg per tablet.\n' +
      'ASSESSMENT AND PLAN: Three-year-old male with accidental ingestion of Zorbatrin. Discharged home.';
    expect(shown(note)).toContain('T50.901A');
  });

  it('a named drug keeps its own row, and an ingested object is no drug poisoning', () => {
    const named =
      'HISTORY OF PRESENT ILLNESS: A 3-year-old who ingested two tablets of citalopram 40 mg.\n' +
      'ASSESSMENT: Accidental ingestion of citalopram.';
    expect(shown(named)).not.toContain('T50.901A');
    expect(shown(named).some((c) => c.startsWith('T43.22'))).toBe(true);
    const coin = 'HISTORY OF PRESENT ILLNESS: A 3-year-old who swallowed a coin.\nASSESSMENT: Ingestion of a coin.';
    expect(shown(coin)).not.toContain('T50.901A');
  });
});
