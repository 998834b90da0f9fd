import { EPISODE_CUES } from '../tables';
import { isIcd, noteDocument, type Rule } from '../rule';

type Phase = 'initial' | 'subsequent' | 'sequela';
interface Cue {
  phase: Phase;
  start: number;
  end: number;
  text: string;
}

/** Fracture 7th characters by fracture type (closed; open I/II; open IIIA–C) and phase. */
const FRACTURE_ROWS = ['ADGKP', 'BEHMQ', 'CFJNR'];
const HEALING_COLUMN: Record<string, number> = { G: 2, K: 3, P: 4 };
const compile = (list: string[]) => list.map((s) => new RegExp(s, 'gi'));
const CUES: Record<Phase, RegExp[]> = {
  initial: compile(EPISODE_CUES.initial),
  subsequent: compile(EPISODE_CUES.subsequent),
  sequela: compile(EPISODE_CUES.sequela),
};
const HEALING = Object.entries(EPISODE_CUES.healing).map(([ch, re]) => [ch, new RegExp(re, 'i')] as const);

function phaseOf(ch: string): Phase {
  if (ch === 'S') return 'sequela';
  const col = FRACTURE_ROWS.map((r) => r.indexOf(ch)).find((i) => i >= 0);
  return col === 0 ? 'initial' : 'subsequent';
}

/**
 * Injury 7th characters follow the care given (Guidelines I.C.19.a): A while the injury is actively
 * treated, D once the patient is in the healing or recovery phase, S for a late effect; fractures
 * also carry the type (closed, open) and, after the first visit, the healing (routine D/E/F,
 * delayed G/H/J, nonunion K/M/N, malunion P/Q/R). The note's statements say which (data/
 * episode-cues.json); a planned follow-up in the plan says nothing of this visit. The replacement
 * code keeps the fracture type and never states delayed healing, nonunion or malunion unless the
 * note does.
 */
export const rule: Rule = {
  id: 'episode-of-care-mismatch',
  kind: 'documentation',
  title: '7th character does not match the documented episode of care',
  source:
    'ICD-10-CM Official Guidelines I.C.19.a (7th characters A, D, S) and I.C.19.c.1 (fracture 7th characters); Tabular 7th-character tables',
  run(ctx) {
    const { encounter, pack } = ctx;
    const doc = noteDocument(ctx);
    if (!doc) return [];
    const cues: Cue[] = [];
    for (const st of doc.statements) {
      const role = st.section.role;
      if (
        role === 'history' ||
        role === 'family' ||
        role === 'social' ||
        role === 'medications' ||
        role === 'allergies'
      )
        continue;
      const text = doc.view.slice(st.start, st.end);
      for (const phase of ['initial', 'subsequent', 'sequela'] as const) {
        if (phase === 'subsequent' && role === 'plan') continue;
        for (const re of CUES[phase]) {
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            cues.push({
              phase,
              start: st.start + m.index,
              end: st.start + m.index + m[0].length,
              text: doc.text.slice(st.start + m.index, st.start + m.index + m[0].length),
            });
          }
        }
      }
    }
    const has = (p: Phase) => cues.filter((c) => c.phase === p);
    const expected: Phase | undefined = has('sequela').length
      ? 'sequela'
      : has('initial').length && !has('subsequent').length
        ? 'initial'
        : has('subsequent').length && !has('initial').length
          ? 'subsequent'
          : undefined;
    if (!expected) return [];
    const healing = HEALING.find(([, re]) => re.test(doc.view))?.[0];
    const out: ReturnType<Rule['run']> = [];
    for (const d of encounter.diagnoses) {
      if (!isIcd(d.code) || !/^[ST]/.test(d.code) || d.code.replace('.', '').length !== 7) continue;
      const ch = d.code.at(-1)!;
      const seven = pack.sevenChrFor(d.code);
      if (!seven || phaseOf(ch) === expected) continue;
      const allowed = new Set(seven.values.map((v) => v.char));
      const row = FRACTURE_ROWS.find((r) => r.includes(ch));
      const fracture = allowed.has('K') && row !== undefined;
      const target =
        expected === 'sequela'
          ? 'S'
          : fracture
            ? row[expected === 'initial' ? 0 : (HEALING_COLUMN[healing ?? ''] ?? 1)]!
            : expected === 'initial'
              ? 'A'
              : 'D';
      const replacement = `${d.code.slice(0, -1)}${target}`;
      const valid = allowed.has(target) && pack.codeInfo(replacement) !== undefined;
      const meaning = seven.values.find((v) => v.char === target)?.text;
      const shown = has(expected).slice(0, 3);
      out.push({
        severity: 'warning',
        message: `${d.code} has 7th character ${ch}, but the note documents ${expected === 'initial' ? 'active treatment' : expected === 'subsequent' ? 'the healing or recovery phase' : 'a late effect'} ("${shown.map((c) => c.text).join('", "')}")`,
        rationale:
          'A is active treatment (first visit, ED, surgery), D the healing or recovery phase after it (cast change, follow-up), S a late effect; the character follows the care given, not the number of visits.',
        codes: valid ? [d.code, replacement] : [d.code],
        evidence: shown.map(({ start, end, text }) => ({ start, end, text })),
        action: valid
          ? `Report ${replacement}${meaning ? ` (7th character ${target}: ${meaning})` : ''} instead of ${d.code}.`
          : `Use the ${expected === 'initial' ? 'initial-encounter' : expected === 'subsequent' ? 'subsequent-encounter' : 'sequela'} 7th character (${target}).`,
      });
    }
    return out;
  },
};
