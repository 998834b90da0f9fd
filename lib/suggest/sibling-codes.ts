import type { CodePack } from '../pack/code-pack';
import type { Dictionary } from './dictionary';
import { codeInfo, parentOf } from './code-tree';

/*
 * Siblings that state what an "unspecified" code leaves open: the site (siteSibling) or the side
 * (sideSibling) the sentence writes, where the Tabular puts them beside the code, not under it.
 */

/**
 * Some categories code the side as a sibling of the "unspecified side" code, not as its child
 * (N63.0 "Unspecified lump in unspecified breast" beside N63.1- "… in the right breast"; S83.209
 * "…, unspecified knee" beside S83.207 "…, left knee"): with one side written, the sibling of that
 * side (I.B.13 laterality).
 */
export function sideSibling(pack: CodePack, code: string, side: 'right' | 'left'): string | undefined {
  // A code with its 7th character: the sibling of its six-character base, with the same 7th.
  const seventh = code.replace('.', '').length === 7 ? code.slice(-1) : '';
  if (seventh) {
    const base = sideSibling(pack, code.slice(0, -1), side);
    return base && codeInfo(pack, base + seventh) ? base + seventh : undefined;
  }
  const info = codeInfo(pack, code);
  if (!info) return undefined;
  const siblings = (codeInfo(pack, parentOf(code))?.children ?? []).filter(
    (c) => c.code !== code && c.code.length === code.length,
  );
  // The sibling whose title is this one's with the side written for "unspecified" ("Unspecified
  // tear of unspecified meniscus, current injury, unspecified knee" -> "…, left knee", S83.207).
  const part = /\bunspecified ([a-z]+)$/i.exec(info.title);
  if (part) {
    const sided = `${info.title.slice(0, part.index)}${side} ${part[1]}`.toLowerCase();
    const same = siblings.filter((c) => c.title.toLowerCase() === sided);
    if (same.length === 1) return same[0]!.code;
  }
  const m = info.billable ? /\bunspecified (breast|eye)\b/i.exec(info.title) : undefined;
  if (!m) return undefined;
  const organ = new RegExp(`\\b(?:the )?${side} ${m[1]}\\b`, 'i');
  const found = siblings.filter((c) => organ.test(c.title));
  return found.length === 1 ? found[0]!.code : undefined;
}

/** Title words that name no site of their own. */
const SITE_FILLER = new Set(['region', 'site', 'part']);

/**
 * The Index often leads to a category's "site unspecified" code (Syndrome, facet joint -> M47.819);
 * when the sentence names the site one of its siblings states ("… lumbar region" M47.816 for a
 * facet syndrome at L4-5), that sibling is the code (Guidelines I.B.2, highest specificity). Only a
 * sibling every one of whose site words the sentence holds; never a choice between two.
 */
export function siteSibling(
  pack: CodePack,
  dict: Dictionary,
  code: string,
  sentenceStems: Set<string>,
): { code: string; by: string[] } | undefined {
  const info = codeInfo(pack, code);
  const m = info && /^(.*), (?:site unspecified|unspecified site)$/i.exec(info.title);
  if (!m || !info.billable) return undefined;
  const parent = parentOf(code);
  const own = dict.titleStems(code);
  const found: { code: string; by: string[] }[] = [];
  for (const c of codeInfo(pack, parent)?.children ?? []) {
    if (
      c.code === code ||
      c.code.length !== code.length ||
      !c.title.toLowerCase().startsWith(`${m[1]!.toLowerCase()},`)
    )
      continue;
    const extra = [...dict.titleStems(c.code)].filter((x) => !own.has(x) && !SITE_FILLER.has(x));
    if (extra.length > 0 && extra.every((x) => sentenceStems.has(x))) found.push({ code: c.code, by: extra });
  }
  return found.length === 1 ? found[0] : undefined;
}
