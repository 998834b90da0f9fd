import type { CodePack } from '../pack/code-pack';
import type { Dictionary } from './dictionary';
import { historyCode } from './assertion-map';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';
import { sameWords } from './tabular-refs';

/** Primary malignancies (C00-C76 solid, C81-C96 lymphoid and blood), not secondary or unspecified ones. */
const PRIMARY = /^C(?:[0-6]\d|7[0-6]|8[1-9]|9[0-6])/;

/**
 * A personal history of a malignancy is not reported beside the same malignancy coded as current:
 * one still present (or under treatment) is coded as current, and its Z85 history code is for one
 * excised or eradicated with no evidence of disease (Guidelines I.C.2.d). "The same" is read
 * narrowly: the primary's own history code, written with the same words ("bladder cancer" in the
 * diagnosis, "history of bladder cancer" in the HPI); a past left adrenal tumour beside a current
 * right one, or a history beside metastases, stays. The history code moves to the alternatives.
 * Words read both ways are current: "Prostate cancer with metastatic disease" (past medical
 * history, treated now) cannot also be a Z85 history of some other malignancy.
 */

export function dropHistoryOfPresent(
  pack: CodePack,
  dict: Dictionary,
  claim: Suggestion[],
): { claim: Suggestion[]; moved: Suggestion[] } {
  const present = claim.filter((s) => s.system === 'ICD-10-CM' && s.assertion === 'present' && PRIMARY.test(s.code));
  const words = (s: Suggestion) => new Set(s.evidence.map((e) => e.text.toLowerCase().trim()));
  const moved: Suggestion[] = [];
  for (const h of claim) {
    if (h.system !== 'ICD-10-CM' || !h.code.startsWith('Z85')) continue;
    const past = words(h);
    const current = present.find((c) => {
      const mapped = historyCode(pack, dict, c.code);
      if (sameWords(c, h)) return true;
      return typeof mapped === 'object' && mapped.code === h.code && [...words(c)].some((w) => past.has(w));
    });
    if (!current) continue;
    moved.push({
      ...h,
      reason: {
        ...h.reason,
        note: `${current.code} codes the condition as current: its history code is not reported beside it (Guidelines I.C.2.d)`,
      },
    });
  }
  return setAside(claim, moved);
}
