import { isIcd, type Rule } from '../rule';

/**
 * A code valid on the date of service that a later loaded ICD-10-CM release deletes or subdivides
 * (annual addenda): worth knowing for a claim near the release boundary or a corrected claim. The
 * validity on the date itself is code-not-valid-on-date / deleted-code-with-replacement.
 */
export const rule: Rule = {
  id: 'code-changed-between-releases',
  kind: 'info',
  title: 'Code deleted or subdivided in a later loaded release',
  source: 'ICD-10-CM annual addenda (codes added, deleted, revised each fiscal year, effective October 1)',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const answering = pack.currentIcdRelease;
    if (!answering) return out;
    const later = pack.icdReleases.filter((r) => r.hasTitles && r.effectiveFrom > answering.effectiveFrom);
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const now = pack.icdStatusOn(d.code, encounter.dateOfService);
      if (!now?.inRelease || !now.billable) continue;
      for (const r of later) {
        const then = pack.icdStatusOn(d.code, r.effectiveFrom);
        if (!then?.deleted) continue;
        const codes = then.deleted.replacements.map((x) => x.code);
        out.push({
          severity: 'info',
          message: `${d.code} is valid on ${encounter.dateOfService} (${now.release}) but ${then.deleted.nowHeader ? 'subdivided' : 'deleted'} in ${then.release} (from ${r.effectiveFrom})`,
          rationale:
            'Claims for dates of service from the later release on are rejected with a code it deleted or turned into a header.',
          codes: [d.code, ...codes.slice(0, 6)],
          evidence: [],
          action: codes.length
            ? `Keep ${d.code} for this date; for dates of service from ${r.effectiveFrom}, report ${codes.length === 1 ? codes[0] : `one of ${codes.slice(0, 6).join(', ')}${codes.length > 6 ? ', …' : ''}`}.`
            : `Keep ${d.code} for this date; for dates of service from ${r.effectiveFrom}, look the condition up in ${then.release}.`,
        });
        break;
      }
    }
    return out;
  },
};
