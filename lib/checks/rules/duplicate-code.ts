import type { Rule } from '../rule';

/** The same diagnosis twice on one claim, or the same service line twice without a distinguishing modifier. */
export const rule: Rule = {
  id: 'duplicate-code',
  kind: 'validity',
  title: 'Code reported twice',
  source:
    'ICD-10-CM Official Guidelines III/IV (each diagnosis reported once); CMS claims processing (duplicate lines)',
  run({ encounter }) {
    const out: ReturnType<Rule['run']> = [];
    const seen = new Map<string, number>();
    for (const d of encounter.diagnoses) {
      const prev = seen.get(d.code);
      if (prev !== undefined) {
        out.push({
          severity: 'warning',
          message: `${d.code} is listed as diagnosis ${prev} and ${d.line}`,
          rationale: 'A diagnosis is reported once per claim.',
          codes: [d.code],
          evidence: [],
          action: `Remove diagnosis ${d.line}.`,
        });
      } else seen.set(d.code, d.line);
    }
    const lines = new Map<string, number>();
    for (const s of encounter.services) {
      const key = `${s.code}|${[...s.modifiers].sort().join(',')}`;
      const prev = lines.get(key);
      if (prev !== undefined) {
        out.push({
          severity: 'warning',
          message: `${s.code} appears on lines ${prev} and ${s.line} with the same modifiers`,
          rationale:
            'Identical lines are denied as duplicates; report units on one line or add the modifier that makes them distinct.',
          codes: [s.code],
          evidence: [],
          action: `Merge into one line with units, or add 76/77/XS… where documented.`,
        });
      } else lines.set(key, s.line);
    }
    return out;
  },
};
