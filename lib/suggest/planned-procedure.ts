import type { Suggestion } from './schema';

/** What an operation is still to come from: evaluated for, planned, scheduled, considered, recommended, needed. */
const TO_COME =
  /\b(?:for|needs?|require|requires|consider|considering|consideration of|candidate for|scheduled for|planned|plans? (?:for|to)|planning|proceed with|undergo|referr?ed for|option of|possibility of|benefit from|recommend(?:ed)?|discussed)\b[^.;:]{0,50}$/i;
/** An operation on what is already there ("reversal of the colostomy"): the status stands. */
const ON_EXISTING =
  /\b(?:reversal|takedown|take-down|removal|revision|closure|change|exchange|replacement|repair|interrogation|malfunction|care) of (?:the |his |her |their |a |an )?$/i;
/** What it was done from ("prior to her banding" places an operation after something, not before today). */
const DONE =
  /\b(?:status post|s\/p|post|history of|had|has had|underwent|undergone|prior(?! to\b)|previous|previously|since)\b[^.;:]{0,50}$/i;

/** The operation written at `start` is told as done ("status post", "underwent", "history of"). */
export function toldAsDone(text: string, start: number): boolean {
  return DONE.test(text.slice(Math.max(0, start - 80), start));
}

/** The operation written at `start` is still to come (evaluated for, planned, recommended), not done. */
export function stillToCome(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return TO_COME.test(before) && !DONE.test(before) && !ON_EXISTING.test(before);
}

/**
 * A status code says what earlier care left behind (Guidelines I.C.21.c.3): the patient HAS had
 * the operation. An operation the note is still evaluating, planning or recommending ("He wants
 * to proceed with workup and evaluation for laparoscopic Roux-en-Y gastric bypass", "consult
 * cardiovascular surgery for consideration of coronary artery bypass", "she may need to have a
 * pacemaker placed") leaves no status yet.
 * Codes of absent organs (Z89-Z90), ostomies and implants (Z93, Z95-Z98) read only from such
 * words move to the alternatives.
 */
export function dropPlannedProcedureStatus(
  text: string,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const moved: Suggestion[] = [];
  const kept = claim.filter((s) => {
    if (s.system !== 'ICD-10-CM' || !/^Z(?:89|90|93|9[5-8])/.test(s.code)) return true;
    const planned = s.evidence.every((e) => stillToCome(text, e.start));
    if (!planned) return true;
    moved.push({
      ...s,
      reason: {
        ...s.reason,
        note: 'an operation still to come (evaluated for, planned or recommended) leaves no status yet (Guidelines I.C.21.c.3)',
      },
    });
    return false;
  });
  return { claim: kept, moved };
}
