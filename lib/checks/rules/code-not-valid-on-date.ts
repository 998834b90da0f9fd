import { feeScheduleOf } from '../fee-schedule';
import { codeSystemOf, isIcd, type Rule } from '../rule';

/**
 * A code must be valid in the code set in force on the date of service (HIPAA code-set rules;
 * outdated codes are a top cause of denials). ICD-10-CM: in the release in force (a code deleted
 * in it is deleted-code-with-replacement); HCPCS Level II: in the loaded release and not
 * terminated before the date; CPT: known to the loaded CMS tables (PTP, MUE, add-on edits, the
 * fee schedule indicators) — CPT itself is not shipped, so an unknown number is a warning.
 */
export const rule: Rule = {
  id: 'code-not-valid-on-date',
  kind: 'validity',
  title: 'Code not valid on the date of service',
  source: 'HIPAA code sets: the release in force on the date of service (ICD-10-CM fiscal year; HCPCS quarter)',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const release = pack.currentIcdRelease?.label ?? 'the loaded release';
    for (const r of [...encounter.diagnoses, ...encounter.services]) {
      if (isIcd(r.code)) {
        const status = pack.icdStatusOn(r.code, encounter.dateOfService);
        if (status && (status.inRelease || status.deleted)) continue;
        out.push({
          severity: 'error',
          message: status?.addedLater
            ? `${r.code} is not in ${status.release}, the ICD-10-CM release in force on ${encounter.dateOfService}; it was added in ${status.addedLater}`
            : `${r.code} is not an ICD-10-CM code in ${release}`,
          rationale: 'A claim with a code that does not exist in the release for the date of service is rejected.',
          codes: [r.code],
          evidence: [],
          action: `Look the condition up again (code search) and report a code valid on ${encounter.dateOfService}.`,
        });
        continue;
      }
      const h = pack.lookup(r.code);
      if (h?.system === 'HCPCS') {
        if (h.termDate && h.termDate < encounter.dateOfService) {
          out.push({
            severity: 'error',
            message: `HCPCS ${r.code} was terminated on ${h.termDate}, before the date of service ${encounter.dateOfService}`,
            rationale: 'Terminated HCPCS codes are not payable for later dates of service.',
            codes: [r.code],
            evidence: [],
            action: 'Report the replacement code CMS lists for it.',
          });
        }
        continue;
      }
      const hcpcsLoaded = pack.sources.some((s) => s.system === 'HCPCS');
      const levelTwo = codeSystemOf(r.code) === 'HCPCS';
      if (levelTwo && hcpcsLoaded) {
        const asIcd = pack.codeInfo(`${r.code.slice(0, 3)}.${r.code.slice(3)}`);
        out.push({
          severity: 'error',
          message: `${r.code} is not a HCPCS Level II code in the loaded release${asIcd ? `; ${asIcd.code} is an ICD-10-CM code` : ''}`,
          rationale: 'A service line with a code that is not in the HCPCS release is rejected.',
          codes: [r.code, ...(asIcd ? [asIcd.code] : [])],
          evidence: [],
          action: asIcd
            ? `If the diagnosis ${asIcd.code} (${asIcd.title}) was meant, write it with its dot; otherwise correct the code.`
            : 'Correct the code (code search).',
        });
        continue;
      }
      if (levelTwo) continue;
      const known =
        feeScheduleOf(r.code) ||
        pack.mue(r.code) ||
        pack.mue(r.code, 'outpatient-hospital') ||
        pack.addOnEdits(r.code).length > 0;
      if (known) continue;
      out.push({
        severity: 'warning',
        message: `${r.code} is not in any loaded CMS table (fee schedule indicators, MUE, add-on edits)`,
        rationale: 'CPT is not shipped; a number no CMS table knows is often a typing error or a deleted code.',
        codes: [r.code],
        evidence: [],
        action: 'Check the number against the current CPT book (or the imported CPT descriptor file).',
      });
    }
    return out;
  },
};
