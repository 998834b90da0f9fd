/** A sentence as a [start, end) range of the original text. */
export interface Span {
  start: number;
  end: number;
}

/*
 * Sentence ends: a line break, or . ! ? ; followed by white space and then an upper-case letter,
 * a digit or a bullet. Titles ("Dr.", "Mr.") and single letters ("e.g.") do not end a sentence.
 */
const NO_BREAK_AFTER = /(?:\b(?:dr|mr|mrs|ms|st|vs|no|approx|e\.g|i\.e|fig|pt)|\b[a-z])\.$/i;

export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i + 1);
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === ';') {
      const next = text[i + 1];
      if (next !== undefined && next !== ' ' && next !== '\t') continue;
      let j = i + 1;
      while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
      const after = text[j];
      if (after !== undefined && after !== '\n' && !/[A-Z0-9•\-*(]/.test(after)) continue;
      if (c === '.' && NO_BREAK_AFTER.test(text.slice(Math.max(from, i - 6), i + 1))) continue;
      push(i + 1);
    }
  }
  push(to);
  return out;
}
