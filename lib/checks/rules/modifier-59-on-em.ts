import { isDistinctModifier, isEm, type Rule } from '../rule';

/**
 * 59 (and its X{EPSU} subsets) marks a procedure distinct from other non-E/M services; it is never
 * appended to an E/M code. A separately identifiable E/M on the day of a procedure carries 25
 * (NCCI Policy Manual Chapter I §E, modifiers 25 and 59).
 */
export const rule: Rule = {
  id: 'modifier-59-on-em',
  kind: 'conflict',
  title: 'Modifier 59 or X{EPSU} on an E/M code',
  source: 'NCCI Policy Manual Chapter I §E (modifier 59 is for non-E/M services; a separate E/M takes modifier 25)',
  run({ encounter }) {
    const out: ReturnType<Rule['run']> = [];
    for (const s of encounter.services) {
      if (!isEm(s.code)) continue;
      const wrong = s.modifiers.filter(isDistinctModifier);
      if (wrong.length === 0) continue;
      const procedures = encounter.services.filter((o) => o !== s && !isEm(o.code));
      out.push({
        severity: 'error',
        message: `${s.code} (line ${s.line}) carries ${wrong.join(' and ')}: a distinct-procedural-service modifier is not used on an E/M`,
        rationale:
          'Modifier 59 and XE/XS/XP/XU describe procedures that are distinct from each other; an E/M that is significant and separately identifiable from a procedure the same day is marked with 25.',
        codes: [s.code],
        evidence: [],
        action: procedures.length
          ? `Remove ${wrong.join('/')} from ${s.code}; if the record shows an E/M significant and separately identifiable from ${procedures.map((p) => p.code).join(', ')}, append 25 instead.`
          : `Remove ${wrong.join('/')} from ${s.code}.`,
      });
    }
    return out;
  },
};
