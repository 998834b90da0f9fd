import type { Suggestion } from './schema';
import { isNarrativeReading, putInPlaceOf } from './narrative-readings';
import { termStems } from './dictionary';

const vague = (s: Suggestion) => /\bunspecified\b/i.test(s.description);
const STEMS = new WeakMap<Suggestion, Set<string>>();
/** The required stems of a suggestion's matched term, read once per suggestion. */
function stemsOf(s: Suggestion): Set<string> {
  let stems = STEMS.get(s);
  if (!stems) STEMS.set(s, (stems = new Set(termStems(s.reason.matched).required)));
  return stems;
}

/**
 * The assessment names the condition; the present illness may say more of it. An "unspecified"
 * code read from the assessment ("Pes anserinus bursitis, bilaterally" -> M71.9 Bursopathy,
 * unspecified) gives way to the more specific code the present illness documents for the same
 * Index entry ("bursitis" of both knees -> M70.51 + M70.52): coders code to the highest
 * specificity the encounter's documentation supports (Guidelines I.B.2, I.B.13). Only the present
 * illness (it describes the problem being assessed), only words that contain every word of the
 * assessment's reading, and only when they point to one subcategory (a laterality pair at most).
 */
export function specifyFromPresentIllness(
  claim: Suggestion[],
  excluded: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[]; used: Suggestion[] } {
  let list = [...claim];
  const replaced: Suggestion[] = [];
  const used: Suggestion[] = [];
  for (const s of claim) {
    if (s.system !== 'ICD-10-CM' || !vague(s)) continue;
    const mine = stemsOf(s);
    if (mine.size === 0) continue;
    const found = excluded.filter(
      (e) =>
        isNarrativeReading(e) &&
        e.section === 'hpi' &&
        !vague(e) &&
        !list.some((c) => c.code === e.code) &&
        [...mine].every((x) => stemsOf(e).has(x)),
    );
    if (found.length === 0 || found.length > 2 || new Set(found.map((e) => e.code.slice(0, 5))).size > 1) continue;
    list = putInPlaceOf(
      list,
      s,
      found,
      `the present illness documents it more specifically than the assessment's ${s.code} (Guidelines I.B.2)`,
    );
    replaced.push({
      ...s,
      reason: {
        ...s.reason,
        note: `the present illness documents it more specifically: ${found.map((e) => e.code).join(', ')}`,
      },
    });
    used.push(...found);
  }
  return { claim: list, replaced, used };
}
