import { z } from 'zod';
import levelData from './data/superior-level.json';
import type { Suggestion } from './schema';
import { setAside } from './set-aside';

const LevelSchema = z.strictObject({
  about: z.string().min(1),
  rules: z.array(
    z.strictObject({
      category: z.string().regex(/^[A-Z]\d\d$/),
      kinds: z.array(z.string().regex(/^[0-9A-Z]$/)).min(1),
      levels: z.array(z.string().regex(/^[0-9A-Z]{1,3}$/)).min(2),
      source: z.string().min(1),
    }),
  ),
});
const RULES = LevelSchema.parse(levelData).rules;

/**
 * One code per kind of disorder at the most superior level written, where the category's Tabular
 * note says so (data/superior-level.json: "Herniated nucleus pulposus C4-C5, C5-C6 and C6-C7" is
 * M50.221 alone, not also M50.222 and M50.223). The lower levels move to the alternatives, with why.
 */
export function keepSuperiorLevel(claim: Suggestion[]): { claim: Suggestion[]; moved: Suggestion[] } {
  const moved: Suggestion[] = [];
  for (const r of RULES) {
    for (const kind of r.kinds) {
      const stem = `${r.category}.${kind}`;
      const rank = (s: Suggestion) => (s.code.startsWith(stem) ? r.levels.indexOf(s.code.slice(stem.length)) : -1);
      const leveled = claim.filter((s) => s.system === 'ICD-10-CM' && rank(s) >= 0);
      if (leveled.length < 2) continue;
      const top = leveled.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      for (const s of leveled)
        if (s !== top && s.code !== top.code)
          moved.push({ ...s, reason: { ...s.reason, note: `${top.code} is on the claim: ${r.source}` } });
    }
  }
  return setAside(claim, moved);
}
