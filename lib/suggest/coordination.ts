import type { ExpandedToken } from '../text/expand';
import type { TermMatch } from './matcher';
import { readingsAcrossInvolving } from './involved-sites';

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
  const involved = readingsAcrossInvolving(kept, tokens);
  if (kept.length < 3) return { kept: kept.filter((m) => !involved.includes(m)), moved: involved };
  const byComma = segmentsOf(tokens, text, false);
  const byAnd = segmentsOf(tokens, text, true);
  const sourcesOf = kept.map((m) => [...new Set(m.positions.map((p) => tokens[p]!.source))]);
  const spanOf = kept.map((o) => ({
    from: Math.min(...o.positions.map((p) => tokens[p]!.start)),
    to: Math.max(...o.positions.map((p) => tokens[p]!.end)),
  }));
  // Each written word (not an expansion) by its source, as written and as a stem.
  const written = new Map<number, string>();
  const stemOf = new Map<number, string>();
  for (const t of tokens)
    if (!t.expanded && !t.implied) {
      written.set(t.source, t.norm);
      stemOf.set(t.source, t.stem);
    }
  const straddles = (i: number, segment: Map<number, number>, fragmentOnly: boolean): boolean => {
    const m = kept[i]!;
    const mine = sourcesOf[i]!;
    const segs = new Set(mine.map((s) => segment.get(s)!));
    if (segs.size < 2) return false;
    // Across three or more items ("hypertension, hemorrhoids, COPD") any reading, even one a
    // longer match hid, reads a side; across two, a reading that stands on its own ("manic
    // disorder, is presently psychotic") is set aside only for readings that stand on their own.
    const segList = [...segs].sort((a, b) => a - b);
    const between = [...new Set([...segment.values()])].filter(
      (sg) => sg > segList[0]! && sg < segList[segList.length - 1]! && !segs.has(sg),
    );
    const wide = between.length > 0 || segs.size > 2;
    const strict = !wide && primary.has(m);
    const inSegment = (j: number, sg: number) => sourcesOf[j]!.every((s) => segment.get(s) === sg);
    const lo = Math.min(...mine);
    const hi = Math.max(...mine);
    // A link word joins the two parts, unless it belongs to another condition's own phrase
    // ("shortness of breath") or follows a form of "be" ("found to be in acute pulmonary edema").
    const linked = tokens.some(
      (t, k) =>
        t.source > lo &&
        t.source < hi &&
        !t.expanded &&
        LINKS.has(t.norm) &&
        !(t.norm === 'in' && BE.has(tokens[k - 1]?.norm ?? '')) &&
        linksTo(k, mine) &&
        !kept.some(
          (_, j) =>
            j !== i &&
            spanOf[j]!.from < t.start &&
            spanOf[j]!.to > t.end &&
            new Set(sourcesOf[j]!.map((x) => segment.get(x))).size === 1,
        ),
    );
    if (linked) return false;
    // Read on that side: inside the words of another match that lies wholly in the segment (by
    // characters, so a synonym's phrase "degenerative disc disease" covers all three words).
    const readersOf = (strictly: boolean) =>
      segList.map((sg) => {
        const here = m.positions.filter((p) => segment.get(tokens[p]!.source) === sg).map((p) => tokens[p]!);
        return kept.flatMap((o, j) =>
          j !== i &&
          !(strictly && !primary.has(o)) &&
          inSegment(j, sg) &&
          here.every((t) => t.start >= spanOf[j]!.from && t.end <= spanOf[j]!.to)
            ? [j]
            : [],
        );
      });
    const readers = readersOf(false);
    if (!readers.every((r) => r.length > 0)) return false;
    // A reading that takes a fragment of another condition's phrase ("chest pain and shortness of
    // breath" is no "chest pain on breathing"; "hypertension, found to be in acute pulmonary
    // edema" no pulmonary hypertension) is set aside across a comma or an "and". Across "and"
    // nothing else is: a reading there may join two conditions the Index links ("hypertension
    // and chronic kidney disease" I12.9), and words written once may serve both items ("left
    // knee pain and stiffness", "bone and bladder metastatic disease").
    const fragment = takesFragment(i, segList, segment, readers, fragmentOnly);
    if (!fragment && (fragmentOnly || (strict && !readersOf(true).every((r) => r.length > 0)))) return false;
    // A list of conditions names one in every item: "inhalant, paint, abuse" has an item no
    // reading covers ("paint"), so its commas set off words of one phrase, not conditions.
    return between.every((sg) => kept.some((o, j) => j !== i && inSegment(j, sg)));
  };
  /**
   * Whether the reading borrows part of another condition's phrase: a side's words lie inside a
   * longer reading there and name nothing alone, and they are not words both items share — the
   * opening words of the first item ("left knee pain and stiffness"), before a comma the
   * condition a site after it qualifies ("severe tricompartmental osteoarthritis, left knee"),
   * after a comma the site itself ("osteoarthritis, left knee with varus deformity"), a side
   * ("fracture, dislocation left proximal humerus"), or the closing words of the last item after
   * one that names nothing alone or before a place ("edema and swelling in his legs").
   */
  const takesFragment = (
    i: number,
    segList: number[],
    segment: Map<number, number>,
    readers: number[][],
    afterAnd: boolean,
  ): boolean => {
    if (segList.length !== 2) return false;
    const mine = sourcesOf[i]!;
    const side = segList.map((sg) => mine.filter((s) => segment.get(s) === sg));
    const alone = (words: number[]) =>
      kept.some(
        (_, j) => j !== i && sourcesOf[j]!.length === words.length && words.every((s) => sourcesOf[j]!.includes(s)),
      );
    // The same word written on the other side too ("peripheral arterial disease, peripheral
    // neuropathy"): the reading may stand on that one.
    const twinOnOtherSide = (words: number[], k: number) =>
      words.every((s) => {
        const stem = stemOf.get(s);
        return [...stemOf].some(([x, st]) => st === stem && x !== s && segment.get(x) === segList[1 - k]);
      });
    return side.some((words, k) => {
      if (alone(words) || twinOnOtherSide(words, k) || words.some((s) => SIDES.has(written.get(s) ?? ''))) return false;
      return readers[k]!.some((j) => {
        const other = sourcesOf[j]!;
        if (!other.some((s) => !mine.includes(s))) return false;
        // Opening the other reading, a side before it aside ("left knee with varus deformity").
        const first = Math.min(...words);
        const opens = other.every((s) => s >= first || SIDES.has(written.get(s) ?? ''));
        const closes = words.includes(Math.max(...other));
        const shared =
          k === 0
            ? opens || !afterAnd
            : (opens && !afterAnd) || (closes && (!alone(side[0]!) || placeOpens(Math.min(...words))));
        return !shared;
      });
    });
  };
  /** A place phrase opens at this word ("in his legs", "of the knee"): a site both items share. */
  const placeOpens = (at: number): boolean => {
    let k = at - 1;
    const determiner = DETERMINERS.has(written.get(k) ?? '');
    if (determiner) k--;
    const before = written.get(k) ?? '';
    return PLACE.has(before) || (before === 'of' && determiner);
  };
  /**
   * The link leads to the reading's own words in its own item ("anemia due to CKD", "cancer with
   * bone and bladder metastatic disease"), not past a comma to another item ("renal failure with
   * dialysis, CHF").
   */
  const linksTo = (k: number, mine: number[]): boolean => {
    const item = byComma.get(tokens[k]!.source);
    return mine.some((s) => s > tokens[k]!.source && byComma.get(s) === item);
  };
  const moved = kept.filter(
    (m, i) => involved.includes(m) || straddles(i, byComma, false) || straddles(i, byAnd, true),
  );
  return { kept: kept.filter((m) => !moved.includes(m)), moved };
}

/** Forms of "be": "in" after them places the patient ("to be in pulmonary edema"), it links no two conditions. */
const BE = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being']);
/** Prepositions that open the place of what comes before them. */
const PLACE = new Set(['in', 'at', 'on', 'over', 'around', 'involving', 'affecting']);
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'both', 'a', 'an', 'this', 'that']);
const SIDES = new Set(['left', 'right', 'bilateral']);
/** Words that coordinate two items of a list. */
const AND = new Set(['and', 'or']);

/**
 * Segment number of each original token: a comma or semicolon between two words starts a new one
 * (with `andToo`, a coordinating "and" / "or" instead).
 */
function segmentsOf(tokens: ExpandedToken[], text: string, andToo: boolean): Map<number, number> {
  const firstBySource = new Map<number, ExpandedToken>();
  for (const t of tokens) if (!firstBySource.has(t.source)) firstBySource.set(t.source, t);
  const order = [...firstBySource.keys()].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let seg = 0;
  let prevEnd = -1;
  for (const s of order) {
    const t = firstBySource.get(s)!;
    if (!andToo && prevEnd >= 0 && /[,;]/.test(text.slice(prevEnd, t.start))) seg++;
    if (andToo && !t.expanded && AND.has(t.norm)) {
      seg++;
      continue;
    }
    out.set(s, seg);
    prevEnd = Math.max(prevEnd, t.end);
  }
  return out;
}
