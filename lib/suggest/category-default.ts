import { isPastEvent } from '../pack/specificity';
import { stemWord } from '../text/tokens';
import type { Suggestion } from './schema';

const vague = (s: Suggestion) => /\bunspecified\b|\bwithout complications\b/i.test(s.description);
/** The category's own "unspecified" code: N18.9 "…, unspecified", I48.91 "Unspecified …", F32.A "Depression, unspecified". */
const nos = (s: Suggestion) => /^unspecified\b/i.test(s.description) || /, unspecified$/i.test(s.description);
const COMBINATION = /\bwith\b/i;
const FILLER = /^(unspecified|other|with|without|and|the|of|in|or)$/i;
/** The words that say what the condition is (not "unspecified", "other", connectives), as stems. */
function contentStems(s: Suggestion): string[] {
  return s.description
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !FILLER.test(w))
    .map(stemWord);
}

/**
 * A title that says "without" what another title of its category says "with" ("Sickle-cell disease
 * without crisis" D57.1 beside "Hb-SS disease with crisis, unspecified" D57.00): both cannot be
 * documented; the note that wrote the crisis documents the "with" code, however unspecified it is.
 */
function deniedByTitle(s: Suggestion, o: Suggestion): boolean {
  const without = /\bwithout (\w+)/i.exec(s.description)?.[1];
  return without !== undefined && new RegExp(`\\bwith ${without}\\b`, 'i').test(o.description);
}

/**
 * Highest specificity (Guidelines I.B.2): the codes of a category on the claim that are a less
 * specific reading of another code of the same category, shown among the alternatives instead.
 * - an "unspecified" or "without complications" code beside a specified one of the same condition
 *   (E11.9 beside E11.22; among symptoms only the same one: not R11.10 vomiting beside R11.0 nausea);
 * - the category's "unspecified" code ending in 9 beside a code whose title says more (N18.9
 *   beside N18.30, M54.9 "Dorsalgia" beside M54.50 "Low back pain");
 * - a NOS title whose words another title contains and extends ("Depression, unspecified" F32.A
 *   beside "Major depressive disorder, single episode, unspecified" F32.9; never the reverse, and
 *   never two different complications: E11.40 beside E11.319 names another condition);
 * - a combination's unspecified code only beside one naming all of its conditions.
 */
export function lessSpecificInCategory(grouped: Suggestion[]): Suggestion[] {
  return grouped.filter((s) => {
    if (grouped.some((o) => o !== s && o.code.slice(0, 3) === s.code.slice(0, 3) && deniedByTitle(s, o))) return true;
    if (!vague(s)) return false;
    const mine = contentStems(s);
    return grouped.some((o) => {
      if (o === s || o.code.slice(0, 3) !== s.code.slice(0, 3)) return false;
      if (deniedByTitle(o, s)) return false;
      // A past event the category keeps (I25.2 beside I25.9) says nothing more of the current disease.
      if (isPastEvent(o.description)) return false;
      // A combination ("Nausea with vomiting, unspecified", R11.2) is less specific only than a code
      // naming both its conditions: "Nausea" (R11.0) names one of them.
      if (COMBINATION.test(s.description) && !mine.every((w) => contentStems(o).includes(w))) return false;
      // A symptom category's subcategories are different symptoms: "Nausea" (R11.0) leaves
      // "Vomiting, unspecified" (R11.10) a symptom of its own, not a vaguer reading of it.
      if (!vague(o)) return !s.code.startsWith('R') || mine.some((w) => contentStems(o).includes(w));
      if (!nos(s)) return false;
      const theirs = contentStems(o);
      if (theirs.length <= mine.length) return false;
      return /9$/.test(s.code) || mine.every((w) => theirs.includes(w));
    });
  });
}
