import { z } from 'zod';
import pairsData from './data/conflicting-pairs.json';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';

const PairsSchema = z.strictObject({
  about: z.string().min(1),
  rules: z.array(
    z.strictObject({
      keep: z.array(z.string().min(3)).min(1),
      drop: z.array(z.string().min(3)).min(1),
      why: z.string().min(1),
    }),
  ),
});
const RULES = PairsSchema.parse(pairsData).rules;

/**
 * Two codes a coder does not report together (data/conflicting-pairs.json): a device status
 * beside the complication of that device (Guidelines I.C.21.c.3), tobacco use beside nicotine
 * dependence, altered mental status beside delirium (Excludes1). The code the rule drops moves to
 * the alternatives, with why.
 */
export function dropConflictingPartners(claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const icd = claim.filter((s) => s.system === 'ICD-10-CM');
  const moved: Suggestion[] = [];
  for (const r of RULES) {
    const kept = icd.find((s) => r.keep.some((p) => s.code.startsWith(p)));
    if (!kept) continue;
    for (const s of icd) {
      if (moved.includes(s) || !r.drop.some((p) => s.code.startsWith(p))) continue;
      moved.push({ ...s, reason: { ...s.reason, note: `${kept.code} is on the claim: ${r.why}` } });
    }
  }
  return setAside(claim, moved);
}
