import { emLabel, levelEncounter, type VisitKind } from '../../em/em';
import type { Rule } from '../rule';

const KIND: [RegExp, VisitKind][] = [
  [/^9920[2-5]$/, 'new'],
  [/^9921[2-5]$/, 'established'],
  [/^9922[1-3]$/, 'initial'],
  [/^9923[1-3]$/, 'subsequent'],
  [/^9923[4-6]$/, 'same-day'],
  [/^9923[89]$/, 'discharge'],
];

/**
 * The reported E/M level must be supported by total time on the date or by MDM (2021 office,
 * 2023 hospital E/M guidelines). A time-based level needs a time statement in the note.
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
      const kind = KIND.find(([re]) => re.test(s.code))?.[1];
      if (!kind) continue;
      const r = levelEncounter(encounter.note, kind);
      const supported = r.code ? Number(r.code.slice(-1)) : 0;
      if (Number(s.code.slice(-1)) <= supported) continue;
      out.push({
        severity: 'warning',
        message: `${s.code} (${emLabel(s.code)}) is reported; the note supports ${r.code ? `${r.code} (${r.label})` : 'no level'}`,
        rationale: `Total time: ${r.timeMinutes !== undefined ? `${r.timeMinutes} min` : 'no time statement'}; MDM ${r.mdm.level} (problems ${r.mdm.problems}, data ${r.mdm.data}, risk ${r.mdm.risk}).`,
        codes: [s.code],
        evidence: r.timeEvidence ? [r.timeEvidence] : [],
        action: r.timeMinutes === undefined ? `Report ${r.code ?? 'the supported level'}, or add the total time spent on the date if it supports ${s.code} (provider query).` : `Report ${r.code ?? 'the supported level'}, or query the provider for the missing documentation: ${r.nextLevel ?? ''}`,
      });
    }
    return out;
  },
};
