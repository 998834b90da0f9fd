import type { Rule } from '../rule';

/**
 * "Diabetes without complications" next to a condition the classification links to diabetes:
 * the word "with" in the Index presumes the link (Guidelines I.A.15), e.g. diabetes + CKD ->
 * E11.22 + N18.x, unless the provider says they are unrelated.
 */
const LINKED: { prefix: string; combination: string; what: string }[] = [
  // (E1x.9 beside another code of its own category is unspecified-beside-specified.)
  { prefix: 'N18', combination: 'E1x.22 (diabetic chronic kidney disease)', what: 'chronic kidney disease' },
  { prefix: 'G63', combination: 'E1x.42 (diabetic polyneuropathy)', what: 'polyneuropathy' },
  { prefix: 'H36', combination: 'E1x.3x (diabetic retinopathy)', what: 'retinal disorder' },
  { prefix: 'I73.9', combination: 'E1x.51 (diabetic peripheral angiopathy)', what: 'peripheral vascular disease' },
  { prefix: 'K06', combination: 'E1x.630 (periodontal disease)', what: 'periodontal disease' },
];

export const rule: Rule = {
  id: 'diabetes-complication-linkage',
  kind: 'documentation',
  title: 'Diabetes coded without complications while a linked condition is reported or documented',
  source:
    'ICD-10-CM Official Guidelines I.A.15 ("with" presumes a causal link) and I.C.4.a (diabetes combination codes)',
  run({ encounter }) {
    const codes = encounter.diagnoses.map((d) => d.code);
    const plain = codes.find((c) => /^E(0[89]|1[013])\.9$/.test(c));
    if (!plain) return [];
    const fromClaim = LINKED.find((l) => codes.some((c) => c !== plain && c.startsWith(l.prefix)));
    const fromNote = encounter.analysis?.suggestions.find(
      (s) => s.code.slice(0, 3) === plain.slice(0, 3) && s.code !== plain,
    );
    if (!fromClaim && !fromNote) return [];
    const cat = plain.slice(0, 3);
    return [
      {
        severity: 'warning' as const,
        message: fromClaim
          ? `${plain} (diabetes without complications) is reported with ${fromClaim.what} (${codes.find((c) => c.startsWith(fromClaim.prefix))})`
          : `${plain} (diabetes without complications) is reported, but the note documents ${fromNote!.code} (${fromNote!.description})`,
        rationale:
          'The classification links diabetes and this condition; the combination code is used unless the provider documents they are unrelated.',
        codes: [plain, ...(fromClaim ? [codes.find((c) => c.startsWith(fromClaim.prefix))!] : [fromNote!.code])],
        evidence: fromNote?.evidence ?? [],
        action: fromClaim
          ? `Replace ${plain} with ${fromClaim.combination.replace('E1x', cat)}; or query whether they are unrelated.`
          : `Report ${fromNote!.code} instead of ${plain}.`,
      },
    ];
  },
};
