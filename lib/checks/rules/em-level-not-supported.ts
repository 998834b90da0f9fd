import { emLabel, familyOfCode, levelEncounter, type Family } from '../../em/em';
import type { Rule } from '../rule';

/** How many levels below the billed one the note must read before the rule speaks (MDM is read from words). */
const CLEAR_GAP = 2;

/**
 * Families the leveller does not level from the note's words, so never flagged: a nursing-facility
 * discharge (by its time; the lower code is the default) and critical care (by its own time; under
 * 30 minutes it is reported as the hospital or ED visit, which is its own question).
 */
const NOT_LEVELLED = new Set<Family>(['nursing-discharge', 'critical-care']);

/**
 * The reported E/M level must be supported by total time on the date or by MDM (2021 office,
 * 2023 other E/M guidelines). The note is levelled in the billed code's own family. MDM read from
 * words is approximate, so the rule speaks only when the note clearly supports a lower level: two
 * or more levels below the billed one. A discharge-day code above the lowest needs its time
 * documented. Families the leveller does not level by MDM or time (preventive, eye, disability
 * examinations; nursing-facility discharge; critical care), unknown codes and texts with nothing to
 * level are never flagged.
 */
export const rule: Rule = {
  id: 'em-level-not-supported',
  kind: 'documentation',
  title: 'E/M level above what the note supports',
  source: 'CPT E/M guidelines 2021 (office) / 2023 (hospital): level by total time or by MDM, 2 of 3 elements',
  run({ encounter }) {
    if (encounter.note === undefined) return [];
    const out: ReturnType<Rule['run']> = [];
    for (const s of encounter.services) {
      const billed = familyOfCode(s.code);
      if (!billed || NOT_LEVELLED.has(billed.family)) continue;
      const r = levelEncounter(encounter.note, billed.family);
      if (r.nothingToLevel || !r.code) continue;
      const supported = familyOfCode(r.code)!.rank;
      const gap = billed.rank - supported;
      const discharge = billed.family === 'discharge';
      if (discharge ? gap < 1 : gap < CLEAR_GAP) continue;
      const time =
        r.timeMinutes !== undefined ? `${r.timeMinutes} min ("${r.timeEvidence?.text}")` : 'no time statement';
      out.push({
        severity: 'warning',
        message: `${s.code} (${emLabel(s.code)}) is reported; the note supports ${r.code} (${r.label})`,
        rationale: discharge
          ? `Discharge-day management is levelled by time only; documented: ${time}.`
          : `Total time: ${time}; MDM ${r.mdm.level} (problems ${r.mdm.problems}: ${r.mdm.why.problems}; data ${r.mdm.data}: ${r.mdm.why.data}; risk ${r.mdm.risk}: ${r.mdm.why.risk}).`,
        codes: [s.code],
        evidence: [
          ...(r.timeEvidence ? [r.timeEvidence] : []),
          ...r.mdm.evidence.problems,
          ...r.mdm.evidence.risk,
        ].slice(0, 8),
        action:
          r.timeMinutes === undefined
            ? `Report ${r.code}, or add the total time spent on the date if it supports ${s.code} (provider query). ${r.nextLevel ?? ''}`.trim()
            : `Report ${r.code}, or query the provider for the missing documentation: ${r.nextLevel ?? ''}`,
      });
    }
    return out;
  },
};
