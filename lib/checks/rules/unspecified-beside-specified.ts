import { unspecifiedReadingOf } from '../../pack/specificity';
import { isIcd, type Rule } from '../rule';

/**
 * Two codes of one category where one is the unspecified (or "without complications") reading of
 * what the other states: the record documents the specific one, so the unspecified code adds
 * nothing and contradicts it (Guidelines I.A.9: unspecified is for when the record lacks the
 * detail; I.B.2). Compared where their branches part in the Tabular: I48.91 (under "unspecified
 * atrial fibrillation and flutter") beside I48.20 (chronic atrial fibrillation); J44.9 beside J44.1.
 */
export const rule: Rule = {
  id: 'unspecified-beside-specified',
  kind: 'conflict',
  title: 'Unspecified code beside a specified code of the same category',
  source:
    'ICD-10-CM Official Guidelines I.A.9 (unspecified codes: only when the record lacks the detail) and I.B.2 (highest specificity); Tabular List hierarchy',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const dx = encounter.diagnoses.filter((d) => isIcd(d.code));
    const flagged = new Set<string>();
    for (const a of dx) {
      for (const b of dx) {
        if (a === b || flagged.has(a.code)) continue;
        const p = unspecifiedReadingOf(pack, a.code, b.code);
        if (!p) continue;
        flagged.add(a.code);
        out.push({
          severity: 'warning',
          message: `${a.code} (${p.titleA}) is reported beside ${b.code} (${p.titleB}): the unspecified reading of the same condition`,
          rationale: `Where the codes part in the Tabular, ${p.branchA.code} is "${p.branchA.title}" and ${p.branchB.code} is "${p.branchB.title}"; an unspecified code is for a record that lacks the detail the other code states.`,
          codes: [a.code, b.code],
          evidence: [],
          action: `Remove ${a.code} (diagnosis ${a.line}); ${b.code} reports the condition. If they are two different conditions, the record must say so.`,
        });
      }
    }
    return out;
  },
};
