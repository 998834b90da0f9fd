import type { NoteDocument } from '../document/document';
import { setAside } from './set-aside';
import type { Suggestion } from './schema';

/** Signs and symptoms: chapter 18 (R00-R69, not R65 sepsis with its infection). */
const SIGN = /^R[0-6](?!5)/;

/**
 * "DIFFERENTIAL DIAGNOSIS: This patient is presenting with acute rectal pain ... fever, fatigue and
 * adenopathy" and, after it, "DIAGNOSIS: rectal cultures ... positive for Neisseria gonorrhoeae":
 * the differential weighs what the presentation could be and the later diagnosis settles it. Its
 * signs were coded only because nothing was established (Guidelines IV.D, IV.H); once a final
 * diagnosis is written after it, they are not (I.B.5). A sign written elsewhere as a statement of
 * its own (the assessment) stays; so do the differential's signs when nothing later is established.
 */
export function dropSettledDifferentialSigns(
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const differentials = doc.sections.filter((s) => s.kind === 'differential');
  if (differentials.length === 0) return { claim, moved: [] };
  const inside = (start: number, s: { bodyStart: number; end: number }) => start >= s.bodyStart && start < s.end;
  const firstDifferential = Math.min(...differentials.map((s) => s.start));
  const later = doc.sections.filter(
    (s) => s.role === 'diagnostic' && s.kind !== 'differential' && s.start > firstDifferential,
  );
  const established = claim.some(
    (s) =>
      s.system === 'ICD-10-CM' &&
      s.assertion === 'present' &&
      !SIGN.test(s.code) &&
      !s.code.startsWith('Z') &&
      s.evidence.some((e) => later.some((l) => inside(e.start, l))),
  );
  if (!established) return { claim, moved: [] };
  const moved = claim
    .filter((s) => s.system === 'ICD-10-CM' && SIGN.test(s.code) && s.evidence.length > 0)
    .filter((s) => s.evidence.every((e) => differentials.some((d) => inside(e.start, d))))
    .map((s) => ({
      ...s,
      reason: {
        ...s.reason,
        note: 'a sign the differential diagnosis weighed, settled by the diagnosis written after it: the diagnosis is coded, not its signs (Guidelines IV.D, I.B.5)',
      },
    }));
  return setAside(claim, moved);
}
