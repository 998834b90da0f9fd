import problemData from './data/mdm-problems.json';
import { firstMatch, pattern, type EmStatement, type Span } from './note-view';
import { ProblemCuesSchema } from './schema';
import type { MdmLevel } from './tables';
import { applyContext, type Assertion } from '../text/context';
import { tokenize } from '../text/tokens';

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

interface StatementContext {
  ends: number[];
  of: (i: number) => Assertion;
  /** Offset of the first trigger that negates the words after it ("no", "denies", "not"), if any. */
  negation?: number;
  /** The statement with its negated words blanked out (same offsets). */
  asserted: string;
}
const CONTEXT = new Map<string, StatementContext>();

function contextOf(text: string): StatementContext {
  let ctx = CONTEXT.get(text);
  if (!ctx) {
    const tokens = tokenize(text);
    const scopes = applyContext(tokens);
    const neg = scopes.triggers
      .filter((t) => t.rule.category === 'NEGATED_EXISTENCE' && t.rule.direction !== 'BACKWARD')
      .sort((a, b) => a.first - b.first)[0];
    let asserted = text;
    tokens.forEach((t, i) => {
      if (scopes.assertionOf(i) === 'negated')
        asserted = asserted.slice(0, t.start) + ' '.repeat(t.end - t.start) + asserted.slice(t.end);
    });
    ctx = {
      asserted,
      ends: tokens.map((t) => t.end),
      of: (i) => scopes.assertionOf(i),
      ...(neg ? { negation: tokens[neg.first]!.start } : {}),
    };
    if (CONTEXT.size > 5000) CONTEXT.clear();
    CONTEXT.set(text, ctx);
  }
  return ctx;
}

/**
 * What the note's assertion stage (ConText, lib/text/context) says of the word at `at` of a
 * statement: present, negated ("no history of falls"), hypothetical ("if we need to worry about
 * DIC", "DVT prophylaxis"), possible, historical or a relative's. Read once per statement text.
 */
export function assertionAt(text: string, at: number): Assertion {
  const ctx = contextOf(text);
  // The first word that ends after `at`: the word the match begins in.
  const i = ctx.ends.findIndex((end) => end > at);
  return i < 0 ? 'present' : ctx.of(i);
}

/**
 * A statement with a negation: its words before the first negation ("Completed and there was" of
 * "Completed and there was no history of falls.") and the statement with every negated word blanked
 * out; undefined when nothing in it is negated.
 */
export function negation(text: string): { before: string; asserted: string } | undefined {
  const ctx = contextOf(text);
  return ctx.negation === undefined ? undefined : { before: text.slice(0, ctx.negation), asserted: ctx.asserted };
}

/** Words the note does not assert of the patient now: negated, hypothetical, or another person's. */
const NOT_ASSERTED: ReadonlySet<Assertion> = new Set(['negated', 'hypothetical', 'other_person']);

/**
 * A match the note asserts: not negated by the words before it in its clause (the E/M negation
 * cues: "no evidence of sepsis", "history of", "does not meet criteria for … manic states"), nor
 * negated or hypothetical to the note's assertion stage ("there was no history of falls", "to know
 * if we need to worry about DIC"). A negated or hypothetical word never raises a problem.
 */
export function affirmed(text: string, patterns: readonly string[], base: number): Span | undefined {
  for (const p of patterns) {
    const re = new RegExp(pattern(p).source, 'gi');
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      const before = text.slice(Math.max(0, m.index - 80), m.index);
      const clause = before.split(/[.;]/).at(-1) ?? '';
      if (CUES.negation.some((n) => pattern(n).test(clause))) continue;
      if (NOT_ASSERTED.has(assertionAt(text, m.index))) continue;
      return { start: base + m.index, end: base + m.index + m[0].length, text: m[0] };
    }
  }
  return undefined;
}

/** The words before `at` in its clause make it a possibility ("a suggestion of …", "probably had …"). */
function speculative(text: string, at: number): boolean {
  const clause =
    text
      .slice(Math.max(0, at - 80), Math.max(0, at))
      .split(/[.;]/)
      .at(-1) ?? '';
  return CUES.speculative.some((p) => pattern(p).test(clause));
}

/** A problem of the assessment: its statement (or the part naming it) and the statements that follow it. */
export interface Unit {
  head: EmStatement;
  /** The head's text, or the part of it that names this problem when one sentence lists several. */
  headText: string;
  headStart: number;
  context: EmStatement[];
}

/** The first raw match in any of the texts (words that carry their own negation: "no evidence of disease"). */
function findAny(texts: { text: string; base: number }[], ps: readonly string[]): Span | undefined {
  for (const a of texts) {
    const hit = firstMatch(a.text, ps, a.base);
    if (hit) return hit;
  }
  return undefined;
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
  // "Much improved" is never a severe exacerbation (CPT: severe = significant risk of morbidity now).
  const severe = find(CUES.improving) ? undefined : find(CUES.severe);
  if (chronic && severe) return make('chronic-severe', [chronic, severe]);
  const threat = find(CUES.threat, headOnly);
  // A threatening condition named only as a possibility is an uncertain diagnosis (moderate).
  const maybe = threat && speculative(u.headText, threat.start - u.headStart);
  // "Mild hypoxemia, … stable without supplemental oxygen": a threatening kind of condition the
  // item calls stable is a stable chronic illness, one it calls mild no threat (CPT: a threat is a
  // risk to life or bodily function in the near term without treatment).
  const stable = threat && !maybe ? find(CUES.stable) : undefined;
  if (threat && !maybe && stable) return make('chronic-stable', [threat, stable]);
  if (threat && !maybe && !/\bmild(ly)?\b/i.test(u.headText)) return make('threat', [threat]);
  const worse = find(CUES.exacerbation);
  if (chronic && worse) return make('chronic-worse', [chronic, worse]);
  const uncertain = maybe ? threat : find(CUES.uncertain, headOnly);
  if (uncertain) return make('undiagnosed', [uncertain]);
  // A cancer with no word of stability or remission is not at its treatment goal (CPT: stable =
  // at the patient's treatment goal): a newly diagnosed or active cancer is at least moderate.
  const cancer = find(CUES.activeCancer.names, headOnly);
  const atGoal = find(CUES.stable) ?? findAny(all, CUES.activeCancer.atGoal);
  if (chronic && cancer && !atGoal) return make('chronic-worse', [cancer]);
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
