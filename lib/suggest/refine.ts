import type { CodePack } from '../pack/code-pack';
import type { Dictionary } from './dictionary';

export interface Refined {
  code: string;
  from?: string;
  by: string[];
}

/*
 * From a header code to a billable one using qualifiers written in the same sentence
 * (Official Guidelines I.B.2 highest specificity, I.B.13 laterality, I.C.19.a 7th characters):
 * at each level take the child whose extra title words the sentence holds; with none, the
 * child stating an absence ("without …"), else the "unspecified" child. A code needing a 7th character gets it from the episode words: subsequent
 * -> D, sequela -> S, open fracture -> B, else A (initial; a fracture not said to be open is closed, I.C.19.c.1).
 */
export function refineToBillable(pack: CodePack, dict: Dictionary, code: string, sentenceStems: Set<string>): Refined {
  let current = code;
  const by: string[] = [];
  for (let depth = 0; depth < 5; depth++) {
    const hit = pack.codeInfo(current);
    if (!hit || hit.billable) break;
    const children = hit.children.filter((c) => c.code.length > current.length);
    const sevenChr = children.length === 0 || children.every((c) => c.code.replace('.', '').length === 7) ? pack.sevenChrFor(current) : undefined;
    const sevenOnly = Boolean(sevenChr) && children.length > 0;
    if (children.length > 0 && !sevenOnly) {
      const parentStems = dict.titleStems(current);
      let best = children[0]!;
      let bestScore = -Infinity;
      let bestWords: string[] = [];
      for (const c of children) {
        const stems = dict.titleStems(c.code);
        const extra = [...stems].filter((s) => !parentStems.has(s));
        const hits = extra.filter((s) => sentenceStems.has(s));
        // With no qualifier written, the default reading: the child that states an absence
        // ("without complications" E11.9, "without status migrainosus", "uncomplicated") over
        // "unspecified" (which for E11.8 means complications of an unstated kind).
        const own = c.title.toLowerCase().startsWith(hit.title.toLowerCase()) ? c.title.slice(hit.title.length) : c.title;
        const fallback = /\bwithout\b|\buncomplicated\b|\bnot intractable\b/i.test(own) ? 0.6 : /unspecified/i.test(own) ? 0.5 : 0;
        const score = hits.length * 2 + (hits.length === 0 ? fallback : 0) - 0.01 * (extra.length - hits.length);
        if (score > bestScore) {
          best = c;
          bestScore = score;
          bestWords = hits;
        }
      }
      by.push(...bestWords);
      current = best.code;
      continue;
    }
    if (sevenChr) {
      const chars = sevenChr.values.map((v) => v.char);
      const has = (s: string) => sentenceStems.has(s);
      let ch = 'A';
      if (has('sequela')) ch = 'S';
      else if (has('subsequ') || has('follow')) ch = 'D';
      else if (has('open') && chars.includes('B')) ch = 'B';
      if (!chars.includes(ch)) ch = chars[0] ?? 'A';
      const base = current.replace('.', '').padEnd(6, 'X');
      const full = `${base.slice(0, 3)}.${base.slice(3)}${ch}`;
      if (pack.codeInfo(full)) {
        by.push(`7th character ${ch}`);
        current = full;
      }
      break;
    }
    break;
  }
  return current === code ? { code, by } : { code: current, from: code, by };
}
