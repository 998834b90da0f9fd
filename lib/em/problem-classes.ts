import problemData from './data/mdm-problems.json';
import { firstMatch, pattern, type EmStatement, type Span } from './note-view';
import { ProblemCuesSchema } from './schema';
import type { MdmLevel } from './tables';

/*
 * The classes of problem of the CPT MDM table (number and complexity of problems addressed) and
 * how one problem is classed by its words: its own statement names the condition, the statements
 * that follow it (its context) may say it is severe or worse.
 */
export const CUES = ProblemCuesSchema.parse(problemData);

export type ProblemClass =
  | 'threat'
  | 'chronic-severe'
  | 'chronic-worse'
  | 'chronic-stable'
  | 'undiagnosed'
  | 'acute-systemic'
  | 'complicated-injury'
  | 'acute'
  | 'minor';

export const CLASS_LEVEL: Record<ProblemClass, MdmLevel> = {
  threat: 'high',
  'chronic-severe': 'high',
  'chronic-worse': 'moderate',
  undiagnosed: 'moderate',
  'acute-systemic': 'moderate',
  'complicated-injury': 'moderate',
  'chronic-stable': 'low',
  acute: 'low',
  minor: 'straightforward',
};

export const CLASS_WORDS: Record<ProblemClass, string> = {
  threat: 'an illness or injury that threatens life or bodily function',
  'chronic-severe': 'a chronic illness with severe exacerbation or decompensation',
  'chronic-worse': 'a chronic illness worse, not at goal, or with side effects of treatment',
  'chronic-stable': 'a stable chronic illness',
  undiagnosed: 'an undiagnosed new problem with uncertain prognosis',
  'acute-systemic': 'an acute illness with systemic symptoms',
  'complicated-injury': 'an acute complicated injury',
  acute: 'an acute uncomplicated illness or injury',
  minor: 'a self-limited or minor problem',
};

export interface Problem {
  /** The problem's own words (its diagnostic statement). */
  text: string;
  evidence: Span[];
  class: ProblemClass;
  level: MdmLevel;
  why: string;
}

export interface ProblemsElement {
  level: MdmLevel;
  problems: Problem[];
  why: string;
}

const CONDITION_LISTS = [CUES.threat, CUES.chronic, CUES.acuteSystemic, CUES.complicatedInjury, CUES.minor];

export function namesCondition(text: string): boolean {
  return CONDITION_LISTS.some((l) => firstMatch(text, l) !== undefined);
}

/** A match not negated by the words before it in its statement ("no evidence of sepsis"). */
export function affirmed(text: string, patterns: readonly string[], base: number): Span | undefined {
  for (const p of patterns) {
    const re = new RegExp(pattern(p).source, 'gi');
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const clause = before.split(/[.;]/).at(-1) ?? '';
      if (CUES.negation.some((n) => pattern(n).test(clause))) continue;
      return { start: base + m.index, end: base + m.index + m[0].length, text: m[0] };
    }
  }
  return undefined;
}

/** A problem of the assessment: its statement (or the part naming it) and the statements that follow it. */
export interface Unit {
  head: EmStatement;
  /** The head's text, or the part of it that names this problem when one sentence lists several. */
  headText: string;
  headStart: number;
  context: EmStatement[];
}

/** Classes one problem: the first class its words reach, from the most to the least complex. */
export function classify(u: Unit): Problem | undefined {
  const head = u.headText.replace(/^\s*(?:#?\d{1,2}[.)]|[-•*])\s*/, '').trim();
  if (!head || CUES.notAProblem.some((p) => pattern(p).test(head))) return undefined;
  const lead = u.headText.indexOf(head);
  const headSpan: Span = {
    start: u.headStart + Math.max(0, lead),
    end: u.headStart + Math.max(0, lead) + head.length,
    text: head,
  };
  const all = [{ text: head, base: headSpan.start }, ...u.context.map((c) => ({ text: c.text, base: c.start }))];
  const find = (ps: readonly string[], scope = all) => {
    for (const a of scope) {
      const hit = affirmed(a.text, ps, a.base);
      if (hit) return hit;
    }
    return undefined;
  };
  const headOnly = all.slice(0, 1);
  const make = (cls: ProblemClass, words: (Span | undefined)[]): Problem => ({
    text: head,
    evidence: [
      headSpan,
      ...words.filter((w): w is Span => w !== undefined && (w.start < headSpan.start || w.end > headSpan.end)),
    ],
    class: cls,
    level: CLASS_LEVEL[cls],
    why: `${CLASS_WORDS[cls]}${
      words.some(Boolean)
        ? ` ("${words
            .filter(Boolean)
            .map((w) => w!.text)
            .join('", "')}")`
        : ''
    }`,
  });
  const chronic = find(CUES.chronic, headOnly);
  const severe = find(CUES.severe);
  if (chronic && severe) return make('chronic-severe', [chronic, severe]);
  const threat = find(CUES.threat, headOnly);
  if (threat) return make('threat', [threat]);
  const worse = find(CUES.exacerbation);
  if (chronic && worse) return make('chronic-worse', [chronic, worse]);
  const uncertain = find(CUES.uncertain, headOnly);
  if (uncertain) return make('undiagnosed', [uncertain]);
  if (chronic) return make('chronic-stable', [chronic]);
  const systemic = find(CUES.acuteSystemic, headOnly);
  if (systemic) return make('acute-systemic', [systemic]);
  const injury = find(CUES.complicatedInjury, headOnly);
  if (injury) return make('complicated-injury', [injury]);
  if (severe) return make('threat', [severe]);
  const minor = find(CUES.minor, headOnly);
  if (minor) return make('minor', [minor]);
  return make('acute', []);
}
