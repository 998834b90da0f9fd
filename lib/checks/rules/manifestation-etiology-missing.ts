import { excludedRanges, inPrefixRange } from '../../pack/excludes1';
import { isIcd, type Rule } from '../rule';

/** A manifestation code needs its etiology on the claim: its "code first" note names it (Guidelines I.A.13). */
export const rule: Rule = {
  id: 'manifestation-etiology-missing',
  kind: 'conflict',
  title: 'Manifestation code without its underlying condition',
  source: 'ICD-10-CM Official Guidelines I.A.13 (code first / use additional code); Tabular "code first" notes',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const reported = encounter.diagnoses.map((d) => d.code.replace('.', ''));
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const hit = pack.lookup(d.code);
      if (!hit || hit.system !== 'ICD-10-CM' || !/in diseases classified elsewhere/i.test(hit.title)) continue;
      const notes = hit.notes.filter((n) => n.kind === 'codeFirst');
      const ranges = notes.flatMap((n) => excludedRanges(n.text));
      if (ranges.length === 0) continue;
      if (reported.some((c) => c !== d.code.replace('.', '') && ranges.some((r) => inPrefixRange(c, r)))) continue;
      out.push({
        severity: 'error',
        message: `${d.code} (${hit.title}) is reported without the underlying condition its "code first" note names`,
        rationale: `Code first: ${notes.map((n) => n.text).join('; ')} (at ${notes[0]?.from}, tabular ${notes[0]?.release}).`,
        codes: [d.code],
        evidence: [],
        action: 'Add the underlying condition the documentation supports and list it before this code.',
      });
    }
    return out;
  },
};
