import { MODIFIER_RESTRICTIONS } from '../tables';
import { isEm, isXModifier, X_MODIFIERS, type Rule } from '../rule';

const X_MEANING: Record<(typeof X_MODIFIERS)[number], string> = {
  XE: 'separate encounter the same day',
  XS: 'separate organ or structure',
  XP: 'separate practitioner',
  XU: 'unusual non-overlapping service',
};

/**
 * 59 is used only when no more descriptive modifier fits; XE, XS, XP and XU say which kind of
 * distinct service it is and are used in its place whenever possible. 59 and an X modifier on one
 * line say the same thing twice (NCCI Policy Manual Chapter I §E, modifiers 59 and X{EPSU}).
 */
export const rule: Rule = {
  id: 'modifier-59-with-x',
  kind: 'conflict',
  title: 'Modifier 59 where an X{EPSU} modifier says more, or with one on the same line',
  source: 'NCCI Policy Manual Chapter I §E (modifier 59 only when no more descriptive modifier applies; XE/XS/XP/XU)',
  run({ encounter }) {
    const out: ReturnType<Rule['run']> = [];
    for (const s of encounter.services) {
      // 59 on an E/M: modifier-59-on-em; on a code that takes no distinct-service modifier: modifier-not-allowed.
      if (
        !s.modifiers.includes('59') ||
        isEm(s.code) ||
        MODIFIER_RESTRICTIONS.some((r) => r.code === s.code && r.modifiers.includes('59'))
      )
        continue;
      const x = s.modifiers.filter(isXModifier);
      if (x.length) {
        out.push({
          severity: 'warning',
          message: `${s.code} (line ${s.line}) carries both 59 and ${x.join(', ')}`,
          rationale: 'The X modifiers are the specific forms of 59; one line carries one of them, not both.',
          codes: [s.code],
          evidence: [],
          action: `Keep ${x[0]} (${X_MEANING[x[0] as keyof typeof X_MEANING]}) if the record supports it, and drop 59.`,
        });
        continue;
      }
      out.push({
        severity: 'info',
        message: `${s.code} (line ${s.line}) carries 59; an X modifier says which kind of distinct service it is`,
        rationale:
          '59 is for when no more descriptive modifier applies; XE/XS/XP/XU are used in its place whenever one fits.',
        codes: [s.code],
        evidence: [],
        action: `Use ${X_MODIFIERS.map((m) => `${m} (${X_MEANING[m]})`).join(', ')} instead of 59 when the record shows one; keep 59 only if none fits.`,
      });
    }
    return out;
  },
};
