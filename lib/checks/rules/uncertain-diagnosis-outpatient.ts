import type { Rule } from '../rule';

/** Outpatient: diagnoses documented as probable, suspected, rule out… are not coded; code the symptoms (Guidelines IV.H). */
export const rule: Rule = {
  id: 'uncertain-diagnosis-outpatient',
  kind: 'documentation',
  title: 'Uncertain diagnosis reported in the office setting',
  source: 'ICD-10-CM Official Guidelines Section IV.H (uncertain diagnoses, outpatient)',
  run({ encounter }) {
    const a = encounter.analysis;
    if (!a || encounter.setting !== 'office') return [];
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      const asserted = a.suggestions.some((s) => s.code === d.code);
      const uncertain = a.excluded.find((s) => s.code === d.code && s.assertion === 'possible');
      if (!uncertain || asserted) continue;
      out.push({
        severity: 'error',
        message: `${d.code} is documented only as uncertain ("${uncertain.evidence[0]?.text}")`,
        rationale: 'In the office, probable / suspected / rule-out diagnoses are not coded; the signs and symptoms are.',
        codes: [d.code],
        evidence: uncertain.evidence,
        action: `Remove ${d.code} and report the documented symptoms (${a.suggestions.filter((s) => s.code.startsWith('R')).map((s) => s.code).join(', ') || 'see the note'}), or query the provider if it was confirmed.`,
      });
    }
    return out;
  },
};
