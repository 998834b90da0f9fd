import type { Rule } from '../rule';

/**
 * Diabetes treated with insulin, oral hypoglycemics or injectable non-insulin drugs adds Z79.4 /
 * Z79.84 / Z79.85 (Guidelines I.C.4.a.3). The note's analysis finds the drug mentions.
 */
export const rule: Rule = {
  id: 'diabetes-drug-status',
  kind: 'documentation',
  title: 'Diabetes drug therapy documented but its Z79 code missing',
  source: 'ICD-10-CM Official Guidelines I.C.4.a.3 (long-term use of insulin / oral hypoglycemics / injectable non-insulin drugs)',
  run({ encounter }) {
    const a = encounter.analysis;
    const codes = new Set(encounter.diagnoses.map((d) => d.code));
    if (!a || ![...codes].some((c) => /^E(0[89]|1[013])/.test(c))) return [];
    const out: ReturnType<Rule['run']> = [];
    for (const z of ['Z79.4', 'Z79.84', 'Z79.85']) {
      const s = a.suggestions.find((x) => x.code === z);
      if (!s || codes.has(z)) continue;
      out.push({
        severity: 'warning',
        message: `The note documents ${z === 'Z79.4' ? 'insulin' : 'diabetes drug'} therapy ("${s.evidence[0]?.text}") but ${z} is not reported`,
        rationale: 'The long-term drug therapy code is added to the diabetes code when the drug is documented.',
        codes: [z],
        evidence: s.evidence,
        action: `Add ${z} (${s.description}).`,
      });
    }
    return out;
  },
};
