import { codeForSide, sideOfTitle } from '../laterality';
import { unspecifiedReadingOf } from '../../pack/specificity';
import { isIcd, type Rule } from '../rule';

/**
 * An "unspecified" code reported while the note documents the specificity (Guidelines I.B.2 and
 * the definition of "unspecified": for when the record lacks the detail). Evidence: the note's
 * analysis suggests a more specific code of the same category.
 */
export const rule: Rule = {
  id: 'unspecified-when-documented',
  kind: 'documentation',
  title: 'Unspecified code while the note documents more',
  source: 'ICD-10-CM Official Guidelines I.A.9 (unspecified codes) and I.B.2 (highest specificity)',
  run({ encounter, pack }) {
    const a = encounter.analysis;
    if (!a) return [];
    const out: ReturnType<Rule['run']> = [];
    const reported = new Set(encounter.diagnoses.map((d) => d.code));
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const info = pack.codeInfo(d.code);
      if (!info || !/unspecified/i.test(info.title)) continue;
      // The documented code must state what this one leaves unspecified (its branch of the Tabular), not another condition.
      const better = a.suggestions.find(
        (s) =>
          s.billable &&
          !reported.has(s.code) &&
          s.assertion === 'present' &&
          unspecifiedReadingOf(pack, d.code, s.code),
      );
      if (!better) continue;
      // Only the side differs: laterality-not-documented reads the side from the note (both sides included).
      const side = sideOfTitle(better.description);
      if (
        sideOfTitle(info.title) === 'unspecified' &&
        side &&
        side !== 'unspecified' &&
        codeForSide(pack, d.code, side) === better.code
      )
        continue;
      out.push({
        severity: 'warning',
        message: `${d.code} (${info.title}) is reported, but the note documents ${better.code} (${better.description})`,
        rationale: 'Unspecified codes are for when the record lacks the detail; here it is documented.',
        codes: [d.code, better.code],
        evidence: better.evidence,
        action: `Report ${better.code} instead of ${d.code}.`,
      });
    }
    return out;
  },
};
