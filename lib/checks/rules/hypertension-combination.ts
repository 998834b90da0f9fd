import type { Rule } from '../rule';

/**
 * Hypertension with heart disease or CKD is a combination code: the link is presumed unless the
 * provider says they are unrelated (Guidelines I.C.9.a): with heart disease I11, with CKD I12,
 * with both I13. I10 next to N18.x or I50.x is likely missing that combination.
 */
export const rule: Rule = {
  id: 'hypertension-combination',
  kind: 'documentation',
  title: 'Hypertension reported apart from heart disease or CKD',
  source: 'ICD-10-CM Official Guidelines I.C.9.a.1–3 (hypertension with heart disease / CKD: causal link presumed)',
  run({ encounter }) {
    const codes = encounter.diagnoses.map((d) => d.code);
    if (!codes.includes('I10')) return [];
    const ckd = codes.filter((c) => c.startsWith('N18'));
    const hf = codes.filter((c) => c.startsWith('I50'));
    if (ckd.length === 0 && hf.length === 0) return [];
    // The combination code follows the stage reported (N18.5/N18.6: stage 5 or ESRD; any other N18: stages 1–4 or
    // unspecified), so the action never states a stage the claim does not.
    const late = ckd.some((c) => c === 'N18.5' || c === 'N18.6');
    const target =
      ckd.length && hf.length
        ? late
          ? 'I13.2 (with heart failure and CKD stage 5 or ESRD)'
          : 'I13.0 (with heart failure and CKD stage 1–4 or unspecified)'
        : ckd.length
          ? late
            ? 'I12.0 (with CKD stage 5 or ESRD)'
            : 'I12.9 (with CKD stage 1–4 or unspecified)'
          : 'I11.0 (hypertensive heart disease with heart failure)';
    return [
      {
        severity: 'warning',
        message: `I10 is reported with ${[...ckd, ...hf].join(', ')}: the guidelines presume the link`,
        rationale:
          'Unless the provider documents that the conditions are unrelated, hypertension with heart disease or CKD is coded with a combination code, plus the N18 stage / I50 type.',
        codes: ['I10', ...ckd, ...hf],
        evidence: [],
        action: `Replace I10 with ${target}, keeping ${[...ckd, ...hf].join(', ')}; or query the provider if they are unrelated.`,
      },
    ];
  },
};
