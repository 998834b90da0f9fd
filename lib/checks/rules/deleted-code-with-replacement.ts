import { isIcd, type Rule } from '../rule';

/**
 * A diagnosis code deleted in the ICD-10-CM release in force on the date of service (or turned
 * into a header: subdivided) is rejected; the release's addenda add the codes that replace it.
 * The release is the one in force on the date (release-resolver.ts), not the newest loaded.
 */
export const rule: Rule = {
  id: 'deleted-code-with-replacement',
  kind: 'validity',
  title: 'Code deleted in the release in force on the date of service',
  source:
    'ICD-10-CM annual addenda (order file: codes deleted and added each fiscal year, effective October 1); HIPAA code-set rules',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const status = pack.icdStatusOn(d.code, encounter.dateOfService);
      if (!status?.deleted) continue;
      const { previous, nowHeader, replacements } = status.deleted;
      const named = replacements.slice(0, 6).map((r) => `${r.code} (${r.title})`);
      const more = replacements.length > 6 ? ', …' : '';
      out.push({
        severity: 'error',
        message: `${status.code} was ${nowHeader ? 'subdivided' : 'deleted'} in ${status.release}, the release in force on ${encounter.dateOfService} (billable in ${previous})${
          replacements.length
            ? `; replaced by ${replacements
                .map((r) => r.code)
                .slice(0, 6)
                .join(', ')}${more}`
            : ''
        }`,
        rationale: `Claims for dates of service from ${status.release} on are rejected with a code that is no longer valid.`,
        codes: [status.code, ...replacements.slice(0, 6).map((r) => r.code)],
        evidence: [],
        action: replacements.length
          ? `Report ${replacements.length === 1 ? named[0] : `the one the documentation supports: ${named.join('; ')}${more}`}.`
          : `No code added in ${status.release} takes its place: look the condition up again in the Index (code search) for a code valid on ${encounter.dateOfService}.`,
      });
    }
    return out;
  },
};
