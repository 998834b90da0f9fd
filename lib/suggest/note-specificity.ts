import type { Suggestion } from './schema';
import { NARRATIVE_ONLY_WHY } from './claim-policy';
import { termStems } from './dictionary';

const vague = (s: Suggestion) => /\bunspecified\b/i.test(s.description);
const stemsOf = (s: Suggestion) => new Set(termStems(s.reason.matched).required);

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
        e.system === 'ICD-10-CM' &&
        e.section === 'hpi' &&
        e.assertion === 'present' &&
        e.reason.note === NARRATIVE_ONLY_WHY &&
        !vague(e) &&
        !list.some((c) => c.code === e.code) &&
        [...mine].every((x) => stemsOf(e).has(x)),
    );
    if (found.length === 0 || found.length > 2 || new Set(found.map((e) => e.code.slice(0, 5))).size > 1) continue;
    const at = list.indexOf(s);
    const specific = found.map((e) => ({
      ...e,
      section: s.section,
      evidence: [...s.evidence, ...e.evidence].sort((a, b) => a.start - b.start),
      reason: {
        ...e.reason,
        refinedFrom: s.code,
        note: `the present illness documents it more specifically than the assessment's ${s.code} (Guidelines I.B.2)`,
      },
    }));
    list = [...list.slice(0, at), ...specific, ...list.slice(at + 1)];
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
