import { MODIFIER_RESTRICTIONS } from '../tables';
import type { Rule } from '../rule';

/** Codes the NCCI Policy Manual says a modifier may not be appended to (data/modifier-restrictions.json). */
export const rule: Rule = {
  id: 'modifier-not-allowed',
  kind: 'conflict',
  title: 'Modifier the NCCI Policy Manual excludes for this code',
  source: 'NCCI Policy Manual Chapter I §E (modifier 59 not used with 77427); data/modifier-restrictions.json',
  run({ encounter }) {
    const out: ReturnType<Rule['run']> = [];
    for (const s of encounter.services) {
      const r = MODIFIER_RESTRICTIONS.find((x) => x.code === s.code);
      const wrong = r ? s.modifiers.filter((m) => r.modifiers.includes(m)) : [];
      if (!r || wrong.length === 0) continue;
      out.push({
        severity: 'error',
        message: `${s.code} (line ${s.line}) carries ${wrong.join(' and ')}, which may not be used with this code`,
        rationale: `${r.why[0]!.toUpperCase()}${r.why.slice(1)} (${r.source}).`,
        codes: [s.code],
        evidence: [],
        action: `Remove ${wrong.join('/')} from ${s.code}; report it only as often as its unit definition allows.`,
      });
    }
    return out;
  },
};
