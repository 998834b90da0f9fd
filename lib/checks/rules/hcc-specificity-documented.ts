import { unspecifiedReadingOf } from '../../pack/specificity';
import { isIcd, type Rule } from '../rule';

/**
 * Risk adjustment: a reported diagnosis with no CMS-HCC category (or another one) while the note
 * documents a more specific code of the same category that maps to a payment HCC. The specific
 * code is what the record supports (Guidelines I.B.2); the HCC is why it matters to the plan.
 */
export const rule: Rule = {
  id: 'hcc-specificity-documented',
  kind: 'documentation',
  title: 'Documented specificity that maps to a CMS-HCC is not coded',
  source:
    'CMS-HCC model V28 ICD-10-CM mappings (payment year 2026); ICD-10-CM Official Guidelines I.B.2 (highest specificity)',
  run({ encounter, pack }) {
    const a = encounter.analysis;
    if (!a || !pack.hccMapping) return [];
    const out: ReturnType<Rule['run']> = [];
    const reported = new Set(encounter.diagnoses.map((d) => d.code));
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const mine = pack.hccOf(d.code);
      for (const s of a.suggestions) {
        // Only a code that states what the reported one leaves unspecified: never another condition, never less.
        if (
          reported.has(s.code) ||
          !s.billable ||
          s.assertion !== 'present' ||
          !unspecifiedReadingOf(pack, d.code, s.code)
        )
          continue;
        const theirs = pack.hccOf(s.code);
        if (!theirs || theirs.category === mine?.category) continue;
        const hcc = `HCC ${theirs.category}${theirs.label ? `: ${theirs.label}` : ''}`;
        out.push({
          severity: 'warning',
          message: `${d.code} is reported ${mine ? `(HCC ${mine.category})` : '(no HCC)'}, but the note documents ${s.code} (${s.description}), which maps to ${hcc}`,
          rationale: `The record supports the more specific code; CMS-HCC ${theirs.model} (payment year ${theirs.paymentYear}, codes of ${theirs.codeYears}) counts it for risk adjustment.`,
          codes: [d.code, s.code],
          evidence: s.evidence,
          action: `Report ${s.code} if the provider confirms the documentation; otherwise query the provider.`,
        });
        break;
      }
    }
    return out;
  },
};
