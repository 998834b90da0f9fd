import { isIcd, type Rule } from '../rule';

/**
 * Manifestation codes ("in diseases classified elsewhere") are never first-listed; the etiology
 * comes first (Guidelines I.A.13, code first / use additional code).
 */
export const rule: Rule = {
  id: 'manifestation-first-listed',
  kind: 'conflict',
  title: 'Manifestation code listed first',
  source: 'ICD-10-CM Official Guidelines I.A.13 (etiology/manifestation convention)',
  run({ encounter, pack }) {
    const first = [...encounter.diagnoses].sort((a, b) => a.line - b.line)[0];
    if (!first || !isIcd(first.code)) return [];
    const info = pack.codeInfo(first.code);
    if (!info || !/in diseases classified elsewhere/i.test(info.title)) return [];
    return [
      {
        severity: 'error' as const,
        message: `${info.code} (${info.title}) is a manifestation code and is listed first`,
        rationale: 'Manifestation codes may not be first-listed or principal; the underlying condition is sequenced first.',
        codes: [info.code],
        evidence: [],
        action: 'List the underlying (etiology) condition first, then this code.',
      },
    ];
  },
};
