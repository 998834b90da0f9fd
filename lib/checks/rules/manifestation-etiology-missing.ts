import { codeFirstOf, namedBy } from '../manifestation';
import { isIcd, type Rule } from '../rule';

/**
 * A manifestation code needs its underlying condition on the claim (Guidelines I.A.13). The
 * Tabular's "code first" note names it: a list of codes, or examples ("such as"), in which case
 * another diagnosis on the claim may be the etiology and only a manifestation with no other
 * diagnosis at all is flagged.
 */
export const rule: Rule = {
  id: 'manifestation-etiology-missing',
  kind: 'conflict',
  title: 'Manifestation code without its underlying condition',
  source:
    'ICD-10-CM Official Guidelines I.A.13 (code first / use additional code); Tabular "code first" notes of the release in force',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const dx = encounter.diagnoses.filter((d) => isIcd(d.code));
    for (const d of dx) {
      const cf = codeFirstOf(pack, d.code);
      if (!cf || cf.kind !== 'manifestation') continue;
      if (dx.some((e) => namedBy(cf, e.code))) continue;
      const others = dx.filter((e) => e !== d && codeFirstOf(pack, e.code)?.kind !== 'manifestation');
      if (cf.examplesOnly && others.length > 0) continue;
      const notes = cf.notes.map((n) => n.text).join('; ');
      out.push({
        severity: 'error',
        message: `${cf.code} (${cf.title}) is reported without the underlying condition its "code first" note names`,
        rationale: notes
          ? `Code first: ${notes} (at ${cf.notes[0]?.from}, tabular ${cf.notes[0]?.release}).`
          : 'A manifestation code is reported with, and after, the disease that causes it.',
        codes: [cf.code],
        evidence: [],
        action:
          'Add the underlying condition the documentation supports and list it before this code; if the record does not name it, query the provider.',
      });
    }
    return out;
  },
};
