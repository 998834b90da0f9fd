import type { ExpandedToken } from '../text/expand';
import type { Dictionary, Term } from './dictionary';

export interface TermMatch {
  term: number;
  /** Indexes (into the sentence's expanded tokens) of the matched required and optional words. */
  positions: number[];
  score: number;
}

/**
 * Finds the terms whose required stems all occur in one sentence, in any order ("colic, renal" =
 * "renal colic"), within a window that grows with the term's length, then keeps only maximal
 * matches: a term whose matched words are a strict subset of another match's is dropped (E11 and
 * N18 give way to E11.22 and N18.32 in "type 2 diabetes with stage 3b CKD").
 */
export function matchSentence(tokens: ExpandedToken[], dict: Dictionary): TermMatch[] {
  return matchSentenceAll(tokens, dict).kept;
}

/** As matchSentence, also returning the matches a more specific one covers (kept as alternatives). */
export function matchSentenceAll(tokens: ExpandedToken[], dict: Dictionary): { kept: TermMatch[]; covered: TermMatch[] } {
  const where = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = where.get(t.stem);
    if (list) list.push(i);
    else where.set(t.stem, [i]);
  });
  const found: TermMatch[] = [];
  for (const stem of where.keys()) {
    for (const ti of dict.anchored(stem) ?? []) {
      const term = dict.term(ti);
      const m = tryTerm(term, where, tokens);
      if (m) found.push({ term: ti, positions: m.positions, score: m.score });
    }
  }
  return keepMaximal(found, dict);
}

function tryTerm(term: Term, where: Map<string, number[]>, tokens: ExpandedToken[]): { positions: number[]; score: number } | undefined {
  const anchorAt = where.get(term.anchor)!;
  let best: { positions: number[]; span: number } | undefined;
  for (const a of anchorAt) {
    const positions: number[] = [];
    let ok = true;
    for (const w of term.required) {
      const list = where.get(w);
      if (!list) {
        ok = false;
        break;
      }
      let p = list[0]!;
      for (const q of list) if (Math.abs(q - a) < Math.abs(p - a)) p = q;
      positions.push(p);
    }
    if (!ok) return undefined;
    const span = Math.max(...positions) - Math.min(...positions);
    if (!best || span < best.span) best = { positions, span };
  }
  if (!best) return undefined;
  // Words of one term sit close together: allow the term's own length plus a few modifiers.
  const sourceSpan = new Set(best.positions.map((p) => tokens[p]!.source)).size;
  if (best.span > term.required.length * 2 + 4 && sourceSpan > 1) return undefined;
  const lo = Math.min(...best.positions) - 3;
  const hi = Math.max(...best.positions) + 3;
  const positions = [...best.positions];
  let optionalHits = 0;
  for (const w of term.optional) {
    const p = where.get(w)?.find((q) => q >= lo && q <= hi);
    if (p !== undefined) {
      positions.push(p);
      optionalHits++;
    }
  }
  // An unmatched "other" costs more than an unmatched "unspecified": "other" titles are for
  // specified conditions without their own code, "unspecified" for what the note leaves open.
  let missing = 0;
  for (const w of term.optional) if (!positions.some((p) => tokens[p]!.stem === w)) missing += w === 'other' ? 0.15 : 0.05;
  return { positions, score: term.weight + 0.3 * optionalHits - missing - 0.02 * best.span };
}

function keepMaximal(found: TermMatch[], dict: Dictionary): { kept: TermMatch[]; covered: TermMatch[] } {
  const sets = found.map((m) => new Set(m.positions.map(String)));
  const keep: TermMatch[] = [];
  const covered: TermMatch[] = [];
  found.forEach((m, i) => {
    const mine = sets[i]!;
    const dominated = found.some((o, j) => {
      if (j === i) return false;
      const other = sets[j]!;
      if (other.size < mine.size) return false;
      for (const p of mine) if (!other.has(p)) return false;
      if (other.size > mine.size) return true;
      // Same words: keep the better-scoring term (ties: the shorter, more general code first).
      return o.score > m.score || (o.score === m.score && dict.term(o.term).code < dict.term(m.term).code);
    });
    if (!dominated) keep.push(m);
    else covered.push(m);
  });
  return { kept: keep, covered };
}
