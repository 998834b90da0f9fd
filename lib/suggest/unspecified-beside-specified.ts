import type { CodePack } from '../pack/code-pack';
import { unspecifiedReadingOf } from '../pack/specificity';
import type { Suggestion } from './schema';

/**
 * One condition, one code: where the note names a condition once in general words ("atrial
 * fibrillation", I48.91) and once specifically ("chronic atrial fibrillation", I48.20), the
 * unspecified code is the same condition read with less detail, not a second diagnosis
 * (Guidelines I.A.9: unspecified codes are for a record that lacks the detail; I.B.2). The
 * unspecified reading is decided where the two codes' branches part in the Tabular — the same
 * test as the `unspecified-beside-specified` check, so the panel never suggests what the check
 * would flag. It moves to the alternatives.
 */
export function dropUnspecifiedReadings(
  pack: CodePack,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const moved: Suggestion[] = [];
  for (const a of icd) {
    const b = icd.find((x) => x !== a && !moved.includes(x) && unspecifiedReadingOf(pack, a.code, x.code));
    if (!b) continue;
    moved.push({
      ...a,
      reason: {
        ...a.reason,
        note: `${b.code} states the same condition with more detail: an unspecified code is not reported beside it (Guidelines I.A.9)`,
      },
    });
  }
  if (!moved.length) return { claim, moved };
  const codes = new Set(moved.map((m) => m.code));
  return { claim: claim.filter((s) => !(s.system === 'ICD-10-CM' && codes.has(s.code))), moved };
}
