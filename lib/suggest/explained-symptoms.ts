import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';
import { isNarrativeReading, putInPlaceOf } from './narrative-readings';
import { integralTo } from './integral-symptoms';

const SYMPTOM = /^R[0-6]/;
const words = (t: string) =>
  t
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 2);

/**
 * A diagnostic list may name a symptom that the present illness or the hospital course then
 * explains ("5. Perianal rash." listed; the course: "worsening of a candidal rash in the perianal
 * region"): the diagnosis the note establishes for that symptom is coded in its place, and the
 * symptom, part of it, is not (Guidelines I.B.4-5, IV.D: symptom codes are for symptoms no
 * established diagnosis explains). Only a diagnosis the symptom is routinely part of
 * (data/integral-symptoms.json), written in a sentence that names the symptom's own words.
 */
export function explainSymptoms(
  doc: NoteDocument,
  claim: Suggestion[],
  excluded: Suggestion[],
): { claim: Suggestion[]; replaced: Suggestion[]; used: Suggestion[] } {
  let list = [...claim];
  const replaced: Suggestion[] = [];
  const used: Suggestion[] = [];
  const sentenceOf = (at: number) => doc.statements.find((st) => st.start <= at && at < st.end);
  for (const s of claim) {
    if (s.system !== 'ICD-10-CM' || !SYMPTOM.test(s.code) || s.evidence.length === 0) continue;
    const own = words(s.evidence[0]!.text);
    if (own.length === 0) continue;
    const found = excluded.filter((e) => {
      if (!isNarrativeReading(e) || used.includes(e)) return false;
      if (list.some((c) => c.code === e.code) || !integralTo(s.code, [e.code])) return false;
      const st = e.evidence[0] && sentenceOf(e.evidence[0].start);
      const said = st ? words(doc.view.slice(st.start, st.end)) : [];
      return own.every((w) => said.includes(w));
    });
    if (found.length !== 1) continue;
    const e = found[0]!;
    list = putInPlaceOf(list, s, [e], `the note explains the listed ${s.code}: ${e.code} (Guidelines I.B.4-5, IV.D)`);
    replaced.push({
      ...s,
      reason: { ...s.reason, note: `explained by ${e.code}, written in the note (Guidelines I.B.5)` },
    });
    used.push(e);
  }
  return { claim: list, replaced, used };
}
