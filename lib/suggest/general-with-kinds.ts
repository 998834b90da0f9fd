import type { CodePack } from '../pack/code-pack';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';

/** Words after a general term that introduce its kinds ("electrolyte abnormality with hyponatremia and hypokalemia"). */
const KINDS = /^[\s,]*(?:with|including|includes|consisting of|namely|:|\()[\s\w,]*$/i;

/** The nouns of a general term ("electrolyte abnormality", "lipid disorder", "thyroid disease"). */
const GENERAL =
  /\b(?:abnormal\w*|disorders?|diseases?|problems?|imbalances?|derangements?|conditions?|dysfunctions?|disturbances?|issues?)\b/i;

/**
 * A general term written with its kinds names no condition of its own: "electrolyte abnormality
 * with hyponatremia and hypokalemia" is E87.1 and E87.6, not E87.8 beside them (the "other"
 * code is for a disorder the category does not name, Guidelines I.A.9; the note's detail is
 * coded, I.B.2). Only an "other …" code of the category, and only kinds written right after it in
 * the same statement. The general code moves to the alternatives.
 */
export function dropGeneralWithKinds(
  pack: CodePack,
  text: string,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const moved: Suggestion[] = [];
  for (const a of icd) {
    if (!/^Other\b/i.test(pack.codeInfo(a.code)?.title ?? '') || a.evidence.length === 0) continue;
    // Only a general term names kinds: "rectal pain with bleeding" is a pain and a bleeding.
    if (!a.evidence.some((e) => GENERAL.test(e.text))) continue;
    const end = Math.max(...a.evidence.map((e) => e.end));
    const kind = icd.find(
      (b) =>
        b !== a &&
        b.code.slice(0, 3) === a.code.slice(0, 3) &&
        b.evidence.some((e) => e.start >= end && e.start - end < 40 && KINDS.test(text.slice(end, e.start))),
    );
    if (!kind) continue;
    moved.push({
      ...a,
      reason: {
        ...a.reason,
        note: `the general term is written with its kinds (${kind.code}): they are coded, not the "other" code beside them (Guidelines I.A.9, I.B.2)`,
      },
    });
  }
  return setAside(claim, moved);
}
