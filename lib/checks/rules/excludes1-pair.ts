import { isIcd, type Rule } from '../rule';

/**
 * Excludes1: the two conditions are not coded together — unless they are unrelated (Guidelines
 * I.A.12.a). So a likely conflict, resolved by asking the provider.
 */
export const rule: Rule = {
  id: 'excludes1-pair',
  kind: 'conflict',
  title: 'Excludes1 pair reported together',
  source: 'ICD-10-CM Official Guidelines I.A.12.a (Excludes1); Tabular List notes',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const dx = encounter.diagnoses.filter((d) => isIcd(d.code));
    for (let i = 0; i < dx.length; i++) {
      for (let j = i + 1; j < dx.length; j++) {
        const a = dx[i]!.code;
        const b = dx[j]!.code;
        const pairs = pack.excludes1Between(a, b);
        if (pairs.length === 0) continue;
        const p = pairs[0]!;
        out.push({
          severity: 'warning',
          message: `${a} and ${b} are an Excludes1 pair ("${p.text}" at ${p.from}, tabular ${p.release})`,
          rationale:
            'Excludes1 means the conditions cannot occur together, unless the documentation shows they are unrelated.',
          codes: [a, b],
          evidence: [],
          action:
            'Keep the one the documentation supports, or query the provider whether the conditions are unrelated.',
        });
      }
    }
    return out;
  },
};
