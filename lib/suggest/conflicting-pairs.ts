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
      /** The provider's diagnostic statement decides: a drop code written there, beside a keep code only written elsewhere, stays and the keep code moves. */
      diagnosis_decides: z.boolean().optional(),
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
    let keep = r.keep;
    let drop = r.drop;
    if (r.diagnosis_decides) {
      const stated = (prefixes: string[]) =>
        icd.some((s) => prefixes.some((p) => s.code.startsWith(p)) && s.section === 'diagnostic');
      if (stated(drop) && !stated(keep)) [keep, drop] = [drop, keep];
    }
    const kept = icd.find((s) => keep.some((p) => s.code.startsWith(p)) && !moved.includes(s));
    if (!kept) continue;
    for (const s of icd) {
      if (moved.includes(s) || !drop.some((p) => s.code.startsWith(p))) continue;
      moved.push({ ...s, reason: { ...s.reason, note: `${kept.code} is on the claim: ${r.why}` } });
    }
  }
  return setAside(claim, moved);
}
