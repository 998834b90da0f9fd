import type { ExpandedToken } from '../text/expand';
import type { TermMatch } from './matcher';

/** Words that link two conditions into one Index entry ("diabetes, with low glucoses", "anemia, due to CKD"). */
const LINKS = new Set([
  'with',
  'due',
  'secondary',
  'from',
  'associated',
  'caused',
  'because',
  'related',
  'complicated',
  'in',
  'of',
]);

/**
 * A list written "lumbar degenerative disc disease, lumbar spinal stenosis, and facet joint
 * syndrome" names three conditions; a term assembled from words of two of them ("degeneration,
 * spinal") is a reading no coder makes. A match whose words straddle a comma or semicolon is
 * moved to the alternatives when the words on each side already belong to a condition read on that
 * side alone and nothing links the two parts ("Diabetes, still with low glucoses" keeps E11.649:
 * the Index's "with" joins them; Guidelines I.A.15).
 */
export function splitCoordinated(
  kept: TermMatch[],
  tokens: ExpandedToken[],
  text: string,
  primary: ReadonlySet<TermMatch> = new Set(kept),
): { kept: TermMatch[]; moved: TermMatch[] } {
  if (kept.length < 3) return { kept, moved: [] };
  const segment = segmentsOf(tokens, text);
  const sourcesOf = kept.map((m) => [...new Set(m.positions.map((p) => tokens[p]!.source))]);
  const moved: TermMatch[] = [];
  kept.forEach((m, i) => {
    const mine = sourcesOf[i]!;
    const segs = new Set(mine.map((s) => segment.get(s)!));
    if (segs.size < 2) return;
    // Across three or more items ("hypertension, hemorrhoids, COPD") any reading, even one a
    // longer match hid, reads a side; across two, a reading that stands on its own ("manic
    // disorder, is presently psychotic") is set aside only for readings that stand on their own.
    const segList = [...segs].sort((a, b) => a - b);
    const between = [...new Set([...segment.values()])].filter(
      (sg) => sg > segList[0]! && sg < segList[segList.length - 1]! && !segs.has(sg),
    );
    const wide = between.length > 0 || segs.size > 2;
    const strict = !wide && primary.has(m);
    const lo = Math.min(...mine);
    const hi = Math.max(...mine);
    for (const t of tokens) if (t.source > lo && t.source < hi && !t.expanded && LINKS.has(t.norm)) return;
    // Read on that side: inside the words of another match that lies wholly in the segment (by
    // characters, so a synonym's phrase "degenerative disc disease" covers all three words).
    const eachSideRead = [...segs].every((sg) => {
      const here = m.positions.filter((p) => segment.get(tokens[p]!.source) === sg).map((p) => tokens[p]!);
      return kept.some((o, j) => {
        if (j === i || (strict && !primary.has(o)) || !sourcesOf[j]!.every((s) => segment.get(s) === sg)) return false;
        const from = Math.min(...o.positions.map((p) => tokens[p]!.start));
        const to = Math.max(...o.positions.map((p) => tokens[p]!.end));
        return here.every((t) => t.start >= from && t.end <= to);
      });
    });
    // A list of conditions names one in every item: "inhalant, paint, abuse" has an item no
    // reading covers ("paint"), so its commas set off words of one phrase, not conditions.
    const listOfConditions = between.every((sg) =>
      kept.some((o, j) => j !== i && sourcesOf[j]!.every((s) => segment.get(s) === sg)),
    );
    if (eachSideRead && listOfConditions) moved.push(m);
  });
  return { kept: kept.filter((m) => !moved.includes(m)), moved };
}

/** Segment number of each original token: a comma or semicolon between two words starts a new one. */
function segmentsOf(tokens: ExpandedToken[], text: string): Map<number, number> {
  const firstBySource = new Map<number, ExpandedToken>();
  for (const t of tokens) if (!firstBySource.has(t.source)) firstBySource.set(t.source, t);
  const order = [...firstBySource.keys()].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let seg = 0;
  let prevEnd = -1;
  for (const s of order) {
    const t = firstBySource.get(s)!;
    if (prevEnd >= 0 && /[,;]/.test(text.slice(prevEnd, t.start))) seg++;
    out.set(s, seg);
    prevEnd = Math.max(prevEnd, t.end);
  }
  return out;
}
