import { firstMatch, type EmNote, type EmStatement } from './note-view';
import {
  affirmed,
  CLASS_LEVEL,
  CLASS_WORDS,
  classify,
  CUES,
  namesCondition,
  type Problem,
  type ProblemClass,
  type ProblemsElement,
} from './problem-classes';
import { deniesOnly, diagnosisLike, namesNoProblem, units } from './problem-units';
import { rank } from './tables';

/*
 * MDM element 1: the number and complexity of problems addressed. Problems are the note's
 * diagnostic statements (a numbered item of the assessment, else each assessment sentence that
 * names a problem); plan sentences that follow a problem belong to it. Each problem is classed by
 * its words; the element's level follows the CPT table, where two or more chronic illnesses are
 * moderate together and two or more self-limited problems are low.
 */
export type { Problem, ProblemClass, ProblemsElement } from './problem-classes';

/**
 * Reads the problems addressed and levels the element. The reason for the visit is always
 * addressed: when it reads as more complex than the assessment's problems (a threat named in the
 * chief complaint), it sets the level; without an assessment it stands in, and without either the
 * note's opening sentence (why the patient is here) does.
 */
export function readProblems(note: EmNote): ProblemsElement {
  let list = units(note)
    .filter(
      (u) => (note.structured || namesCondition(u.headText)) && !deniesOnly(u.headText) && !namesNoProblem(u.headText),
    )
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
