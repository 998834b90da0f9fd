import type { Suggestion } from './schema';
import { NARRATIVE_ONLY_WHY } from './claim-policy';

/**
 * A diagnosis read from the note's own words that stayed off the claim only because it is written in
 * the history or the course: the guideline steps may still take specificity or a second code from it.
 */
export function isNarrativeReading(e: Suggestion): boolean {
  return e.system === 'ICD-10-CM' && e.assertion === 'present' && e.reason.note === NARRATIVE_ONLY_WHY;
}

/**
 * The claim with `target` replaced, at its place, by `readings` of the narrative that say more of it:
 * each keeps its own code and words, takes the target's section and evidence too, and says why.
 */
export function putInPlaceOf(
  list: Suggestion[],
  target: Suggestion,
  readings: Suggestion[],
  note: string,
): Suggestion[] {
  const at = list.indexOf(target);
  const put = readings.map((e) => ({
    ...e,
    section: target.section,
    evidence: [...target.evidence, ...e.evidence].sort((a, b) => a.start - b.start),
    reason: { ...e.reason, refinedFrom: target.code, note },
  }));
  return [...list.slice(0, at), ...put, ...list.slice(at + 1)];
}
