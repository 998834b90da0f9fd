import type { Rule } from '../rule';

/** CKD is reported by stage (N18.1–N18.6; stage 3 split into 3a/3b since FY2021). Unspecified stage -> ask (I.C.14.a). */
export const rule: Rule = {
  id: 'ckd-stage-missing',
  kind: 'documentation',
  title: 'Chronic kidney disease without a stage',
  source: 'ICD-10-CM Official Guidelines I.C.14.a (CKD stages) and the N18 subcategories',
  run({ encounter }) {
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (d.code !== 'N18.9' && d.code !== 'N18.30') continue;
      const staged = encounter.note
        ? /\bstage\s*(1|2|3a|3b|4|5|i{1,3}[ab]?|iv|v)\b|\besrd\b|end[- ]stage/i.exec(encounter.note)
        : null;
      if (staged) continue; // documented: unspecified-when-documented names the right code
      out.push({
        severity: 'warning',
        message: `${d.code}: the CKD stage is not documented`,
        rationale:
          'CKD codes carry the stage; the stage drives risk adjustment and the hypertension/diabetes combinations.',
        codes: [d.code],
        evidence: [],
        action:
          'Send a provider query for the CKD stage (1, 2, 3a, 3b, 4, 5, ESRD, other, clinically undetermined), citing the latest eGFR.',
      });
    }
    return out;
  },
};
