import { isIcd, type Rule } from '../rule';

const UNSPECIFIED = /\bunspecified\b|\bwithout complications?\b|, NOS\b/i;

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
  source: 'ICD-10-CM Official Guidelines I.A.9 (unspecified codes: only when the record lacks the detail) and I.B.2 (highest specificity); Tabular List hierarchy',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const dx = encounter.diagnoses.filter((d) => isIcd(d.code));
    const chains = new Map(
      dx.map((d) => {
        const hit = pack.lookup(d.code);
        return [d.code, hit?.system === 'ICD-10-CM' ? [...hit.hierarchy, { code: hit.code, title: hit.title, billable: hit.billable }] : undefined] as const;
      }),
    );
    const flagged = new Set<string>();
    for (const a of dx) {
      for (const b of dx) {
        if (a === b || a.code === b.code || a.code.slice(0, 3) !== b.code.slice(0, 3) || flagged.has(a.code)) continue;
        const ca = chains.get(a.code);
        const cb = chains.get(b.code);
        if (!ca || !cb) continue;
        let k = 0;
        while (k < ca.length && k < cb.length && ca[k]!.code === cb[k]!.code) k++;
        const branchA = ca[k];
        const branchB = cb[k];
        if (!branchA || !branchB) continue; // one is an ancestor of the other: non-billable-header says it
        if (!UNSPECIFIED.test(branchA.title) || UNSPECIFIED.test(branchB.title)) continue;
        flagged.add(a.code);
        const title = ca.at(-1)!.title;
        out.push({
          severity: 'warning',
          message: `${a.code} (${title}) is reported beside ${b.code} (${cb.at(-1)!.title}): the unspecified reading of the same condition`,
          rationale: `Where the codes part in the Tabular, ${branchA.code} is "${branchA.title}" and ${branchB.code} is "${branchB.title}"; an unspecified code is for a record that lacks the detail the other code states.`,
          codes: [a.code, b.code],
          evidence: [],
          action: `Remove ${a.code} (diagnosis ${a.line}); ${b.code} reports the condition. If they are two different conditions, the record must say so.`,
        });
      }
    }
    return out;
  },
};
