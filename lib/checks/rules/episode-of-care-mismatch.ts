import { isIcd, type Rule } from '../rule';

/**
 * Injury 7th characters: A active treatment, D subsequent care (healing / recovery phase),
 * S sequela (Guidelines I.C.19.a). The reported character should match the note's episode words.
 */
export const rule: Rule = {
  id: 'episode-of-care-mismatch',
  kind: 'documentation',
  title: '7th character does not match the documented episode of care',
  source: 'ICD-10-CM Official Guidelines I.C.19.a (7th characters A, D, S) and I.C.19.c.1 (fractures)',
  run({ encounter }) {
    if (!encounter.note) return [];
    const note = encounter.note.toLowerCase();
    const subsequent = /\b(subsequent (encounter|visit|care)|follow[- ]up|routine healing|cast (check|removal)|healing)\b/.exec(note);
    const initial = /\b(initial encounter|active treatment|emergency department|acute injury today)\b/.exec(note);
    const sequela = /\bsequela/.exec(note);
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code) || !/^[ST]/.test(d.code) || d.code.replace('.', '').length !== 7) continue;
      const ch = d.code.at(-1)!;
      const expected = sequela ? 'S' : subsequent && !initial ? 'D' : initial && !subsequent ? 'A' : undefined;
      const m = sequela ?? (expected === 'D' ? subsequent : initial);
      if (!expected || !m) continue;
      const family = (c: string) => (c === 'A' || c === 'B' || c === 'C' ? 'A' : c === 'S' ? 'S' : 'D');
      if (family(ch) === expected) continue;
      out.push({
        severity: 'warning',
        message: `${d.code} has 7th character ${ch}, but the note documents "${encounter.note.slice(m.index, m.index + m[0].length)}"`,
        rationale: 'A is active treatment, D the healing/recovery phase, S a sequela; the character follows the care given, not the visit count.',
        codes: [d.code],
        evidence: [{ start: m.index, end: m.index + m[0].length, text: encounter.note.slice(m.index, m.index + m[0].length) }],
        action: `Use the ${expected === 'A' ? 'initial-encounter' : expected === 'D' ? 'subsequent-encounter' : 'sequela'} character (${expected}${expected === 'D' ? ', or G/K/P for delayed healing, nonunion, malunion' : ''}).`,
      });
    }
    return out;
  },
};
