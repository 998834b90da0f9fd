import { isIcd, type Rule } from '../rule';

/**
 * A code must be valid in the code set in force on the date of service (HIPAA code-set rules;
 * outdated codes are a top cause of denials). ICD-10-CM: present in the loaded release; HCPCS:
 * not terminated before the date.
 */
export const rule: Rule = {
  id: 'code-not-valid-on-date',
  kind: 'validity',
  title: 'Code not valid on the date of service',
  source: 'HIPAA code sets: the release in force on the date of service (ICD-10-CM fiscal year; HCPCS quarter)',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    for (const r of [...encounter.diagnoses, ...encounter.services]) {
      if (isIcd(r.code)) {
        if (!pack.codeInfo(r.code)) {
          out.push({
            severity: 'error',
            message: `${r.code} is not an ICD-10-CM code in ${pack.currentIcdRelease?.label ?? 'the loaded release'}`,
            rationale: 'A claim with a code that does not exist in the release for the date of service is rejected.',
            codes: [r.code],
            evidence: [],
            action: `Look the condition up again (code search) and report a code valid on ${encounter.dateOfService}.`,
          });
        }
        continue;
      }
      const h = pack.lookup(r.code);
      if (h?.system === 'HCPCS' && h.termDate && h.termDate < encounter.dateOfService) {
        out.push({
          severity: 'error',
          message: `HCPCS ${r.code} was terminated on ${h.termDate}, before the date of service ${encounter.dateOfService}`,
          rationale: 'Terminated HCPCS codes are not payable for later dates of service.',
          codes: [r.code],
          evidence: [],
          action: 'Report the replacement code CMS lists for it.',
        });
      }
    }
    return out;
  },
};
