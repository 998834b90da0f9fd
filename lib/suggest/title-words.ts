import { fold, tokenize } from '../text/tokens';
import { isStopWord } from './dictionary';

/*
 * What a code title's own words say, read for refinement (refine.ts): the words it says are absent
 * or not the case, its "with …" clauses, its hyphenated compounds, the numbers it compares against
 * and the stage range it spans. Per-title readings are remembered: refinement runs for every mention.
 */

/** The stems a title says are absent ("… without mention of back pain or lower extremity pain"), read once per title. */
const ABSENT = new Map<string, string[]>();
/** The word a title says is not the case ("…, not intractable"): written in a note, it selects the other child. */
const NOT_WORD = /\bnot (\w+)/gi;
export function negatedWords(title: string): string[] {
  return [...title.matchAll(NOT_WORD)].flatMap((m) => stemsOfPhrase(m[1]!));
}

/** Numbers a title compares against ("Less than 8 weeks"), unless the sentence compares too ("under 8 weeks"). */
const COMPARED = /\b(?:less|fewer|more|greater) than (\d+)/gi;
const COMPARING = ['less', 'fewer', 'under', 'below', 'more', 'greater', 'over', 'abov'];
export function comparedNumbers(title: string, sentenceStems: Set<string>): string[] {
  if (COMPARING.some((w) => sentenceStems.has(w))) return [];
  return [...title.matchAll(COMPARED)].map((m) => m[1]!);
}

/** The stems of each hyphenated compound of a title ("post-traumatic", "non-ST elevation"), read once per title. */
const COMPOUNDS = new Map<string, string[][]>();
export function compoundWords(title: string): string[][] {
  let compounds = COMPOUNDS.get(title);
  if (!compounds)
    COMPOUNDS.set(
      title,
      (compounds = [...title.matchAll(/\b\w+(?:-\w+)+\b/g)].map((m) => stemsOfPhrase(m[0].replace(/-/g, ' ')))),
    );
  return compounds;
}

/** The stems of a title phrase's words, stop words aside. */
export function stemsOfPhrase(phrase: string): string[] {
  return tokenize(fold(phrase))
    .filter((t) => !isStopWord(t.norm))
    .map((t) => t.stem);
}

export function mentionedAbsent(title: string): string[] {
  let stems = ABSENT.get(title);
  if (!stems) {
    const words = tokenize(fold(/\bwithout mention of\b(.*)$/i.exec(title)?.[1] ?? ''));
    ABSENT.set(title, (stems = words.filter((t) => !isStopWord(t.norm)).map((t) => t.stem)));
  }
  return stems;
}

/** Title clauses adding a condition ("…, with gangrene"), not those stating an absence ("without …"). */
// "with …", and the cause a title names ("secondary to blood loss"): stated only with its last word.
const WITH_CLAUSE = /\b(?:with\b(?!out)|(secondary) to\b|due to\b)([^,;(]*)/gi;

/** Whether a title adds a "with …" clause none of whose words the sentence holds ("Nausea with vomiting" is stated by "nausea and vomiting"). */
export function addsUnstatedCondition(title: string, sentenceStems: Set<string>): boolean {
  return withClauseWords(title).some((words) => words.length > 0 && !words.some((w) => sentenceStems.has(w)));
}

/** The stems of each "with …" clause of a title, read once per title (refinement runs for every mention). */
const CLAUSES = new Map<string, string[][]>();
export function withClauseWords(title: string): string[][] {
  let clauses = CLAUSES.get(title);
  if (!clauses)
    CLAUSES.set(
      title,
      (clauses = [...title.matchAll(WITH_CLAUSE)].map((m) =>
        tokenize(fold(`${m[1] ?? ''} ${m[2]!}`))
          .map((t) => t.stem)
          .filter((w) => !isStopWord(w)),
      )),
    );
  return clauses;
}

/** "stage 1 through stage 4" in a title and a stage in that range in the sentence: the stated stage. */
export function stageInRange(title: string, sentenceStems: Set<string>): string | undefined {
  const m = /stage (\d) through stage (\d)/i.exec(title);
  if (!m) return undefined;
  for (const s of sentenceStems) {
    const n = /^stage#(\d)[a-z]?$/.exec(s);
    if (n && Number(n[1]) >= Number(m[1]) && Number(n[1]) <= Number(m[2])) return s;
  }
  return undefined;
}
