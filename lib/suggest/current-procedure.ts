import type { NoteDocument } from '../document/document';
import type { Suggestion } from './schema';

/** A procedure sentence that puts a device in (not one that checks or uses it). */
const PUTS_IN =
  /\b(?:placement|placed|insertion|inserted|implantation|implanted|creation|created|construction|replacement|revision|arthroplasty|bypass|grafting)\b/;
/** A course sentence telling an operation of this stay. */
const OPERATING = /\b(?:operating room|to the or|to surgery)\b/;
/** A procedure-section sentence that recalls earlier care rather than describing this operation. */
const EARLIER = /\b(?:post|status|history|prior|previous|previously)\b/;
/** Words of a status statement that name no procedure. */
const FILLER =
  /^(?:status|post|s|p|history|of|the|a|an|and|with|prior|previous|recent|laparoscopic|open|total|partial|left|right|bilateral)$/;

/**
 * A status code (an absent organ Z89-Z90, an ostomy or implant Z93, Z95-Z98) says what earlier care left
 * behind; it is not reported for the operation this very encounter performed ("PROCEDURE:
 * Laparoscopic cholecystectomy." and "Status post laparoscopic cholecystectomy" among the discharge
 * diagnoses -> no Z90.49; Guidelines I.C.21.c.3: status codes are for a patient who HAS had the
 * procedure, the encounter's own procedure is reported with its procedure code). Returns the claim
 * without such codes and the codes moved out.
 */
export function dropCurrentProcedureStatus(
  doc: NoteDocument,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  // The hospital course tells this stay's operation too ("went to the operating room where she
  // underwent a right total hip arthroplasty").
  const procedures = doc.statements
    .map((st) => ({ st, t: doc.text.slice(st.start, st.end).toLowerCase() }))
    .filter(({ st, t }) => st.section.role === 'procedure' || (st.section.kind === 'course' && OPERATING.test(t)))
    .map(({ t }) => t);
  if (procedures.length === 0) return { claim, moved: [] };
  const moved: Suggestion[] = [];
  const kept = claim.filter((s) => {
    if (s.system !== 'ICD-10-CM') return true;
    // An organ removed (Z89 amputation, Z90 acquired absence) by the encounter's own operation; a
    // device (Z93 ostomy, Z95-Z97 implants, Z98 other) only where the procedure puts it in — an
    // interrogation or a dialysis session leaves the status standing (Z99 is never the procedure's).
    const removal = /^Z(?:89|90)/.test(s.code);
    if (!removal && !/^Z9[35-8]/.test(s.code)) return true;
    const wordsOf = (text: string) =>
      text
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3 && !FILLER.test(w));
    const words = s.evidence.flatMap((e) => wordsOf(e.text));
    if (words.length === 0) return true;
    // The operation's own name, written as one phrase ("gastric bypass"), or every word of the reading.
    const phrases = [words, ...s.evidence.map((e) => wordsOf(e.text)).filter((ws) => ws.length >= 2)];
    // The procedure sentence must name the operation as done now, not recall an earlier one
    // ("findings … secondary to the patient's post cholecystectomy state").
    // …on the same side: a right hip replaced in 2000 stays beside today's left one.
    const side = /\bright\b/i.test(s.description) ? 'right' : /\bleft\b/i.test(s.description) ? 'left' : undefined;
    const other = side === 'right' ? 'left' : 'right';
    const sameSide = (t: string) =>
      !side || new RegExp(`\\b${side}\\b`).test(t) || !new RegExp(`\\b${other}\\b`).test(t);
    const names = (t: string) =>
      !EARLIER.test(t) && sameSide(t) && phrases.some((ws) => ws.every((w) => new RegExp(`\\b${w}\\b`).test(t)));
    if (!procedures.some((t) => names(t) && (removal || PUTS_IN.test(t)))) return true;
    moved.push({
      ...s,
      reason: {
        ...s.reason,
        note: "the procedure of this encounter (the note's procedure section): not a status from earlier care (Guidelines I.C.21.c.3)",
      },
    });
    return false;
  });
  return { claim: kept, moved };
}
