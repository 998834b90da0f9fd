import type { CodePack } from '../pack/code-pack';

/*
 * Which conditions a history code covers, as the Tabular List states it: the family and personal
 * history categories (Z80-Z87) carry inclusion notes "Conditions classifiable to C15-C26" on the
 * code or an ancestor. A coder reads a relative's colon cancer (C18) as Z80.0 because Z80.0 says
 * it takes C15-C26, not because a title word matches (Z83.718 "other colon polyps" shares "colon"
 * but says it takes D12 and K00-K93). The nearest such note governs: a child's own note narrows
 * its parent's.
 */
const CLASSIFIABLE = /^conditions classifiable to\s+(.+)$/i;
const CODE = /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** "C15-C26, C80.1, C50.-" -> [["C15","C26"],["C80.1","C80.1"],["C50","C50"]]; undefined when a part is not a code or range. */
export function parseClassifiable(list: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const raw of list.split(/\s*,\s*/)) {
    const part = raw.trim().replace(/\.?-$/, '');
    const [lo, hi = lo] = part.split(/\s*-\s*/);
    if (!lo || !hi || !CODE.test(lo) || !CODE.test(hi)) return undefined;
    out.push([lo, hi]);
  }
  return out.length ? out : undefined;
}

/** Whether a condition code falls in a range of codes or categories (compared at each bound's length). */
export function inRange(condition: string, [lo, hi]: [string, string]): boolean {
  const c = condition.toUpperCase();
  return c.slice(0, lo.length) >= lo && c.slice(0, hi.length) <= hi;
}

interface Classifiable {
  /** The code whose note it is (the code itself or an ancestor). */
  holder: string;
  ranges: [string, string][];
}

const RANGES = new WeakMap<CodePack, Map<string, Classifiable | null>>();

/** A history code's nearest "Conditions classifiable to" note: its holder and ranges, or undefined when it has none. */
export function classifiable(pack: CodePack, z: string): Classifiable | undefined {
  let cache = RANGES.get(pack);
  if (!cache) RANGES.set(pack, (cache = new Map()));
  if (!cache.has(z)) {
    let best: Classifiable | undefined;
    for (const n of pack.icd10cm?.lookup(z)?.notes ?? []) {
      if (n.kind !== 'inclusionTerm') continue;
      const m = CLASSIFIABLE.exec(n.text.trim());
      // "… Q00-Q89 that have been repaired or corrected": the codes, without the words after them.
      const ranges = m ? parseClassifiable(m[1]!.replace(/\s+[a-z].*$/, '')) : undefined;
      // Nearest: the note printed on the longest code (the code itself before its category).
      if (ranges && (!best || n.from.length > best.holder.length)) best = { holder: n.from, ranges };
    }
    cache.set(z, best ?? null);
  }
  return cache.get(z) ?? undefined;
}

/** true: the Tabular says the history code takes the condition; false: it names others; undefined: it says nothing. */
export function covers(pack: CodePack, z: string, condition: string): boolean | undefined {
  const note = classifiable(pack, z);
  return note ? note.ranges.some((r) => inRange(condition, r)) : undefined;
}
