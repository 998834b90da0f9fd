import { COMPREHENSIVE_CODES } from '../tables';
import { isDistinctModifier, type Rule } from '../rule';

/**
 * Where the NCCI Policy Manual names one code for what two codes (or two sides) report, the
 * comprehensive code is reported (Chapter I §A: no unbundling, no fragmenting, no downcoding, no
 * two unilateral codes for a bilateral one; §E example 1: 38222 for aspiration and biopsy of the
 * same bone). Table: data/comprehensive-codes.json.
 */
export const rule: Rule = {
  id: 'comprehensive-code-instead',
  kind: 'conflict',
  title: 'Codes reported where the manual names one comprehensive code',
  source:
    'NCCI Policy Manual Chapter I §A (most comprehensive code; bilateral codes not unbundled) and §E example 1; data/comprehensive-codes.json',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const lines = encounter.services;
    for (const c of COMPREHENSIVE_CODES) {
      if (c.kind === 'combination') {
        const hit = c.codes.map((code) => lines.find((s) => s.code === code));
        if (hit.some((h) => !h) || lines.some((s) => s.code === c.report)) continue;
        // The PTP edit between them, when the table in force has one (either order).
        const edit = c.codes
          .flatMap((x) => c.codes.filter((y) => y !== x).flatMap((y) => pack.ptpEdits(x, y)))
          .find((e) => e.inForceOn(encounter.dateOfService) && e.modifierIndicator !== 9);
        const ptp = pack.releasesFor(encounter.dateOfService).find((r) => r.system === 'NCCI-PTP');
        const pair = edit
          ? ` NCCI PTP${ptp ? ` ${ptp.release}` : ''} pairs ${edit.column1} with ${edit.column2} (modifier indicator ${edit.modifierIndicator}).`
          : '';
        // A distinct-service modifier on the pair may be right when the exception holds; without one the pair is denied.
        const distinct = hit.some((h) => h!.modifiers.some((m) => isDistinctModifier(m) || m === 'RT' || m === 'LT'));
        out.push({
          severity: c.unless && distinct ? 'warning' : 'error',
          message: `${c.codes.join(' with ')} are reported together; one code, ${c.report}, describes both`,
          rationale: `${c.source}.${pair}${c.unless ? ` They are separate only when ${c.unless}.` : ''}`,
          codes: [...c.codes, c.report],
          evidence: [],
          action: c.unless
            ? `Report ${c.report} instead of ${c.codes.join(' + ')}, unless the record shows ${c.unless.split(';')[0]}.`
            : `Report ${c.report} instead of ${c.codes.join(' + ')}.`,
        });
        continue;
      }
      const same = lines.filter((s) => s.code === c.code);
      const units = same.reduce((n, s) => n + s.units, 0);
      const mods = new Set(same.flatMap((s) => s.modifiers));
      const bothSides = units >= 2 || mods.has('50') || (mods.has('RT') && mods.has('LT'));
      if (!bothSides) continue;
      out.push({
        severity: 'error',
        message: `${c.code} is reported for both sides (${same.map((s) => `${s.code}${s.modifiers.length ? `-${s.modifiers.join('-')}` : ''}${s.units > 1 ? ` ×${s.units}` : ''}`).join(', ')}); ${c.report} is the bilateral code`,
        rationale: `${c.source}.`,
        codes: [c.code, c.report],
        evidence: [],
        action: `Report ${c.report} once (one unit, no 50/RT/LT) instead of ${c.code} for each side.`,
      });
    }
    return out;
  },
};
