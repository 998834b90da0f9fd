import type { Suggestion } from './schema';
import { isNarrativeReading, putInPlaceOf } from './narrative-readings';
import { termStems } from './dictionary';
import { FINDINGS_WHY } from './claim-policy';

/** Where the present illness is told: under its heading, in the hospital course, or as the note's untitled opening. */
const NARRATIVE_SECTIONS = new Set(['hpi', 'course', 'preamble']);
const vague = (s: Suggestion) => /\bunspecified\b/i.test(s.description);
/** "Discitis, unspecified, site unspecified" says less than "Discitis, unspecified, lumbar region": the site is stated. */
const unspecifiedCount = (s: Suggestion) => s.description.match(/\bunspecified\b/gi)?.length ?? 0;
const STEMS = new WeakMap<Suggestion, Set<string>>();
/** The required stems of a suggestion's matched term, read once per suggestion. */
function stemsOf(s: Suggestion): Set<string> {
  let stems = STEMS.get(s);
  if (!stems) STEMS.set(s, (stems = new Set(termStems(s.reason.matched).required)));
  return stems;
}

/**
 * A stated finding of the examination ("He has oral thrush") or a positive answer of the review of
 * systems ("GENITOURINARY: A gross hematuria since yesterday"): the same condition the assessment
 * names, seen or told (a review of systems only within the assessment's own category: its list of
 * answers, "anxiety, depression", is no mixed anxiety and depressive disorder).
 */
const examReading = (e: Suggestion) =>
  e.system === 'ICD-10-CM' &&
  e.assertion === 'present' &&
  (e.section === 'exam' || e.section === 'ros') &&
  e.reason.note === FINDINGS_WHY;

/**
 * The assessment names the condition; the present illness or the examination may say more of it. An "unspecified"
 * code read from the assessment ("Pes anserinus bursitis, bilaterally" -> M71.9 Bursopathy,
 * unspecified) gives way to the more specific code the present illness documents for the same
 * Index entry ("bursitis" of both knees -> M70.51 + M70.52): coders code to the highest
 * specificity the encounter's documentation supports (Guidelines I.B.2, I.B.13); "Thrush" with
 * "He has oral thrush" on examination is B37.0. Only the present illness and the examination (they
 * describe the problem being assessed), only words that contain every word of the
 * assessment's reading, and only when they point to one subcategory (a laterality pair at most).
 */
export function specifyFromPresentIllness(
  claim: Suggestion[],
  excluded: Suggestion[],
  alternatives: Suggestion[] = [],
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
        ((isNarrativeReading(e) && NARRATIVE_SECTIONS.has(e.section)) ||
          (examReading(e) && (e.section === 'exam' || e.code.slice(0, 3) === s.code.slice(0, 3)))) &&
        // "Lower abdominal pain, unspecified" says more than "Unspecified abdominal pain": as many
        // "unspecified" words, and a word of its own besides every word of the assessment's.
        (!vague(e) ||
          unspecifiedCount(e) < unspecifiedCount(s) ||
          (unspecifiedCount(e) === unspecifiedCount(s) && stemsOf(e).size > mine.size)) &&
        // A residual "Other …" code read from no word beyond the assessment's is no detail the
        // note documents ("a small right-sided pneumothorax, but no other findings").
        !(/^Other\b/i.test(e.description) && stemsOf(e).size <= mine.size) &&
        !list.some((c) => c.code === e.code) &&
        [...mine].every((x) => stemsOf(e).has(x)),
    );
    if (found.length === 0 || found.length > 2 || new Set(found.map((e) => e.code.slice(0, 5))).size > 1) continue;
    // An examination finding at several sites ("folliculitis lesions on her face, neck, abdomen,
    // chest and back") read as one of them is not the assessment's condition made specific.
    const sameStatement = (a: Suggestion, b: Suggestion) =>
      a.evidence.some((x) => b.evidence.some((y) => Math.abs(x.start - y.start) < 200));
    if (
      found.some(
        (f) =>
          f.section === 'exam' &&
          [...excluded, ...alternatives].some(
            (o) =>
              !found.some((x) => x.code === o.code) &&
              o.code.slice(0, 3) === f.code.slice(0, 3) &&
              sameStatement(o, f) &&
              !vague(o),
          ),
      )
    )
      continue;
    list = putInPlaceOf(
      list,
      s,
      found,
      `the present illness or examination documents it more specifically than the assessment's ${s.code} (Guidelines I.B.2)`,
    );
    replaced.push({
      ...s,
      reason: {
        ...s.reason,
        note: `the present illness or examination documents it more specifically: ${found.map((e) => e.code).join(', ')}`,
      },
    });
    used.push(...found);
  }
  return { claim: list, replaced, used };
}
