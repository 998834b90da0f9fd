import { feeScheduleOf, surgeryKind } from '../fee-schedule';
import { COMPREHENSIVE_CODES } from '../tables';
import { isDistinctModifier, isIcd, type Rule } from '../rule';
import { isVisit } from './global-surgery-em';

/** E/M modifiers: what separates an E/M from a procedure (NCCI Policy Manual Chapter I §D, §E). */
const EM_MODIFIERS = new Set(['24', '25', '57']);
/** Modifiers that may bypass a PTP edit with indicator 1 (NCCI Policy Manual, Chapter I, and the NCCI modifier list). */
const NCCI_MODIFIERS = new Set([
  '24',
  '25',
  '57',
  '58',
  '59',
  '78',
  '79',
  '91',
  'XE',
  'XS',
  'XP',
  'XU',
  'E1',
  'E2',
  'E3',
  'E4',
  'FA',
  'F1',
  'F2',
  'F3',
  'F4',
  'F5',
  'F6',
  'F7',
  'F8',
  'F9',
  'TA',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'LT',
  'RT',
  'LC',
  'LD',
  'LM',
  'RC',
  'RI',
]);

/**
 * NCCI procedure-to-procedure edits between service lines in force on the date of service.
 * Indicator 0: column 2 is not paid with column 1, no modifier helps. Indicator 1: allowed with an
 * NCCI-associated modifier when the services are truly distinct (25 for a separate E/M; XE/XS/XP/XU
 * rather than 59). Indicator 9: not applicable.
 */
export const rule: Rule = {
  id: 'ncci-ptp',
  kind: 'conflict',
  title: 'NCCI procedure-to-procedure edit',
  source:
    'CMS NCCI PTP edits (practitioner table) and NCCI Policy Manual Chapter I (modifier indicators, modifiers 25/59/X{EPSU})',
  run({ encounter, pack }) {
    const out: ReturnType<Rule['run']> = [];
    const sv = encounter.services.filter((s) => !isIcd(s.code));
    for (const a of sv) {
      for (const b of sv) {
        if (a === b) continue;
        const edits = pack
          .ptpEdits(a.code, b.code)
          .filter((e) => e.inForceOn(encounter.dateOfService) && e.modifierIndicator !== 9);
        const e = edits[0];
        if (!e) continue;
        // A pair the manual names one code for: comprehensive-code-instead reports it (with this edit).
        if (
          COMPREHENSIVE_CODES.some(
            (c) => c.kind === 'combination' && c.codes.includes(a.code) && c.codes.includes(b.code),
          )
        )
          continue;
        const ptpRelease = pack.releasesFor(encounter.dateOfService).find((r) => r.system === 'NCCI-PTP')?.release;
        const release = ptpRelease ? `NCCI PTP ${ptpRelease}` : 'NCCI PTP';
        // An E/M (or eye visit, 92002–92014) beside a procedure is separated only by an E/M modifier on
        // the visit line (24, 25, 57); an anatomic or 59-type modifier on the procedure says nothing about the visit.
        const emLine = isVisit(a.code) ? a : isVisit(b.code) ? b : undefined;
        const bypass =
          emLine && !(isVisit(a.code) && isVisit(b.code))
            ? emLine.modifiers.filter((m) => EM_MODIFIERS.has(m))
            : [...a.modifiers, ...b.modifiers].filter((m) => NCCI_MODIFIERS.has(m));
        if (e.modifierIndicator === 0) {
          out.push({
            severity: 'error',
            message: `${b.code} is bundled into ${a.code} (${release}, modifier indicator 0: no modifier allowed; ${e.rationale})`,
            rationale:
              'With indicator 0 the column-2 code is denied whenever both are reported for the same patient, provider and date.',
            codes: [a.code, b.code],
            evidence: [],
            action: `Remove ${b.code} (line ${b.line}); it is part of ${a.code}.`,
          });
          continue;
        }
        // A modifier is there (whether it fits is modifier-59-with-x / global-surgery-em); 59 or X on the E/M
        // line is modifier-59-on-em's finding, which names 25.
        if (bypass.length > 0 || emLine?.modifiers.some(isDistinctModifier)) continue;
        const procedure = emLine === a ? b.code : emLine === b ? a.code : undefined;
        const kind = procedure ? surgeryKind(feeScheduleOf(procedure)?.globalPeriod ?? 'XXX') : undefined;
        const fit = !procedure
          ? 'XE (separate encounter), XS (separate structure), XP (separate practitioner) or XU (unusual non-overlapping service) — preferred over 59'
          : kind === 'major'
            ? `57 on the E/M line when this visit decided the surgery (${procedure} has a 90-day global period)`
            : '25 on the E/M line (significant, separately identifiable E/M)';
        out.push({
          severity: 'error',
          message: `${b.code} with ${a.code} hits an NCCI PTP edit in force on ${encounter.dateOfService} (${release}, modifier indicator 1; ${e.rationale})`,
          rationale:
            'Indicator 1: the pair is paid only when the services are truly distinct and an NCCI-associated modifier says so.',
          codes: [a.code, b.code],
          evidence: [],
          action: `If the documentation shows distinct services, add ${fit}; otherwise remove ${b.code}.`,
        });
      }
    }
    return out;
  },
};
