import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';

/** End-stage renal disease and the combinations that say it (hypertensive CKD with stage 5 or ESRD). */
const ESRD = 'N18.6';
/** The same hypertension without the end-stage kidney disease the transplant replaced. */
const WITHOUT_ESRD: Record<string, string> = { 'I12.0': 'I10', 'I13.11': 'I11.9', 'I13.2': 'I11.0' };
/** The graft failing or the patient on dialysis again: the end-stage disease is current. */
const FAILING = /^(?:T86\.1|Z99\.2|Z91\.15|Z49\.)/;
const FAILING_WORDS =
  /\b(?:graft (?:failure|loss|rejection)|(?:transplant|graft) (?:rejection|failure)|failed (?:kidney |renal )?(?:transplant|graft)|reject(?:ion|ing)|back on (?:hemo)?dialysis)\b/i;

const KIDNEY_WORDS = /\b(?:esrd|end[- ]stage|renal|kidney|ckd)\b/i;

const WHY =
  'end-stage renal disease the kidney transplant treated: with a working graft it is history; the current stage of chronic kidney disease is coded only where the note states it (Guidelines I.C.14.a.2)';

/**
 * "ESRD secondary to hypertension, status post kidney transplant ... stable function": the patient
 * has the transplant's status (Z94.0), not end-stage renal disease. N18.6 is set aside and a
 * hypertensive CKD combination that says stage 5 or ESRD becomes its hypertension alone (I12.0 ->
 * I10), unless the graft fails or the patient is on dialysis (T86.1-, Z99.2, "rejection").
 */
export function dropEsrdAfterKidneyTransplant(
  pack: CodePack,
  text: string,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  if (!icd.some((s) => s.code === 'Z94.0')) return { claim, moved: [] };
  if (icd.some((s) => FAILING.test(s.code)) || FAILING_WORDS.test(text)) return { claim, moved: [] };
  const moved: Suggestion[] = [];
  const out: Suggestion[] = [];
  for (const s of claim) {
    const plain = s.system === 'ICD-10-CM' ? WITHOUT_ESRD[s.code] : undefined;
    if (s.system === 'ICD-10-CM' && s.code === ESRD) {
      moved.push({ ...s, reason: { ...s.reason, note: WHY } });
    } else if (plain && pack.codeInfo(plain)) {
      moved.push({ ...s, reason: { ...s.reason, note: WHY } });
      // The hypertension's own words, not the kidney disease's.
      const own = s.evidence.filter((e) => !KIDNEY_WORDS.test(e.text));
      if (!claim.some((o) => o.code === plain))
        out.push({
          ...s,
          code: plain,
          description: pack.titleOf(plain) || s.description,
          evidence: own.length > 0 ? own : s.evidence,
          reason: { ...s.reason, note: WHY },
        });
    } else out.push(s);
  }
  return moved.length > 0 ? { claim: out, moved } : { claim, moved: [] };
}
