import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';

/** Words of a status statement that name no procedure. */
const FILLER = /^(?:status|post|s|p|history|of|the|a|an|and|with|prior|previous|recent|laparoscopic|open|total|partial|left|right|bilateral)$/;

/**
 * A status code (Z90-Z99: an absent organ, an implant, a transplant) says what earlier care left
 * behind; it is not reported for the operation this very encounter performed ("PROCEDURE:
 * Laparoscopic cholecystectomy." and "Status post laparoscopic cholecystectomy" among the discharge
 * diagnoses -> no Z90.49; Guidelines I.C.21.c.3: status codes are for a patient who HAS had the
 * procedure, the encounter's own procedure is reported with its procedure code). Returns the claim
 * without such codes and the codes moved out.
 */
export function dropCurrentProcedureStatus(doc: NoteDocument, claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const procedureText = doc.statements
    .filter((st) => st.section.role === 'procedure')
    .map((st) => doc.text.slice(st.start, st.end).toLowerCase())
    .join(' ');
  if (!procedureText) return { claim, moved: [] };
  const moved: Suggestion[] = [];
  const kept = claim.filter((s) => {
    if (s.system !== 'ICD-10-CM' || !/^Z9\d/.test(s.code)) return true;
    const words = s.evidence.flatMap((e) => e.text.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length > 3 && !FILLER.test(w));
    if (words.length === 0 || !words.every((w) => new RegExp(`\\b${w}\\b`).test(procedureText))) return true;
    moved.push({ ...s, reason: { ...s.reason, note: "the procedure of this encounter (the note's procedure section): not a status from earlier care (Guidelines I.C.21.c.3)" } });
    return false;
  });
  return { claim: kept, moved };
}
