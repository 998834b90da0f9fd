import type { ExpandedToken } from '../text/expand';

/** Terms of a condition an operation or procedure caused ("Hypothyroidism due to surgery", "postprocedural"). */
const AFTER_PROCEDURE =
  /\b(?:due to (?:surgery|procedure|operation)|post-?procedural|post-?surgical|post-?operative|following (?:a |an )?(?:procedure|surgery))\b/i;
const PROCEDURE_WORD = /^(?:surgery|surgeries|procedure|procedures|operation|operations|surgical|operative)$/;

/**
 * A condition caused by an operation needs the note to tie the two: "hypothyroidism after thyroid
 * surgery", "postoperative hypothyroidism". Two items of a list joined by "and" ("Hypothyroidism
 * and cervical disc herniation and sinus surgery") are two things the patient has had, not one
 * caused by the other (a complication code needs the provider's cause-and-effect, Guidelines
 * I.B.16): a procedural term whose words straddle an "and" is not read.
 */
export function joinsProcedureAcrossAnd(termText: string, positions: number[], tokens: ExpandedToken[]): boolean {
  if (!AFTER_PROCEDURE.test(termText)) return false;
  const written = positions.filter((p) => !tokens[p]!.implied);
  const procedure = written.filter((p) => PROCEDURE_WORD.test(tokens[p]!.norm));
  if (procedure.length === 0 || procedure.length === written.length) return false;
  const lo = Math.min(...written);
  const hi = Math.max(...written);
  for (let i = lo + 1; i < hi; i++) if (tokens[i]!.norm === 'and' && !positions.includes(i)) return true;
  return false;
}
