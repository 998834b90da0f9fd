import problemData from './data/mdm-problems.json';
import { firstMatch, pattern, type EmNote, type EmStatement, type Span } from './note-view';
import { ProblemCuesSchema } from './schema';
import { rank, type MdmLevel } from './tables';

/*
 * MDM element 1: the number and complexity of problems addressed. Problems are the note's
 * diagnostic statements (a numbered item of the assessment, else each assessment sentence that
 * names a problem); plan sentences that follow a problem belong to it. Each problem is classed by
 * its words; the element's level follows the CPT table, where two or more chronic illnesses are
 * moderate together and two or more self-limited problems are low.
 */
const CUES = ProblemCuesSchema.parse(problemData);

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

const CLASS_LEVEL: Record<ProblemClass, MdmLevel> = {
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

const CLASS_WORDS: Record<ProblemClass, string> = {
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

function namesCondition(text: string): boolean {
  return CONDITION_LISTS.some((l) => firstMatch(text, l) !== undefined);
}

/** A match not negated by the words before it in its statement ("no evidence of sepsis"). */
function affirmed(text: string, patterns: readonly string[], base: number): Span | undefined {
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

interface Unit {
  head: EmStatement;
  /** The head's text, or the part of it that names this problem when one sentence lists several. */
  headText: string;
  headStart: number;
  context: EmStatement[];
}

/** A part that qualifies the problem before it ("severe exacerbation with psychosis", "now hypotension"). */
const MODIFIER =
  /^\s*(?:with|without|now|still|currently|severe|mild|moderate|stable|unstable|worsening|worse|improv\w*|resolv\w*|exacerbat\w*|uncontrolled|controlled|poorly|well|not|status|secondary|due|likely|possibl\w*|probabl\w*|suspect\w*|rule|r\/o|versus|vs\.?|on|off|s\/p|complicated|associated|causing|leading|requiring|most|which|that)\b/i;

/** Splits "Respiratory arrest, pneumonia, COPD exacerbation" into problems when each part names a condition. */
function splitList(s: EmStatement): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const re = /[^,;]+/g;
  for (const m of s.text.matchAll(re)) if (m[0].trim()) parts.push({ text: m[0], start: s.start + m.index });
  const named = parts.filter((p) => namesCondition(p.text));
  if (parts.length < 2 || named.length < 2) return [{ text: s.text, start: s.start }];
  // Parts that name no condition ("most notably in the morning") stay with the problem before them.
  const out: { text: string; start: number }[] = [];
  for (const p of parts) {
    if (out.length === 0 || (namesCondition(p.text) && !MODIFIER.test(p.text))) out.push({ ...p });
    else out[out.length - 1]!.text += `,${p.text}`;
  }
  return out;
}

const PLAN_LIKE =
  /^\s*(?:\d{1,2}[.)]\s*)?(?:plan|recommend\w*|follow[- ]?up|return\w*|continu\w*|will|we|i|discuss\w*|patient (?:was|will|is to)|to |start\w*|stop\w*|hold\w*|increas\w*|decreas\w*|check\w*|obtain\w*|order\w*|schedul\w*|refer\w*|consult\w*|advis\w*|counsel\w*|instruct\w*|encourag\w*|our plan|at this time|if|all questions|options)\b/i;
/** Words of a sentence rather than of a diagnosis ("Options are discussed", "This has not improved"). */
const SENTENCE =
  /\b(is|are|was|were|has|have|had|will|would|should|can|could|did|does|do|discussed|reviewed|provided|answered|given|appears?|seems?|explained|recommended|started|continued|underwent|agree[sd]?)\b/i;

/** A short noun phrase ("Plantar fasciitis.") is a diagnosis even when no condition list names it. */
function diagnosisLike(text: string): boolean {
  const t = text.replace(/^\s*(?:#?\d{1,2}[.)]|[-•*])\s*/, '').trim();
  return t.length > 2 && t.split(/\s+/).length <= 10 && !SENTENCE.test(t) && !PLAN_LIKE.test(t);
}

/**
 * Problems of the assessment: the first statement of each numbered item (the rest of the item is
 * its context), else each statement that names a condition or reads as a diagnosis; other
 * statements (plan sentences, reasoning) are the context of the problem before them.
 */
function units(note: EmNote): Unit[] {
  const diag = note.statements.filter((s) => s.role === 'diagnostic');
  const out: Unit[] = [];
  let prevKey = '';
  for (const s of diag) {
    const key = `${s.sectionStart}:${s.item ?? ''}`;
    const sameItem = s.item !== undefined && key === prevKey;
    prevKey = key;
    const last = out.at(-1);
    const inSection = last !== undefined && last.head.sectionStart === s.sectionStart;
    if (sameItem && last) {
      last.context.push(s);
      continue;
    }
    const problem =
      s.item !== undefined ||
      (!PLAN_LIKE.test(s.text) && (namesCondition(s.text) || firstMatch(s.text, CUES.uncertain) !== undefined)) ||
      diagnosisLike(s.text) ||
      // The first statement of an assessment is its problem, even written as a sentence.
      (!inSection && (namesCondition(s.text) || !PLAN_LIKE.test(s.text)));
    if (!problem) {
      if (inSection) last.context.push(s);
      continue;
    }
    for (const part of splitList(s)) out.push({ head: s, headText: part.text, headStart: part.start, context: [] });
  }
  return out;
}

function classify(u: Unit): Problem | undefined {
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

/**
 * Reads the problems addressed and levels the element. The reason for the visit is always
 * addressed: when it reads as more complex than the assessment's problems (a threat named in the
 * chief complaint), it sets the level; without an assessment it stands in, and without either the
 * note's opening sentence (why the patient is here) does.
 */
export function readProblems(note: EmNote): ProblemsElement {
  let list = units(note)
    .filter((u) => note.structured || namesCondition(u.headText))
    .map(classify)
    .filter((p): p is Problem => p !== undefined);
  const fromReason = (statements: EmStatement[], where: string) =>
    statements
      .map((s) => classify({ head: s, headText: s.text, headStart: s.start, context: [] }))
      .filter(
        (p): p is Problem =>
          p !== undefined && (p.class !== 'acute' || namesCondition(p.text) || diagnosisLike(p.text)),
      )
      .map((p) => ({ ...p, why: `${p.why}; ${where}` }));
  const reasons = fromReason(
    note.statements.filter((s) => s.role === 'reason').slice(0, 3),
    'the reason for the visit',
  );
  if (list.length === 0) {
    list = reasons.length
      ? reasons
      : fromReason(
          note.statements.filter((s) => s.role === 'narrative').slice(0, 1),
          'the opening sentence (no assessment section)',
        );
  } else {
    const top = Math.max(...list.map((p) => rank(p.level)));
    const higher = reasons.filter((p) => rank(p.level) > top).sort((a, b) => rank(b.level) - rank(a.level))[0];
    if (higher) list.push(higher);
  }
  // One problem named twice (admission and final diagnoses) counts once.
  const seen = new Set<string>();
  list = list.filter((p) => {
    const k = p.text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return level(worseByHistory(note, list));
}

const STOP = new Set([
  'with',
  'without',
  'from',
  'that',
  'this',
  'chronic',
  'acute',
  'disease',
  'disorder',
  'syndrome',
  'type',
  'left',
  'right',
  'history',
]);

/** A stable-read chronic illness the history of present illness describes as worse is not stable. */
function worseByHistory(note: EmNote, problems: Problem[]): Problem[] {
  const history = note.statements.filter((s) => s.kind === 'hpi' || s.role === 'reason');
  return problems.map((p) => {
    if (p.class !== 'chronic-stable' || firstMatch(p.text, CUES.stable)) return p;
    const words = (p.text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w));
    for (const s of history) {
      const about = problems.length === 1 || words.some((w) => s.text.toLowerCase().includes(w));
      const worse = about ? affirmed(s.text, CUES.historyWorse, s.start) : undefined;
      if (worse)
        return {
          ...p,
          class: 'chronic-worse',
          level: CLASS_LEVEL['chronic-worse'],
          evidence: [...p.evidence, worse],
          why: `${CLASS_WORDS['chronic-worse']} ("${worse.text}", in the history)`,
        };
    }
    return p;
  });
}

function level(problems: Problem[]): ProblemsElement {
  const n = (c: ProblemClass[]) => problems.filter((p) => c.includes(p.class)).length;
  const chronic = n(['chronic-severe', 'chronic-worse', 'chronic-stable']);
  if (n(['threat', 'chronic-severe']) > 0)
    return { level: 'high', problems, why: problems.find((p) => p.level === 'high')!.why };
  if (n(['chronic-worse', 'undiagnosed', 'acute-systemic', 'complicated-injury']) > 0) {
    return { level: 'moderate', problems, why: problems.find((p) => p.level === 'moderate')!.why };
  }
  if (chronic >= 2) return { level: 'moderate', problems, why: `${chronic} chronic illnesses addressed` };
  if (n(['chronic-stable', 'acute']) > 0)
    return { level: 'low', problems, why: problems.find((p) => p.level === 'low')!.why };
  if (n(['minor']) >= 2) return { level: 'low', problems, why: 'two or more self-limited or minor problems' };
  return {
    level: 'straightforward',
    problems,
    why: problems.length ? 'one self-limited or minor problem' : 'no problem statement found',
  };
}
