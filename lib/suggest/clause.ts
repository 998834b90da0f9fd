import type { ExpandedToken } from '../text/expand';

/**
 * Words that open a new clause about something else: what follows "however" or "but" does not
 * qualify the diagnosis before it ("historical diagnosis of bipolar disorder, however, the details
 * are not currently available" is no bipolar disorder "currently in remission").
 */
const BREAK = new Set(['but', 'however', 'although', 'though', 'whereas', 'except', 'which']);

/**
 * The stems of the clause a match is written in, for choosing the code's qualifiers (Guidelines
 * I.B.2: the specificity the provider documents for that condition). Implied words (the section's
 * "status", a newborn) belong to every clause. `all` is returned when the sentence has no break.
 */
function clauseStems(exp: ExpandedToken[], positions: number[], all: Set<string>): Set<string> {
  return withoutLinkWords(exp, clauseOnly(exp, positions, all));
}

const WIDESPREAD = new Set(['generalized', 'generalised', 'diffuse', 'widespread', 'global']);

/**
 * The stems that may qualify a match: its clause's ("clauseStems"), except that a condition written
 * as generalized ("neck pains, and generalized myalgias") has no one site, so the words written
 * before it choose none; its own words and what follows them still do ("Diffuse synovitis, right
 * shoulder").
 */
export function qualifierStems(exp: ExpandedToken[], positions: number[], all: Set<string>): Set<string> {
  const clause = clauseStems(exp, positions, all);
  const first = Math.min(...positions);
  if (!WIDESPREAD.has(exp[first - 1]?.norm ?? '') || positions.includes(first - 1)) return clause;
  const after = new Set(exp.slice(first).map((t) => t.stem));
  return new Set([...clause].filter((w) => after.has(w)));
}

function clauseOnly(exp: ExpandedToken[], positions: number[], all: Set<string>): Set<string> {
  const breaks = exp.flatMap((t, i) => (!t.implied && BREAK.has(t.norm) ? [i] : []));
  const foreign = otherAbbreviations(exp, positions);
  if ((breaks.length === 0 && foreign.size === 0) || positions.length === 0) return all;
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const lo = Math.max(-1, ...breaks.filter((b) => b < first));
  const hi = Math.min(exp.length, ...breaks.filter((b) => b > last));
  return new Set(exp.filter((t, i) => t.implied || (i > lo && i < hi && !foreign.has(i))).map((t) => t.stem));
}

/**
 * "Secondary to" names a cause and "status post" an operation: neither makes the condition a
 * secondary or post-traumatic one ("status post right knee replacement secondary to degenerative
 * joint disease" is no M17.5 or M17.31). Their words qualify nothing unless written elsewhere too.
 */
function withoutLinkWords(exp: ExpandedToken[], stems: Set<string>): Set<string> {
  const link = (i: number) =>
    (exp[i]!.norm === 'secondary' && exp[i + 1]?.norm === 'to') ||
    (exp[i]!.norm === 'post' && exp[i - 1]?.norm === 'status');
  const linked = new Set(exp.flatMap((t, i) => (link(i) ? [t.stem] : [])));
  if (linked.size === 0) return stems;
  const free = new Set(exp.flatMap((t, i) => (link(i) ? [] : [t.stem])));
  return new Set([...stems].filter((s) => !linked.has(s) || free.has(s)));
}

/**
 * The words an abbreviation of another condition expands to ("COPD" in "coronary artery disease,
 * cardiomyopathy, COPD"): they name that condition and do not qualify this one (no "obstructive"
 * hypertrophic cardiomyopathy I42.1 from the list's COPD). Only expansions of several words.
 */
function otherAbbreviations(exp: ExpandedToken[], positions: number[]): Set<number> {
  const own = new Set(positions.map((p) => exp[p]!.source));
  // A variant phrase read over the match's own words is their reading, not another condition's
  // ("left fifth finger splinter": the 'little finger' of "fifth finger" names the splinter's finger).
  const ownSpans = positions.map((p) => exp[p]!);
  const overlapsMatch = (t: ExpandedToken) => ownSpans.some((o) => t.start < o.end && o.start < t.end);
  const count = new Map<number, number>();
  for (const t of exp) if (t.expanded && !t.implied) count.set(t.source, (count.get(t.source) ?? 0) + 1);
  const out = new Set<number>();
  exp.forEach((t, i) => {
    if (t.expanded && !t.implied && !own.has(t.source) && (count.get(t.source) ?? 0) >= 2 && !overlapsMatch(t))
      out.add(i);
  });
  return out;
}
