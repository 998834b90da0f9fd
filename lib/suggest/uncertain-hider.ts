import type { ContextScopes } from '../text/context';
import type { ExpandedToken } from '../text/expand';
import type { TermMatch } from './matcher';

const CERTAIN = new Set(['present', 'historical']);
const DOUBTED = new Set(['possible']);
const sourcesOf = (m: TermMatch, exp: ExpandedToken[]) => new Set(m.positions.map((p) => exp[p]!.source));

/**
 * "Bilateral pneumonia; suspect atypical pneumonia, rule out Pneumocystis carinii pneumonia": the
 * longer reading (B59) hides "pneumonia" wherever the sentence repeats the word, but it is only
 * suspected (IV.H) while the first "pneumonia" is stated. A reading hidden only by readings of
 * other words that are all uncertain or negated, and stated itself, is read as its own statement.
 */
export function unhideStated(
  kept: TermMatch[],
  covered: TermMatch[],
  exp: ExpandedToken[],
  ctx: ContextScopes,
): { kept: TermMatch[]; covered: TermMatch[] } {
  const certain = (m: TermMatch) => [...sourcesOf(m, exp)].every((s) => CERTAIN.has(ctx.assertionOf(s)));
  const keptSources = kept.map((m) => ({ m, s: sourcesOf(m, exp), certain: certain(m) }));
  const back = covered.filter((c) => {
    const mine = sourcesOf(c, exp);
    if (!certain(c)) return false;
    // Only a reading no kept reading shares a word with, and only where every kept reading of its
    // stems is uncertain: a stated longer reading keeps hiding it.
    if (keptSources.some((k) => [...mine].some((x) => k.s.has(x)))) return false;
    const stems = new Set(c.positions.map((p) => exp[p]!.stem));
    const hiders = keptSources.filter(
      (k) => c.positions.length < k.m.positions.length && k.m.positions.some((p) => stems.has(exp[p]!.stem)),
    );
    return hiders.length > 0 && hiders.every((k) => !k.certain);
  });
  if (back.length === 0) return { kept, covered };
  // One reading per set of words: the best of those brought back for the same words.
  const chosen: TermMatch[] = [];
  for (const c of back.sort((a, b) => b.score - a.score)) {
    const mine = sourcesOf(c, exp);
    if (!chosen.some((o) => [...sourcesOf(o, exp)].some((x) => mine.has(x)))) chosen.push(c);
  }
  return { kept: [...kept, ...chosen], covered: covered.filter((c) => !chosen.includes(c)) };
}

/**
 * "Choledocholithiasis, possible cholecystitis": one Index reading joins both words (K80.40,
 * calculus of bile duct with cholecystitis), but the note doubts one of them. The
 * combination is not documented (Guidelines IV.H, I.A.15 "with" needs both conditions): the reading
 * is set aside so each word is read on its own (K80.50 stated, the cholecystitis uncertain).
 */
export function doubtedInPart(found: TermMatch[], exp: ExpandedToken[], ctx: ContextScopes): TermMatch[] {
  return found.filter((m) => {
    // The stated words come first and the doubted ones after them, the cue written between them: a
    // reading whose doubted words sit among stated ones, or whose cue stands outside it, is a scope
    // the cue reader may have misjudged.
    const src = [...sourcesOf(m, exp)].sort((x, y) => x - y);
    const a = src.map((s) => ctx.assertionOf(s));
    const firstDoubted = a.findIndex((x) => DOUBTED.has(x));
    if (firstDoubted > 0 && CERTAIN.has(a[0]!) && a.slice(firstDoubted).every((x) => DOUBTED.has(x))) {
      const cue = ctx.triggerFor(src[firstDoubted]!);
      return cue !== undefined && cue.first > src[firstDoubted - 1]! && cue.last < src[firstDoubted]!;
    }
    // The mirror: doubted words first, a cue looking back at them, stated words after it
    // ("irritable bowel type symptoms, intermittent diarrhea": the diarrhea is stated).
    const firstStated = a.findIndex((x) => CERTAIN.has(x));
    if (firstStated <= 0 || !a.slice(0, firstStated).every((x) => DOUBTED.has(x))) return false;
    if (!a.slice(firstStated).every((x) => CERTAIN.has(x))) return false;
    const cue = ctx.triggerFor(src[firstStated - 1]!);
    return cue !== undefined && cue.first > src[firstStated - 1]! && cue.last < src[firstStated]!;
  });
}
