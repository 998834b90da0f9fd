import { isIcd, type Rule } from '../rule';

/** When more than one ICD-10-CM release is loaded, say which reported codes are new or gone (annual addenda). */
export const rule: Rule = {
  id: 'code-changed-between-releases',
  kind: 'info',
  title: 'Code added or deleted between loaded releases',
  source: 'ICD-10-CM annual addenda (codes added, deleted, revised each fiscal year)',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const releases = pack.icdReleases.filter((r) => r.hasTitles).map((r) => r.label);
    if (releases.length < 2) return out;
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code)) continue;
      const hit = pack.lookup(d.code);
      if (!hit || hit.system !== 'ICD-10-CM') continue;
      const inIt = new Set(hit.releases.map((r) => r.release));
      const newest = releases.at(-1)!;
      const missing = releases.filter((r) => !inIt.has(r));
      const flags = hit.releases.filter((r) => releases.includes(r.release));
      const nowHeader = flags.find((r) => r.release === newest && !r.billable);
      const wasBillable = flags.filter((r) => r.release !== newest && r.billable).map((r) => r.release);
      if (missing.length === 0 && nowHeader && wasBillable.length) {
        out.push({
          severity: 'info',
          message: `${d.code} was billable in ${wasBillable.join(', ')} and is a header in ${newest} (subdivided)`,
          rationale: 'A subdivided code is rejected for dates of service in the newer release.',
          codes: [d.code],
          evidence: [],
          action: `For dates of service in ${newest}, report one of its new subcodes (${hit.children.map((c) => c.code).slice(0, 6).join(', ')}).`,
        });
        continue;
      }
      if (missing.length === 0) continue;
      out.push({
        severity: 'info',
        message: inIt.has(newest) ? `${d.code} is new since ${missing.join(', ')}` : `${d.code} is not in ${newest} (it was in ${[...inIt].join(', ')})`,
        rationale: 'Claims for dates of service in an older release cannot use codes added later, and deleted codes are rejected after their release ends.',
        codes: [d.code],
        evidence: [],
        action: inIt.has(newest) ? `Use ${d.code} only for dates of service on or after its release.` : `Find the replacement code in ${newest} (code search).`,
      });
    }
    return out;
  },
};
