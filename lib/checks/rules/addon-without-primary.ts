import { isIcd, type Rule } from '../rule';

/** An add-on code is never reported without its primary (NCCI Policy Manual Chapter I, add-on code edits). */
export const rule: Rule = {
  id: 'addon-without-primary',
  kind: 'conflict',
  title: 'Add-on code without an eligible primary',
  source: 'CMS NCCI add-on code edit tables (edit types 1, 2, 3) and NCCI Policy Manual Chapter I',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const reported = new Set(encounter.services.filter((s) => !isIcd(s.code)).map((s) => s.code));
    for (const s of encounter.services) {
      const edits = pack
        .addOnEdits(s.code)
        .filter(
          (e) =>
            (!e.effective || e.effective <= encounter.dateOfService) &&
            (!e.deletion || e.deletion >= encounter.dateOfService),
        );
      if (edits.length === 0) continue;
      const type = Math.min(...edits.map((e) => e.type));
      const primaries = edits.map((e) => e.primary).filter((p): p is string => p !== null);
      if (type === 2) {
        if (reported.size > 1) continue; // type 2: the MAC decides which primaries; some other service is there
        out.push({
          severity: 'warning',
          message: `${s.code} is an add-on code and no other service is reported`,
          rationale: 'Edit type 2: no primary list; the contractor decides, but an add-on alone is never paid.',
          codes: [s.code],
          evidence: [],
          action: 'Report the primary service performed, or remove the add-on.',
        });
        continue;
      }
      if (primaries.some((p) => reported.has(p))) continue;
      out.push({
        severity: type === 1 ? 'error' : 'warning',
        message: `${s.code} is an add-on code reported without an eligible primary (${primaries.slice(0, 6).join(', ')}${primaries.length > 6 ? ', …' : ''})`,
        rationale:
          type === 1
            ? 'Edit type 1: only the listed primary codes are eligible.'
            : 'Edit type 3: some primaries are listed; the contractor may accept others.',
        codes: [s.code],
        evidence: [],
        action: 'Report the primary procedure the add-on belongs to, or remove the add-on.',
      });
    }
    return out;
  },
};
