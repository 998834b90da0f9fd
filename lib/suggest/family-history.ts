import { z } from 'zod';
import familyData from './data/family-history.json';
import type { Suggestion } from './schema';
import { HISTORY_ONLY_WHY, NARRATIVE_ONLY_WHY } from './claim-policy';

/** Where a family history is told beside the patient's own story: the history of the present illness, the past history. */
const TOLD_WHY = new Set([NARRATIVE_ONLY_WHY, HISTORY_ONLY_WHY]);

const FamilySchema = z.strictObject({
  about: z.string().min(1),
  rules: z.array(z.strictObject({ family: z.string().regex(/^Z8[0-4]/), relevant: z.array(z.string().min(3)).min(1) })),
});
const RULES = FamilySchema.parse(familyData).rules;

/**
 * Family history the visit's care turns on (data/family-history.json; Guidelines I.C.21.c.4): a
 * mother's breast cancer beside the patient's breast carcinoma (Z80.3 with C50.-), a father's colon
 * cancer beside a screening colonoscopy. The history says it; the claim's diagnoses make it
 * relevant. Other family history stays "considered, not coded".
 */
export function relevantFamilyHistory(claim: Suggestion[], excluded: Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const e of excluded) {
    if (
      !/^Z8[0-4]/.test(e.code) ||
      (e.assertion !== 'present' && e.assertion !== 'family') ||
      !TOLD_WHY.has(e.reason.note ?? '')
    )
      continue;
    if (claim.some((c) => c.code === e.code) || out.some((c) => c.code === e.code)) continue;
    const rule = RULES.find((r) => e.code.startsWith(r.family));
    const dx = rule && claim.find((c) => c.system === 'ICD-10-CM' && rule.relevant.some((p) => c.code.startsWith(p)));
    if (dx)
      out.push({
        ...e,
        reason: { ...e.reason, note: `family history relevant to ${dx.code} (Guidelines I.C.21.c.4)` },
      });
  }
  return out;
}
