import { noteWords, type ExpandedToken } from '../text/expand';
import { stemWord } from '../text/tokens';
import { isStopWord, TEST_NOUNS } from './dictionary';

/** A dose's ordinal between a vaccine's name and its noun ("hepatitis B second injection"): it names nothing. */
const DOSE_ORDINALS = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  '1st',
  '2nd',
  '3rd',
  '4th',
  '5th',
  'final',
]);
/** Words before a test noun that still read as themselves: the encounter for a pregnancy test, a screening. */
const TEST_KEEPS = new Set(['pregnancy', 'screening', 'screen', 'positive', 'negative'].map(stemWord));
/** A result written before the test names a finding ("elevated liver function tests" R79.89): the words stay readable. */
const RESULT_WORDS = new Set(
  ['elevated', 'abnormal', 'high', 'low', 'increased', 'decreased', 'raised', 'deranged'].map(stemWord),
);

/**
 * "HIV testing", "strep test", "flu shot": the one or two words before a test or vaccine noun name
 * the test or the vaccine, not a condition (term-rules test_nouns). Read per word of the note: an
 * abbreviation ("HIV") is only present as its expansion.
 */
export function testNameSources(tokens: ExpandedToken[]): number[] {
  const words = noteWords(tokens).map((w) => w.first);
  const out: number[] = [];
  words.forEach((t, i) => {
    if (t.expanded || !TEST_NOUNS.has(t.norm)) return;
    if (words.slice(Math.max(0, i - 4), i).some((w) => RESULT_WORDS.has(w.stem))) return;
    let k = 1;
    while (i - k >= 0 && DOSE_ORDINALS.has(words[i - k]!.norm) && words[i - k + 1]!.start - words[i - k]!.end <= 2) k++;
    for (const last = k + 1; k <= last && i - k >= 0; k++) {
      const w = words[i - k]!;
      if (TEST_KEEPS.has(w.stem) || isStopWord(w.norm) || words[i - k + 1]!.start - w.end > 2) break;
      out.push(w.source);
    }
  });
  return out;
}
