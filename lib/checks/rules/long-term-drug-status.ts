import { longTermDrugSuggestions } from '../../suggest/long-term-drugs';
import type { Suggestion } from '../../suggest/schema';
import { isIcd, noteDocument, type Rule } from '../rule';

/**
 * A drug on the patient's current regimen that treats a condition on the claim adds its Z79
 * long-term drug therapy status code (Guidelines I.C.21.c.3; I.C.4.a.3 for diabetes: Z79.4 insulin,
 * Z79.84 oral hypoglycemics, Z79.85 injectable non-insulin drugs — Z79.4 and Z79.84 both when both
 * are taken, none for insulin in type 1). The note is read the way the analysis reads it (drug
 * classes, stop words and related conditions of lib/suggest/data/long-term-drugs.json), but against
 * the claim's diagnoses: the status code is owed for the conditions reported, however the note
 * phrases them.
 */
export const rule: Rule = {
  id: 'long-term-drug-status',
  kind: 'documentation',
  title: 'Continued drug therapy documented but its Z79 status code missing',
  source:
    'ICD-10-CM Official Guidelines I.C.21.c.3 (Z79 long-term current drug therapy) and I.C.4.a.3 (insulin, oral hypoglycemics, injectable non-insulin antidiabetics)',
  run(ctx) {
    const { encounter, pack } = ctx;
    const doc = noteDocument(ctx);
    if (!doc) return [];
    const reported = encounter.diagnoses.filter((d) => isIcd(d.code));
    const release = pack.currentIcdRelease?.label ?? '';
    const claim = reported.map((d) => asClaimLine(d.code, release));
    const out: ReturnType<Rule['run']> = [];
    for (const s of longTermDrugSuggestions(pack, doc, claim, release)) {
      if (reported.some((d) => d.code === s.code)) continue;
      const related = s.reason.note?.match(/ for ([A-Z][0-9A-Z.]+)/)?.[1];
      out.push({
        severity: 'warning',
        message: `The note documents current ${s.reason.matched} ("${s.evidence[0]?.text}")${related ? ` for ${related}` : ''}, but ${s.code} is not reported`,
        rationale:
          'A drug the patient keeps taking for a reported condition is reported with its long-term (current) drug therapy status code.',
        codes: [s.code, ...(related ? [related] : [])],
        evidence: s.evidence.slice(0, 5),
        action: `Add ${s.code} (${s.description}).`,
      });
    }
    return out;
  },
};

/** A reported diagnosis in the shape the analysis uses for a claim line (only code and system are read). */
function asClaimLine(code: string, release: string): Suggestion {
  return {
    code,
    description: '',
    system: 'ICD-10-CM',
    release,
    billable: true,
    score: 1,
    assertion: 'present',
    section: 'claim',
    evidence: [{ start: 0, end: 0, text: '' }],
    mentions: 1,
    reason: { matched: code, via: 'claim' },
  };
}
