import type { NoteDocument } from '../document/document';
import { setAside } from './set-aside';
import type { Suggestion } from './schema';

/**
 * Diagnosis lists written at the end of the stay and at its start. Not the preoperative and
 * postoperative lists of a procedure: a scope that finds nothing leaves the preoperative symptom
 * as the reason for the procedure.
 */
const FINAL_LIST = /discharge|final/i;
const FIRST_LIST = /admission|admitting/i;

/** Signs and symptoms: chapter 18 (R00-R69, not R65 sepsis with its infection) and hypotension (I95). */
const SIGN = /^(?:R[0-6](?!5)|I95)/;
const UNCERTAIN =
  /\b(?:versus|vs|probabl[ey]|possibl[ey]|likely|rule out|r\/o|suspect(?:ed)?|question(?:able)?|consistent with)\b/;

/**
 * "ADMISSION DIAGNOSES: ... 4. Hypotension." and a discharge list that no longer names it, nor
 * the hospital course: a sign the admission listed was worked up, and the final diagnoses are what
 * the claim reports (Guidelines IV.A, IV.D: a symptom is not coded once a diagnosis is established;
 * Section III: the conditions that affected the stay). A sign written anywhere else in the note
 * (the discharge list, the course) stays. Only a record with both lists.
 */
export function dropAdmissionOnlySigns(
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const lists = doc.sections.filter((s) => s.role === 'diagnostic');
  const first = lists.filter((s) => FIRST_LIST.test(s.heading));
  const final = lists.filter((s) => FINAL_LIST.test(s.heading));
  if (first.length === 0 || final.length === 0) return { claim, moved: [] };
  const finalText = final
    .map((s) => doc.view.slice(s.bodyStart, s.end))
    .join(' ')
    .toLowerCase();
  // The final list must establish a diagnosis of its own, with no doubt left: "Gastroenteritis
  // versus bowel obstruction" leaves the vomiting to be coded (IV.H); "Status post vaginal
  // hysterectomy" alone leaves the menorrhagia and pelvic pain that were its reason.
  if (UNCERTAIN.test(finalText)) return { claim, moved: [] };
  const inside = (start: number, sections: typeof lists) => sections.some((s) => start >= s.bodyStart && start < s.end);
  const established = claim.some(
    (s) =>
      s.system === 'ICD-10-CM' &&
      !SIGN.test(s.code) &&
      !s.code.startsWith('Z') &&
      s.evidence.some((e) => inside(e.start, final)),
  );
  if (!established) return { claim, moved: [] };
  const moved = claim
    .filter((s) => s.system === 'ICD-10-CM' && SIGN.test(s.code) && s.evidence.length > 0)
    .filter((s) => s.evidence.every((e) => inside(e.start, first)))
    // The final list writes the sign again ("Atypical chest pain with myocardial infarction ruled out").
    .filter((s) => !s.evidence.some((e) => finalText.includes(doc.text.slice(e.start, e.end).toLowerCase())))
    .map((s) => ({
      ...s,
      reason: {
        ...s.reason,
        note: 'a sign listed only among the admission diagnoses, not in the discharge diagnoses or the course: the final diagnoses are coded (Guidelines IV.A, IV.D)',
      },
    }));
  return setAside(claim, moved);
}
